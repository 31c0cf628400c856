import { GrammyError, HttpError } from 'grammy';
import type { i18n } from 'i18next';
import type { Locale } from '../config';
import { DomainError, NotAllowed } from '../core/errors';
import { pickLocale } from '../i18n';
import type { Identity } from '../identity';
import type { Logger } from '../logger';
import type { BotContext } from './context';

const STORAGE_CODES = /^SQLITE_(FULL|READONLY|IOERR|BUSY|LOCKED|CANTOPEN|NOMEM|PROTOCOL)/;

/** SQLite could not store what the user did (and nothing was stored): not a bug, a disk or a lock. */
export function isStorageFailure(err: unknown): boolean {
  const code = err instanceof Error ? (err as Error & { code?: unknown }).code : undefined;
  return typeof code === 'string' && STORAGE_CODES.test(code);
}

/** 'market.full' → market.errors.full (the area's own locale file); 'notAllowed' → errors.notAllowed. */
export function domainErrorKey(code: string): string {
  return code.includes('.') ? code.replace('.', '.errors.') : `errors.${code}`;
}

const describe = (ctx: BotContext) =>
  ctx.callbackQuery?.data ?? ctx.message?.text?.split(/\s/)[0] ?? ctx.update.update_id.toString();

/**
 * The error boundary: the one place a domain error becomes a reply. A refusal is audited; an error that says so
 * ends the flow in progress, any other leaves it open so the user can answer again. Anything unexpected is logged
 * and the user told politely; the bot keeps running.
 */
export function errorBoundary(deps: { i18n: i18n; identity: Identity; log: Logger; defaultLocale: Locale }) {
  let storageLoggedAt = 0;
  const textOf = (ctx: BotContext, err: DomainError) => {
    const key = domainErrorKey(err.code);
    return deps.i18n.exists(key) ? ctx.t(key, err.params) : ctx.t('common.error');
  };

  async function handle(ctx: BotContext, err: unknown): Promise<void> {
    // ctx.t is missing if the session middleware itself failed (the database unreadable): answer in their language.
    const t =
      (ctx.t as BotContext['t'] | undefined) ??
      deps.i18n.getFixedT(pickLocale(ctx.from?.language_code, deps.defaultLocale));
    if (err instanceof DomainError) {
      if (err instanceof NotAllowed && ctx.from) await deps.identity.denied(ctx.from.id, describe(ctx));
      const text = textOf(ctx, err);
      const ends = err.endsFlow && ctx.flow !== null;
      if (ends) await ctx.endFlow();
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: text.replace(/<[^>]+>/g, ''), show_alert: true });
      else await ctx.reply(text, ends ? { reply_markup: ctx.mainMenu() } : {});
      return;
    }
    // Old buttons pressed twice produce "message is not modified": harmless, not worth alarming anyone.
    if (err instanceof GrammyError && /message is not modified/.test(err.description)) {
      if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
      return;
    }
    if (isStorageFailure(err)) {
      // A full disk or a read-only file: say so plainly, log once a minute, keep running; it heals when the disk does.
      if (Date.now() - storageLoggedAt > 60_000) deps.log.error({ err }, 'the database cannot be written');
      storageLoggedAt = Date.now();
      if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t('common.cannotSave'), show_alert: true });
      else if (ctx.chat) await ctx.reply(t('common.cannotSave'));
      return;
    }
    deps.log.error({ err: err instanceof HttpError ? err.error : err, update: ctx.update.update_id }, 'handler failed');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: t('common.error') }).catch(() => {});
    else if (ctx.chat) await ctx.reply(t('common.error')).catch(() => {});
  }

  return async (ctx: BotContext, next: () => Promise<void>) => {
    try {
      await next();
    } catch (err) {
      await handle(ctx, err).catch((e: unknown) => deps.log.error({ err: e }, 'error boundary failed'));
    }
  };
}
