import { writeFileSync } from 'node:fs';
import { DomainError } from '../../core/errors';
import { isDate } from '../../core/time';
import type { Platform } from '../../platform';
import type { BotContext } from '../../telegram/context';
import type { Feature } from '../../telegram/feature';
import { flatComposer } from '../../telegram/flat-chains';
import type { ResidentsService } from '../residents/service';
import { catalogueBot } from './bot/catalogue';
import { dayBot } from './bot/day';
import { residentBot } from './bot/resident';
import { staffBot } from './bot/staff';
import { venuesBot } from './bot/venues';
import { seedDemoMarket } from './demo';
import { marketFlows } from './flows';
import { marketJobs } from './jobs';
import { createMarketService } from './service';
import { exportCsv } from './views/export';
import { marketWorkbench } from './workbench';

/** The monthly market day: catalogue, scheduling, booking, waitlist, reminders, the day's queue, export. */
export function createMarket(platform: Platform, deps: { residents: ResidentsService }) {
  const service = createMarketService(platform, deps.residents);
  const tz = platform.config.TIMEZONE;
  const venues = venuesBot(service);
  const feature: Feature = {
    name: 'market',
    // Staff first: their flow steps must see staff input before the resident handlers do.
    composer: flatComposer<BotContext>(
      staffBot(service, tz),
      venues.bot,
      catalogueBot(service),
      dayBot(service),
      residentBot(service),
    ),
    commands: [
      { command: 'mybookings', descKey: 'market.commands.mybookings', scope: 'all' },
      { command: 'market', descKey: 'market.commands.market', scope: 'staff' },
      { command: 'catalogue', descKey: 'market.commands.catalogue', scope: 'staff' },
    ],
    workbench: marketWorkbench(service, tz),
    setup: [
      {
        key: 'market-venues',
        order: 40,
        titleKey: 'market.setup.title',
        isDone: () => service.hasVenues(),
        start: (ctx) => venues.setupStart(ctx),
      },
    ],
    menu: [{ key: 'market.menu.main', order: 10 }],
    flows: marketFlows,
    jobs: marketJobs(service),
    demo: () => seedDemoMarket(platform.db, service),
    cli: {
      'market export': {
        usage: 'market export <YYYY-MM-DD> [file]  bookings and outcomes of that market day as CSV (UTF-8 with BOM)',
        async run([date, file], out) {
          if (!date || !/^\d{4}-\d{2}-\d{2}$/.test(date) || !isDate(date))
            throw new Error('usage: market export <YYYY-MM-DD> [file]');
          // The command line has no translator: the one refusal possible here gets a plain line of its own.
          const rows = await service.exportRows(date).catch((err: unknown) => {
            throw err instanceof DomainError ? new Error(`no published market day on ${date}`) : err;
          });
          // Whoever runs the command line reads the deployment's default language.
          const locale = platform.config.DEFAULT_LOCALE;
          const csv = exportCsv({ t: platform.i18n.getFixedT(locale), locale }, rows, platform.config.TIMEZONE);
          if (file) {
            writeFileSync(file, csv, 'utf8');
            out(`written ${rows.length} bookings to ${file}`);
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
