import { writeFileSync } from 'node:fs';
import { Composer } from 'grammy';
import { DomainError } from '../../core/errors';
import type { BotContext } from '../../telegram/context';
import type { LegacyFeature as Feature } from '../../telegram/legacy';
import { dayBot } from './bot-day';
import { residentBot } from './bot-resident';
import { staffBot } from './bot-staff';
import { seedDemoMarket } from './demo';
import { exportCsv } from './export';
import { parseDate } from './input';
import { marketJobs } from './jobs';
import { bookedOnNextMarket, policyFrom } from './service';

export const marketFeature: Feature = {
  name: 'market',
  // Staff first: their flow steps must see staff input before the resident handlers do.
  composer: new Composer<BotContext>(staffBot, dayBot, residentBot),
  commands: [
    { command: 'mybookings', descKey: 'market.commands.mybookings', scope: 'all' },
    { command: 'market', descKey: 'market.commands.market', scope: 'staff' },
  ],
  menu: [{ key: 'market.menu.main', order: 10 }],
  jobs: marketJobs,
  seedDemo: ({ db, config, clock }) => seedDemoMarket(db, clock.now(), policyFrom(config)),
  cli: {
    'market export': {
      usage: 'market export <YYYY-MM-DD> [file]  bookings and outcomes of that market day as CSV (UTF-8 with BOM)',
      async run(args, { db, out }) {
        const [date, file] = args;
        if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('usage: market export <YYYY-MM-DD> [file]');
        const day = parseDate(date, date);
        let csv: string;
        try {
          csv = await exportCsv(db, day);
        } catch (err) {
          if (err instanceof DomainError) throw new Error(`no published market day on ${day}`);
          throw err;
        }
        if (file) {
          writeFileSync(file, csv, 'utf8');
          out(`written ${csv.split('\r\n').length - 2} bookings to ${file}`);
        } else {
          out(csv.replace(/\r\n$/, ''));
        }
      },
    },
  },
  audiences: {
    'market.booked': {
      labelKey: 'market.audience.booked',
      userIds: (db, now, tz) => bookedOnNextMarket(db, now, tz),
    },
  },
};
