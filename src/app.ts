import { type Bot, GrammyError } from 'grammy';
import type { Config } from './config';
import { createConsole, type StaffConsole } from './console';
import { type Clock, systemClock } from './core/clock';
import { type DbHandle, openConfigured } from './db/client';
import { type InstanceLocks, postgresLocks, singleInstance } from './db/locks';
import { optimize } from './db/maintenance';
import { migrateToLatest } from './db/migrate';
import { type Areas, createAreas } from './features';
import { createI18n } from './i18n';
import type { Identity } from './identity';
import { Leadership } from './leader';
import { createLogger, type Logger } from './logger';
import { maintenanceJob } from './maintenance';
import { stuckDeliveriesJob } from './outbox/alerts';
import { createPlatform, type Platform } from './platform';
import { Scheduler } from './scheduler';
import { createBot } from './telegram/bot';
import { publishDefaultCommands } from './telegram/commands';
import type { BotContext } from './telegram/context';
import { DeliveryWorker } from './telegram/delivery/worker';
import type { Feature } from './telegram/feature';
import { type Intake, startIntake } from './telegram/intake';
import { handledOnce } from './telegram/middlewares/once';
import type { TelegramPort } from './telegram/port';

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  /** Start cron (tests drive jobs by hand through app.scheduler.runAll()). */
  cron?: boolean;
  /** Called when an update's handling has finished; the test harness waits on it. */
  onUpdateDone?: (updateId: number) => void;
  /** Polling ended for good (another instance polls with the token, or the token was revoked). */
  onFatal?: (reason: string, err: unknown) => void;
  /** How often a PostgreSQL instance checks or takes the scheduler's lead (tests shorten it). */
  leadCheckMs?: number;
  /** Jobs on another schedule than their own, by name (the instances bench: reminders every 2 s, not 5 min). */
  jobCron?: Record<string, string>;
}

/** One line a person running the bot understands. */
function fatalReason(err: unknown): string {
  if (err instanceof GrammyError && err.error_code === 409)
    return 'another instance is polling with this token (stop it, or use another bot token)';
  if (err instanceof GrammyError && err.error_code === 401) return 'Telegram refused the bot token (401 Unauthorized)';
  return `polling stopped: ${err instanceof Error ? err.message : String(err)}`;
}

/** getMe until it answers: Telegram unreachable at start (a proxy not up yet) is retried, and said so. */
async function initWithRetry(bot: Bot<BotContext>, log: Logger, stopped: () => boolean): Promise<void> {
  for (let wait = 1000; ; wait = Math.min(wait * 2, 60_000)) {
    try {
      await bot.init();
      return;
    } catch (err) {
      if (err instanceof GrammyError || stopped()) throw err;
      log.warn({ err, retryInSec: wait / 1000 }, 'Telegram is not reachable; retrying');
      await new Promise((r) => setTimeout(r, wait));
    }
  }
}

