import { run } from '@grammyjs/runner';
import type { Bot } from 'grammy';
import type { Config } from '../config';
import type { Logger } from '../logger';
import type { BotContext } from './context';
import { startWebhookServer } from './webhook';

const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query', 'my_chat_member'] as const;

/**
 * Updates handled at once while polling (grammY's runner allows 500). One process does the work on one thread, so more
 * at once adds no speed, only memory: every update in flight holds its context, its middleware chain's promises and
 * its replies' requests until done, and a burst of 500 kept the heap above 160 MB (bench -- memory, issue 14 item 9).
 */
const UPDATES_IN_FLIGHT = 100;

export interface Intake {
  /** The webhook server's port (BOT_MODE=webhook), for tests that let the system pick one. */
  readonly webhookPort?: number;
  stop(): Promise<void>;
}

export interface IntakeOptions {
  bot: Bot<BotContext>;
  config: Config;
  log: Logger;
  health: () => { ok: boolean };
  ready: () => Promise<boolean>;
  /** Polling ended for good (401, 409). */
  onFatal: (err: unknown) => void;
}

/** How updates come in: long polling (the default, one instance) or Telegram's webhook POSTs (BOT_MODE=webhook). */
export async function startIntake(o: IntakeOptions): Promise<Intake> {
  const { bot, config } = o;
  if (config.BOT_MODE === 'webhook') {
    const url = new URL(config.WEBHOOK_URL!);
    // Every instance sets the same webhook at start: harmless, and the newest settings win.
    await bot.api.setWebhook(url.href, {
      secret_token: config.WEBHOOK_SECRET!,
      allowed_updates: [...ALLOWED_UPDATES],
      max_connections: config.WEBHOOK_MAX_CONNECTIONS,
    });
    const server = await startWebhookServer({
      bot,
      path: url.pathname,
      secret: config.WEBHOOK_SECRET!,
      host: config.WEBHOOK_HOST,
      port: config.WEBHOOK_PORT,
      log: o.log,
      health: o.health,
      ready: o.ready,
    });
    return { webhookPort: server.port, stop: () => server.close() };
  }
  const runner = run(bot, {
    sink: { concurrency: UPDATES_IN_FLIGHT },
    runner: {
      fetch: { allowed_updates: [...ALLOWED_UPDATES] },
      // The runner's own console output carries the request URL, token included; our logger reports instead.
      silent: true,
    },
  });
  runner.task()?.catch((err: unknown) => o.onFatal(err));
  return {
    async stop() {
      if (runner.isRunning()) await runner.stop();
    },
  };
}
