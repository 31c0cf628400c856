import { randomUUID } from 'node:crypto';
import { Agent as HttpAgent } from 'node:http';
import { Agent as HttpsAgent } from 'node:https';
import { autoRetry } from '@grammyjs/auto-retry';
import { limit } from '@grammyjs/ratelimiter';
import { sequentialize } from '@grammyjs/runner';
import { Api, type ApiClientOptions, Bot, GrammyError, HttpError, type Middleware, type Transformer } from 'grammy';
import { HttpsProxyAgent } from 'https-proxy-agent';
import type { i18n } from 'i18next';
import type { Config } from '../config';
import type { Clock } from '../core/clock';
import type { WriteBatcher } from '../db/batch';
import type { Db } from '../db/schema';
import { isMenuLabel } from '../i18n/match';
import type { Identity } from '../identity';
import type { Logger } from '../logger';
import type { Entity, Outbox } from '../outbox/service';
import { publishUserCommands } from './commands';
import type { BotContext } from './context';
import { coreBot, unhandledBot } from './core-bot';
import { errorBoundary } from './errors';
import type { Feature } from './feature';
import { downloadFile } from './files';
import { installDirectBranches } from './filter-branches';
import { installFlatChains } from './flat-chains';
import { keepAliveFetch } from './keep-alive-fetch';
import { createMainMenu } from './keyboards';
import { localeOf } from './locale';
import { sessionMiddleware } from './middlewares/session';
import type { TelegramPort } from './port';

export interface BotParts {
  config: Config;
  db: Db;
  clock: Clock;
  log: Logger;
  i18n: i18n;
  identity: Identity;
  /** Where a reply goes that Telegram could not take at the moment (absent: it is lost, as in a bare bot). */
  outbox?: Outbox;
  writes: WriteBatcher;
  /** Late-bound: the features are built with the port this factory returns. */
  features: () => readonly Feature[];
  forgetBroadcast?: (broadcastId: number) => void;
  /** Called when an update's handling has finished (replies sent, changes committed); tests wait on it. */
  onUpdateDone?: (updateId: number) => void;
  /**
   * Webhooks: each update once, one user at a time. `claim` goes around each update's handling, after in-process
   * ordering; `record`, after the session, around the handlers whose transactions record the update.
   */
  once?: { claim: Middleware<BotContext>; record: Middleware<BotContext> };
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
  opts.fetch = keepAliveFetch();
  return opts;
}

const HTML_METHODS = [
  'sendMessage',
  'editMessageText',
  'sendPhoto',
  'sendDocument',
  'editMessageCaption',
  'copyMessage',
];

/**
 * The main menu is a resident's keyboard: it never goes to a group (a staff group, a group someone added the bot to),
 * whichever handler answered there.
 */
const noKeyboardsInGroups: Transformer = (prev, method, payload, signal) => {
  const p = payload as Record<string, unknown>;
  const markup = p.reply_markup as { keyboard?: unknown } | undefined;
  if (markup?.keyboard && Number(p.chat_id) < 0) {
    const { reply_markup: _dropped, ...rest } = p;
    return prev(method, rest as typeof payload, signal);
  }
  return prev(method, payload, signal);
};

/** Everything we send is HTML unless a call says otherwise; i18next escapes interpolated values for it. */
const htmlByDefault: Transformer = (prev, method, payload, signal) => {
  const p = payload as Record<string, unknown>;
  if (HTML_METHODS.includes(method) && p.parse_mode === undefined && !p.entities && !p.caption_entities) {
    return prev(method, { ...p, parse_mode: 'HTML' } as typeof payload, signal);
  }
  return prev(method, payload, signal);
};

/**
 * Says once that Telegram cannot be reached — at start (grammY's init retries getMe by itself) or while polling (the
 * runner retries by itself, silently) — and once that it can again. The logger removes the token from the error.
 */
