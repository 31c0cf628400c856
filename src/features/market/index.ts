import { writeFileSync } from 'node:fs';
import { Composer } from 'grammy';
import { DomainError } from '../../core/errors';
import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { Feature } from '../../telegram/feature';
import type { ResidentsService } from '../residents/service';
import { dayBot } from './bot/day';
import { residentBot } from './bot/resident';
import { staffBot } from './bot/staff';
import { seedDemoMarket } from './demo';
import { marketFlows } from './flows';
import { parseDate } from './input';
import { marketJobs } from './jobs';
import { createMarketService } from './service';

/** The monthly market day: catalogue, scheduling, booking, waitlist, reminders, the day's queue, export. */
export function createMarket(platform: Platform, deps: { residents: ResidentsService }) {
  const service = createMarketService(platform, deps.residents);
  const feature: Feature = {
    name: 'market',
    // Staff first: their flow steps must see staff input before the resident handlers do.
    composer: new Composer<BotContext>(staffBot(service), dayBot(service), residentBot(service)),
    commands: [
      { command: 'mybookings', descKey: 'market.commands.mybookings', scope: 'all' },
      { command: 'market', descKey: 'market.commands.market', scope: 'staff' },
    ],
    menu: [{ key: 'market.menu.main', order: 10 }],
    flows: marketFlows,
    jobs: marketJobs(service),
    demo: () => seedDemoMarket(platform.db, service),
    cli: {
      'market export': {
        usage: 'market export <YYYY-MM-DD> [file]  bookings and outcomes of that market day as CSV (UTF-8 with BOM)',
        async run([date, file], out) {
          if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date)) throw new Error('usage: market export <YYYY-MM-DD> [file]');
          const day = parseDate(date, date);
          // The command line has no translator: the one refusal possible here gets a plain line of its own.
          const csv = await service.exportCsv(day).catch((err: unknown) => {
            throw err instanceof DomainError ? new Error(`no published market day on ${day}`) : err;
          });
          if (file) {
            writeFileSync(file, csv, 'utf8');
            out(`written ${csv.split('\r\n').length - 2} bookings to ${file}`);
          } else {
            out(csv.replace(/\r\n$/, ''));
          }
          return undefined;
        },
      },
    },
    audiences: {
      'market.booked': { labelKey: 'market.audience.booked', userIds: (now) => service.bookedOnNextMarket(now) },
    },
  };
  return { service, feature };
}
