import { type RunnerHandle, run } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Config } from './config';
import { type Clock, systemClock } from './core/clock';
import { type DbHandle, openDatabase } from './db/client';
import { migrateToLatest } from './db/migrate';
import { features as allFeatures } from './features';
import { ensureAdmins, privilegedUsers } from './features/residents/service';
import { createI18n } from './i18n';
import { createLogger, type Logger } from './logger';
import { Scheduler } from './scheduler';
import { createBot } from './telegram/bot';
import { publishDefaultCommands } from './telegram/commands';
import type { BotContext, Deps } from './telegram/context';
import { DeliveryWorker } from './telegram/delivery/worker';

export interface AppOptions {
  clock?: Clock;
  log?: Logger;
  /** Start cron (tests drive jobs by hand through app.scheduler.runAll()). */
  cron?: boolean;
}

export interface App {
  config: Config;
  bot: Bot<BotContext>;
  deps: Deps;
  dbh: DbHandle;
  worker: DeliveryWorker;
  scheduler: Scheduler;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** The composition root: config → db → migrate → bot → scheduler → worker. main.ts, the playground and tests all use it. */
export async function createApp(config: Config, opts: AppOptions = {}): Promise<App> {
  if (!config.BOT_TOKEN) throw new Error('BOT_TOKEN is required to create the bot');
  const clock = opts.clock ?? systemClock;
  const log = opts.log ?? createLogger(config.LOG_LEVEL, config.BOT_TOKEN);
  const dbh = openDatabase(config.DATABASE_PATH);
  try {
    const applied = await migrateToLatest(dbh.db);
    if (applied.length) log.info({ applied }, 'database migrated');
    await ensureAdmins(dbh.db, config.ADMIN_IDS, clock.now());
  } catch (err) {
    await dbh.close();
    throw err;
  }
  const i18n = createI18n(config.DEFAULT_LOCALE);
  let worker: DeliveryWorker | undefined;
  const { bot, deps, lastUpdateId } = createBot(config.BOT_TOKEN, {
    config,
    db: dbh.db,
    clock,
    log,
    i18n,
    features: allFeatures,
    wakeDelivery: () => worker?.wake(),
    forgetBroadcast: (id) => worker?.forgetBroadcast(id),
  });
  worker = new DeliveryWorker(deps);
  const scheduler = new Scheduler(
    allFeatures.flatMap((f) => f.jobs?.(deps) ?? []),
    clock,
    log,
    config.TIMEZONE,
  );

  let runner: RunnerHandle | undefined;

  return {
    config,
    bot,
    deps,
    dbh,
    worker,
    scheduler,
    async start() {
      await bot.init();
      try {
        await publishDefaultCommands(bot.api, allFeatures, i18n, config.DEFAULT_LOCALE);
        for (const u of new Set((await privilegedUsers(dbh.db)).map((r) => r.id))) await deps.publishCommandsFor(u);
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
      if (lastUpdateId())
        await bot.api.getUpdates({ offset: lastUpdateId() + 1, limit: 1, timeout: 0 }).catch(() => {});
      await dbh.close();
    },
  };
}