function pollingWatch(log: Logger): Transformer {
  let failing = false;
  return async (prev, method, payload, signal) => {
    if (method !== 'getUpdates' && method !== 'getMe') return prev(method, payload, signal);
    try {
      const r = await prev(method, payload, signal);
      if (failing) log.info('Telegram is reachable again');
      failing = false;
      return r;
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      if (!failing && !signal?.aborted) log.warn({ err, method }, 'Telegram is not reachable; retrying');
      failing = true;
      throw err;
    }
  };
}

/**
 * A reply that still fails after the brief retries (Telegram down, the network to it cut) is not lost: it goes to the
 * outbox, which keeps trying for hours, and the handler carries on as if it had been sent.
 */
function replyFallback(outbox: Outbox, db: Db, clock: Clock, log: Logger): Transformer {
  return async (prev, method, payload, signal) => {
    const p = payload as Record<string, unknown>;
    if (method !== 'sendMessage' || typeof p.text !== 'string') return prev(method, payload, signal);
    let failure: unknown;
    try {
      const r = await prev(method, payload, signal);
      if (r.ok || r.error_code < 500) return r;
      failure = r.description;
    } catch (err) {
      if (!(err instanceof HttpError)) throw err;
      failure = err;
    }
    const chatId = Number(p.chat_id);
    const content = p.entities
      ? { text: p.text, entities: p.entities as Entity[] }
      : { html: p.text, markup: p.reply_markup };
    const msg = { dedupeKey: `reply:${chatId}:${randomUUID()}`, chatId, userId: chatId > 0 ? chatId : null };
    await outbox.enqueue(db, [{ ...msg, category: 'personal', content }], clock.now());
    log.warn({ err: failure, chatId }, 'a reply could not be sent now; the outbox sends it');
    const sent = { message_id: 0, date: Math.floor(clock.now().getTime() / 1000), chat: { id: chatId }, text: p.text };
    return { ok: true, result: sent } as Awaited<ReturnType<typeof prev>>;
  };
}

/** The port areas use to reach Telegram outside a handler: no auto-retry, never blocks a handler. */
function telegramPort(bot: Bot<BotContext>, api: Api, parts: BotParts): TelegramPort {
  const { config, identity, i18n, log } = parts;
  return {
    botUsername: () => bot.botInfo?.username ?? 'linli_bot',
    async publishCommandsFor(userId) {
      try {
        const user = await identity.user(userId);
        const lng = user ? localeOf(user, config.DEFAULT_LOCALE) : config.DEFAULT_LOCALE;
        const roles = await identity.roles(userId);
        await publishUserCommands(api, parts.features(), i18n, userId, roles, lng, user?.language != null);
      } catch (err) {
        log.warn({ err, userId }, 'could not publish the command menu');
      }
    },
    async sendText(chatId, html, markup) {
      return (await api.sendMessage(chatId, html, { reply_markup: markup })).message_id;
    },
    async editText(chatId, messageId, html, markup) {
      try {
        await api.editMessageText(chatId, messageId, html, { reply_markup: markup });
      } catch (err) {
        // The same text after a restart, or a message the user deleted: nothing to repair.
        if (err instanceof GrammyError && err.error_code === 400) return;
        throw err;
      }
    },
    fileBytes: (fileId, maxBytes) => downloadFile(api, config, fileId, maxBytes),
    forgetBroadcast: (id) => parts.forgetBroadcast?.(id),
    replay: (update) => {
      void bot.handleUpdate(update as Parameters<typeof bot.handleUpdate>[0]).catch((err) => {
        log.error({ err }, 'a replayed update failed');
      });
    },
  };
}

/**
 * A NUL character means nothing in a message and PostgreSQL's text cannot hold one: it is dropped where a user can
 * type (text, captions) or a client can forge (button data) before anything reads it.
 */
function withoutNul(update: BotContext['update']): void {
  for (const m of [update.message, update.edited_message]) {
    if (m?.text?.includes('\0')) m.text = m.text.replaceAll('\0', '');
    if (m?.caption?.includes('\0')) m.caption = m.caption.replaceAll('\0', '');
  }
  const q = update.callback_query;
  if (q?.data?.includes('\0')) q.data = q.data.replaceAll('\0', '');
}

