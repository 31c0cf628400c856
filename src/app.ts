import { type RunnerHandle, run } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Config } from './config';
import { type Clock, systemClock } from './core/clock';
import { type DbHandle, openDatabase } from './db/client';
import { migrateToLatest } from './db/migrate';
import { type Areas, createAreas } from './features';
import { createI18n } from './i18n';
import type { Identity } from './identity';
import { createLogger, type Logger } from './logger';
import { createPlatform, type Platform } from './platform';
import { Scheduler } from './scheduler';
import { createBot } from './telegram/bot';
import { publishDefaultCommands } from './telegram/commands';
import type { BotContext } from './telegram/context';
import { DeliveryWorker } from './telegram/delivery/worker';
import type { Feature } from './telegram/feature';
import type { Deps } from './telegram/legacy';
import type { TelegramPort } from './telegram/port';

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  /** Start cron (tests drive jobs by hand through app.scheduler.runAll()). */
  cron?: boolean;
  /** Called when an update's handling has finished; the test harness waits on it. */
  onUpdateDone?: (updateId: number) => void;
}

export interface App {
  config: Config;
  bot: Bot<BotContext>;
  platform: Platform;
  identity: Identity;
  /** Every area's services, as the features were built with them (tests and the CLI call them directly). */
  services: Areas['services'];
  features: readonly Feature[];
  dbh: DbHandle;
  worker: DeliveryWorker;
  scheduler: Scheduler;
  /** @deprecated TRANSITION (issue 12). */
  deps: Deps;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The composition root: config → db → migrate → services → bot → scheduler → worker. main.ts, the playground and tests all use it. */
export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  if (!config.BOT_TOKEN) throw new Error('BOT_TOKEN is required to create the bot');
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(config.LOG_LEVEL, config.BOT_TOKEN);
  const dbh = openDatabase(config.DATABASE_PATH);
  const db = dbh.db;
  // The bot's Telegram port is bound once the bot exists; the platform is built around it.
  let telegram: TelegramPort | undefined;
  const port: TelegramPort = {
    botUsername: () => telegram!.botUsername(),
    publishCommandsFor: (id) => telegram!.publishCommandsFor(id),
    sendText: (...a) => telegram!.sendText(...a),
    editText: (...a) => telegram!.editText(...a),
    forgetBroadcast: (id) => telegram!.forgetBroadcast(id),
  };
  const i18n = createI18n(config.DEFAULT_LOCALE);
  const platform = createPlatform({ db, config, clock, log, i18n, telegram: port });
  const { identity, outbox } = platform;
  try {
    const applied = await migrateToLatest(db);
    if (applied.length) log.info({ applied }, 'database migrated');
    await identity.ensureAdmins(config.ADMIN_IDS);
  } catch (err) {
    await dbh.close();
    throw err;
  }
  let worker: DeliveryWorker | undefined;
  let areas: Areas | undefined;
  const tg = createBot(config.BOT_TOKEN, {
    config,
    db,
    clock,
    log,
    i18n,
    identity,
    features: () => areas!.features,
    forgetBroadcast: (id) => worker?.forgetBroadcast(id),
    onUpdateDone: opts.onUpdateDone,
  });
  telegram = tg.telegram;
  const deps: Deps = {
    db,
    config,
    clock,
    log,
    i18n,
    botUsername: tg.telegram.botUsername,
    wakeDelivery: () => worker?.wake(),
    forgetBroadcast: tg.telegram.forgetBroadcast,
    api: () => tg.bot.api,
    publishCommandsFor: tg.telegram.publishCommandsFor,
  };
  areas = createAreas(platform, deps);
  tg.install();
  const { bot } = tg;
  worker = new DeliveryWorker({ outbox, config, clock, log, i18n });
  const scheduler = new Scheduler(
    areas.features.flatMap((f) => f.jobs ?? []),
    clock,
    log,
    config.TIMEZONE,
  );

  let runner: RunnerHandle | undefined;

  return {
    config,
    bot,
    platform,
    identity,
    services: areas.services,
    features: areas.features,
    dbh,
    worker,
    scheduler,
    deps,
    async start() {
      await bot.init();
      try {
        await publishDefaultCommands(bot.api, areas.features, i18n, config.DEFAULT_LOCALE);
        const privileged = new Set((await identity.privileged()).map((p) => p.user.id));
        for (const u of privileged) await tg.telegram.publishCommandsFor(u);
      } catch (err) {
        log.warn({ err }, 'could not publish command menus; continuing');
      }
      runner = run(bot, {
        runner: { fetch: { allowed_updates: ['message', 'edited_message', 'callback_query', 'my_chat_member'] } },
      });
      worker.start();
      if (opts.cron !== false) scheduler.start();
      log.info({ bot: bot.botInfo.username }, 'Linli is running');
    },
    async stop() {
      await scheduler.stop();
      if (runner?.isRunning()) await runner.stop();
      await worker.stop();
      // Confirm the offset so a restart does not see the handled updates again.
      const last = tg.lastUpdateId();
      if (last) await bot.api.getUpdates({ offset: last + 1, limit: 1, timeout: 0 }).catch(() => {});
      await dbh.close();
    },
  };
}
