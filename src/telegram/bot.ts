import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Api, type ApiClientOptions, Bot, GrammyError, HttpError, type Transformer } from 'grammy';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { i18n } from 'i18next';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import { DomainError } from '../core/errors';
import type { Db } from '../db/schema';
import { getUser, rolesOf } from '../features/residents/service';
import { textsFor } from '../i18n/match';
import type { Logger } from '../logger';
import { publishUserCommands } from './commands';
import type { BotContext, Deps } from './context';
import { coreBot, unhandledBot } from './core-bot';
import { replyDomainError } from './errors';
import type { Feature } from './feature';
import { mainMenu } from './keyboards';
import { localeOf, sessionMiddleware } from './middlewares/session';

export interface BotParts {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  features: readonly Feature[];
  wakeDelivery?: () => void;
  forgetBroadcast?: (broadcastId: number) => void;
}

/** Bot API client options from config: API root (self-hosted or a test server) and optional proxy. */
export function clientOptions(config: Config): ApiClientOptions {
  const opts: ApiClientOptions = { apiRoot: config.TELEGRAM_API_ROOT };
  // Keep-alive: a broadcast is thousands of calls; a new TCP (and TLS) connection for each would be the bottleneck.
  const agent = config.TELEGRAM_PROXY
    ? new HttpsProxyAgent(config.TELEGRAM_PROXY, { keepAlive: true })
    : config.TELEGRAM_API_ROOT.startsWith('https:')
      ? new HttpsAgent({ keepAlive: true, maxSockets: 256 })
      : new HttpAgent({ keepAlive: true, maxSockets: 256 });
  opts.baseFetchConfig = { agent, compress: true };
  return opts;
}

/** Everything we send is HTML unless a call says otherwise; i18next escapes interpolated values for it. */
const htmlByDefault: Transformer = (prev, method, payload, signal) => {
  const p = payload as Record<string, unknown>;
  if (
    ['sendMessage', 'editMessageText', 'sendPhoto', 'sendDocument', 'editMessageCaption', 'copyMessage'].includes(
      method,
    ) &&
    p.parse_mode === undefined &&
    !p.entities &&
    !p.caption_entities
  ) {
    return prev(method, { ...p, parse_mode: 'HTML' } as typeof payload, signal);
  }
  return prev(method, payload, signal);
};

export function createBot(
  token: string,
  parts: BotParts,
): { bot: Bot<BotContext>; deps: Deps; lastUpdateId: () => number } {
  const { config, db, clock, log, i18n, features } = parts;
  const bot = new Bot<BotContext>(token, { client: clientOptions(config) });
  // Replies to the user in front of us: retry briefly on 429/5xx, but never hold a handler for long.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 2, maxDelaySeconds: 5, rethrowHttpErrors: false }));
  bot.api.config.use(htmlByDefault);
  const backgroundApi = new Api(token, clientOptions(config));
  backgroundApi.config.use(htmlByDefault);

  const deps: Deps = {
    db,
    config,
    clock,
    log,
    i18n,
    botUsername: () => bot.botInfo?.username ?? 'linli_bot',
    wakeDelivery: parts.wakeDelivery ?? (() => {}),
    forgetBroadcast: parts.forgetBroadcast ?? (() => {}),
    api: () => backgroundApi,
    publishCommandsFor: async (userId) => {
      try {
        const user = await getUser(db, userId);
        const lng = user ? localeOf(user, config.DEFAULT_LOCALE) : config.DEFAULT_LOCALE;
        await publishUserCommands(backgroundApi, features, i18n, userId, await rolesOf(db, userId), lng);
      } catch (err) {
        log.warn({ err, userId }, 'could not publish the command menu');
      }
    },
  };

  let lastUpdateId = 0;
  bot.use((ctx, next) => {
    lastUpdateId = Math.max(lastUpdateId, ctx.update.update_id);
    return next();
  });
  // Updates of one user are handled in order (flows depend on it); different users in parallel.
  bot.use(sequentialize((ctx) => ctx.from?.id.toString() ?? ctx.chat?.id.toString()));
  // Error boundary: log it, tell the user politely, keep the bot running. What they typed is already stored.
  bot.use(async (ctx, next) => {
    try {
      await next();
    } catch (err) {
      await handleError(ctx, err, log);
    }
  });
  bot.use(sessionMiddleware(deps));
  bot.use((ctx, next) => {
    ctx.mainMenu = () => mainMenu(ctx, features);
    return next();
  });
  // Flood guard per user: a stuck key or a script must not starve everyone else.
  bot.use(
    limit<BotContext, never>({
      timeFrame: 3000,
      limit: 15,
      keyGenerator: (ctx) => ctx.from?.id.toString(),
      onLimitExceeded: async (ctx) => {
        if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('common.slowDown') }).catch(() => {});
      },
    }),
  );
  bot.use(coreBot(features));
  const menuLabels = new Set(features.flatMap((f) => f.menu ?? []).flatMap((m) => textsFor(m.key)));
  const freeText = (ctx: BotContext) => {
    const text = ctx.message?.text;
    return (
      ctx.chat?.type === 'private' &&
      text !== undefined &&
      !text.startsWith('/') &&
      ctx.flow === null &&
      !menuLabels.has(text.trim())
    );
  };
  bot.filter((ctx) => !freeText(ctx), ...features.filter((f) => !f.answersFreeText).map((f) => f.composer));
  for (const f of features.filter((f) => f.answersFreeText)) bot.use(f.composer);
  bot.use(unhandledBot());
  bot.catch((e) => log.error({ err: e.error, update: e.ctx.update.update_id }, 'unhandled bot error'));
  return { bot, deps, lastUpdateId: () => lastUpdateId };
}

async function handleError(ctx: BotContext, err: unknown, log: Logger): Promise<void> {
  // ctx.t is missing only if the session middleware itself failed (e.g. the database is gone).
  const t = ctx.t as BotContext['t'] | undefined;
  if (err instanceof DomainError && t) {
    await replyDomainError(ctx, err).catch(() => {});
    return;
  }
  // Old buttons pressed twice produce "message is not modified": harmless, not worth alarming anyone.
  if (err instanceof GrammyError && /message is not modified/.test(err.description)) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
    return;
  }
  log.error({ err: err instanceof HttpError ? err.error : err, update: ctx.update.update_id }, 'handler failed');
  if (!t) return;
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t('common.error') }).catch(() => {});
  else if (ctx.chat) await ctx.reply(t('common.error')).catch(() => {});
}