export function createBot(
  token: string,
  parts: BotParts,
): { bot: Bot<BotContext>; telegram: TelegramPort; lastUpdateId: () => number; install(): void } {
  const { config, db, clock, log, i18n, identity } = parts;
  installDirectBranches();
  installFlatChains();
  const bot = new Bot<BotContext>(token, { client: clientOptions(config) });
  // Replies to the user in front of us wait out a short 429, nothing more. A network error or a 5xx is not retried
  // here: auto-retry would retry network errors for ever (holding this user's every later update behind it); the
  // reply goes to the outbox instead (replyFallback), which retries for hours without holding anyone.
  bot.api.config.use(
    autoRetry({ maxRetryAttempts: 1, maxDelaySeconds: 5, rethrowHttpErrors: true, rethrowInternalServerErrors: true }),
  );
  bot.api.config.use(htmlByDefault);
  bot.api.config.use(noKeyboardsInGroups);
  bot.api.config.use(pollingWatch(log));
  if (parts.outbox) bot.api.config.use(replyFallback(parts.outbox, db, clock, log));
  const backgroundApi = new Api(token, clientOptions(config));
  backgroundApi.config.use(htmlByDefault);
  const telegram = telegramPort(bot, backgroundApi, parts);

  let lastUpdateId = 0;
  /** Installs the middleware chain; called once the features (built with `telegram`) exist. */
  const install = () => {
    const features = parts.features();
    bot.use(async (ctx, next) => {
      lastUpdateId = Math.max(lastUpdateId, ctx.update.update_id);
      withoutNul(ctx.update);
      try {
        await next();
      } finally {
        parts.onUpdateDone?.(ctx.update.update_id);
      }
    });
    // Updates of one user are handled in order (flows depend on it); different users in parallel.
    bot.use(sequentialize((ctx) => ctx.from?.id.toString() ?? ctx.chat?.id.toString()));
    if (parts.once) bot.use(parts.once.claim);
    bot.use(errorBoundary({ i18n, identity, log, defaultLocale: config.DEFAULT_LOCALE }));
    const menu = createMainMenu(
      features.flatMap((f) => f.menu ?? []),
      i18n,
    );
    bot.use(
      sessionMiddleware({
        db,
        clock,
        config,
        i18n,
        identity,
        writes: parts.writes,
        flows: features.flatMap((f) => f.flows ?? []),
        mainMenu: (locale, roles) => menu(locale, roles),
      }),
    );
    if (parts.once) bot.use(parts.once.record);
    // Flood guard per user: a stuck key or a script must not starve everyone else.
    bot.use(
      limit<BotContext, never>({
        timeFrame: 3000,
        limit: config.FLOOD_LIMIT,
        keyGenerator: (ctx) => ctx.from?.id.toString(),
        onLimitExceeded: async (ctx) => {
          if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('common.slowDown') }).catch(() => {});
        },
      }),
    );
    for (const f of features) if (f.screen) bot.use(f.screen);
    bot.use(coreBot(features, identity));
    const freeText = (ctx: BotContext) => {
      const text = ctx.message?.text;
      return (
        ctx.chat?.type === 'private' &&
        text !== undefined &&
        !text.startsWith('/') &&
        ctx.flow === null &&
        !isMenuLabel(text)
      );
    };
    const composers = (answers: boolean) =>
      features.filter((f) => (f.answersFreeText ?? false) === answers && f.composer).map((f) => f.composer!);
    bot.filter((ctx) => !freeText(ctx), ...composers(false));
    for (const c of composers(true)) bot.use(c);
    bot.use(unhandledBot());
    bot.catch((e) => log.error({ err: e.error, update: e.ctx.update.update_id }, 'unhandled bot error'));
  };
  return { bot, telegram, lastUpdateId: () => lastUpdateId, install };
}
