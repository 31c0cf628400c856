import { portError } from '../core/port-in-use';
import type { Areas } from '../features';
import type { Logger } from '../logger';
import type { Platform } from '../platform';
import type { Feature } from '../telegram/feature';
import { auditBudget } from './auth/viewer';
import { consoleFeature } from './bot';
import type { ConsoleApp, ConsoleDeps } from './context';
import { broadcastsPages } from './pages/broadcasts';
import { dashboardPage } from './pages/dashboard';
import { filesPages } from './pages/files';
import { fundPages } from './pages/fund';
import { fundPledgesPage } from './pages/fund-pledges';
import { fundStatementPage } from './pages/fund-statement';
import { loginPages } from './pages/login';
import { marketPages } from './pages/market';
import { marketDayPage } from './pages/market-day';
import { peoplePages } from './pages/people';
import { petitionHandling } from './pages/petition-handling';
import { petitionPhotos } from './pages/petition-photos';
import { petitionRatesPage } from './pages/petition-rates';
import { petitionPage, petitionsPages } from './pages/petitions';
import { publicPages } from './pages/public';
import { reliefPages } from './pages/relief';
import { consolePolicy } from './policy';
import { consoleApp, listen, type RunningServer } from './server';

export interface StaffConsole {
  /** /console and the menu button: installed with the areas' features. */
  feature: Feature;
  /** The web app itself (tests call app.request without a socket). */
  app: ConsoleApp;
  /** Listens on CONSOLE_HOST:CONSOLE_PORT; the address it got. */
  start(): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The staff console (issue 16): a web edge beside the bot over the same area services, built once by createAreas.
 * It holds no rule of its own beyond who may see what, and no SQL.
 */
export function createConsole(platform: Platform, services: Areas['services'], log: Logger): StaffConsole {
  const { config, identity, clock } = platform;
  let running: RunningServer | undefined;
  const localUrl = () => running?.url ?? `http://${config.CONSOLE_HOST}:${config.CONSOLE_PORT}`;
  const budget = auditBudget(consolePolicy.anonymousAuditsPerMinute, () => clock.now().getTime());
  const deps: ConsoleDeps = {
    platform,
    services,
    baseUrl: () => config.CONSOLE_PUBLIC_URL ?? localUrl(),
    async refuseAnonymous(what, details) {
      const dropped = budget();
      if (dropped === null) return;
      await identity.refused(what, dropped > 0 ? { ...details, alsoRefusedUnrecorded: dropped } : details);
    },
  };
  const app = consoleApp(
    deps,
    [
      loginPages,
      publicPages,
      dashboardPage,
      petitionsPages,
      // Before /petitions/:id, which would take 'rates' for an id.
      petitionRatesPage,
      petitionPage,
      petitionPhotos,
      petitionHandling,
      fundPages,
      fundPledgesPage,
      fundStatementPage,
      filesPages,
      marketPages,
      marketDayPage,
      broadcastsPages,
      reliefPages,
      peoplePages,
    ],
    log.child({ part: 'console' }),
  );
  return {
    feature: consoleFeature({ identity, publicUrl: config.CONSOLE_PUBLIC_URL, localUrl }),
    app,
    async start() {
      running = await listen(app, config.CONSOLE_HOST, config.CONSOLE_PORT).catch((err: unknown) => {
        throw portError(err, 'CONSOLE_PORT', config.CONSOLE_HOST, config.CONSOLE_PORT);
      });
      log.info({ url: running.url, public: config.CONSOLE_PUBLIC_URL ?? null }, 'staff console is listening');
      return running.url;
    },
    async stop() {
      await running?.close();
      running = undefined;
    },
  };
}