export interface App {
  config: Config;
  bot: Bot<BotContext>;
  platform: Platform;
  identity: Identity;
  /** Every area's services, as the features were built with them (tests and the CLI call them directly). */
  services: Areas['services'];
  /** The staff console (issue 16): a web server beside the bot, over the same services; started and stopped with it. */
  console: StaffConsole;
  /** Where the console listens once started (CONSOLE_HOST:CONSOLE_PORT, the port as bound). */
  consoleUrl(): string | undefined;
  features: readonly Feature[];
  dbh: DbHandle;
  worker: DeliveryWorker;
  /** Runs the scheduler on one instance of several (PostgreSQL); on SQLite this instance always leads. */
  leadership: Leadership | undefined;
  /** The webhook server's port once started (BOT_MODE=webhook). */
  webhookPort(): number | undefined;
  /** This instance's id among several on PostgreSQL (the outbox rows it sends carry it); null on SQLite. */
  instanceId(): Promise<number | null>;
  scheduler: Scheduler;
  /** For a supervisor or load balancer: is every part making progress? */
  health(): { ok: boolean; worker: { lastCycleAt: string; stale: boolean } };
  start(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * The composition root: config → db → migrate → services → bot → scheduler → worker. main.ts, the playground and
 * the tests all use it.
 */
export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  if (!config.BOT_TOKEN) throw new Error('BOT_TOKEN is required to create the bot');
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(config.LOG_LEVEL, config.BOT_TOKEN);
  const dbh = openConfigured(config);
  const db = dbh.db;
  // The bot's Telegram port is bound once the bot exists; the platform is built around it.
  let telegram: TelegramPort | undefined;
  const port: TelegramPort = {
    botUsername: () => telegram!.botUsername(),
    publishCommandsFor: (id) => telegram!.publishCommandsFor(id),
    sendText: (...a) => telegram!.sendText(...a),
    editText: (...a) => telegram!.editText(...a),
    fileBytes: (...a) => telegram!.fileBytes(...a),
    forgetBroadcast: (id) => telegram!.forgetBroadcast(id),
    replay: (update) => telegram!.replay(update),
  };
  const i18n = createI18n(config.DEFAULT_LOCALE);
  const platform = createPlatform({ db, reads: dbh.reads, config, clock, log, i18n, telegram: port });
  const { identity, outbox } = platform;
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) log.info({ applied }, 'database migrated');
    await identity.ensureAdmins(config.ADMIN_IDS);
    await platform.settings.load();
    await optimize(dbh, true);
  } catch (err) {
    await dbh.close();
    throw err;
  }
  // Several instances share PostgreSQL: locks between them; SQLite has one instance.
  const locks: InstanceLocks =
    dbh.engine === 'postgres' ? postgresLocks(config.DATABASE_URL!, config.DATABASE_POOL_SIZE) : singleInstance;
  let worker: DeliveryWorker | undefined;
  let features: Feature[] = [];
  const tg = createBot(config.BOT_TOKEN, {
    config,
    db,
    clock,
    log,
    i18n,
    identity,
    outbox,
    writes: platform.writes,
    features: () => features,
    forgetBroadcast: (id) => worker?.forgetBroadcast(id),
    onUpdateDone: opts.onUpdateDone,
    once: config.BOT_MODE === 'webhook' ? handledOnce(db, clock, locks, log) : undefined,
  });
  telegram = tg.telegram;
  const areas: Areas = createAreas(platform, () => [staffConsole.feature]);
  const staffConsole = createConsole(platform, areas.services, log);
  // /console is a command like any other area's; the FAQ, which answers free text, stays last.
  features = [staffConsole.feature, ...areas.features];
  tg.install();
  let consoleUrl: string | undefined;
  const { bot } = tg;
  worker = new DeliveryWorker({ outbox, config, clock, log, i18n, instance: () => locks.member() });
  const scheduler = new Scheduler(
    [
      ...features.flatMap((f) => f.jobs ?? []),
      stuckDeliveriesJob(platform),
      maintenanceJob({ dbh, outbox, config, log }),
    ].map((j) => ({ ...j, cron: opts.jobCron?.[j.name] ?? j.cron })),
    clock,
    log,
    config.TIMEZONE,
  );

  const leadership = dbh.engine === 'postgres' ? new Leadership(locks, scheduler, log, opts.leadCheckMs) : undefined;
  let intake: Intake | undefined;
  let started = false;
  let stopping = false;
  let watchdog: NodeJS.Timeout | undefined;
  const health = () => {
    const w = worker.health();
    return { ok: !w.stale, worker: { lastCycleAt: new Date(w.lastCycleAt).toISOString(), stale: w.stale } };
  };

  return {
    config,
    bot,
    platform,
    identity,
    services: areas.services,
    console: staffConsole,
    consoleUrl: () => consoleUrl,
    features,
    dbh,
    worker,
    scheduler,
    leadership,
    health,
    webhookPort: () => intake?.webhookPort,
    instanceId: () => locks.member(),
    async start() {
      // The console first: a port already taken is a configuration error to report now, not after polling began.
      consoleUrl = await staffConsole.start();
      await initWithRetry(bot, log, () => stopping);
      try {
        await publishDefaultCommands(bot.api, features, i18n, config.DEFAULT_LOCALE);
        const privileged = new Set((await identity.privileged()).map((p) => p.user.id));
        for (const u of privileged) await tg.telegram.publishCommandsFor(u);
      } catch (err) {
        log.warn({ err }, 'could not publish command menus; continuing');
      }
      intake = await startIntake({
        bot,
        config,
        log,
        health,
        ready: async () => {
          if (!started || stopping) return false;
          await dbh.db.selectFrom('users').select('id').limit(1).execute();
          return true;
        },
        // 401 or 409 end polling for good: one clear line and a way out, not a stack dump.
        onFatal: (err) => {
          if (!stopping) opts.onFatal?.(fatalReason(err), err);
        },
      });
      worker.start();
      if (opts.cron !== false) {
        if (leadership) leadership.start();
        else scheduler.start();
      }
      started = true;
      let reported = false;
      watchdog = setInterval(() => {
        const h = health();
        if (!h.ok && !reported) log.error({ health: h }, 'the delivery worker has not completed a cycle for a minute');
        if (h.ok && reported) log.info('the delivery worker is making progress again');
        reported = !h.ok;
      }, 15_000).unref();
      log.info({ bot: bot.botInfo.username }, 'Linli is running');
    },
    async stop() {
      stopping = true;
      clearInterval(watchdog);
      await staffConsole.stop();
      await leadership?.stop();
      await scheduler.stop();
      await intake?.stop();
      await worker.stop();
      // Confirm the offset so a restart does not see the handled updates again.
      const last = tg.lastUpdateId();
      if (last && config.BOT_MODE === 'polling')
        await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }).catch(() => {});
      await locks.close();
      await dbh.close();
    },
  };
}
