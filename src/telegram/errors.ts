import { DomainError } from '../core/errors';
import type { BotContext } from './context';

/** 'market.full' → market.errors.full (the area's own locale file); 'notAllowed' → errors.notAllowed. */
export function domainErrorText(ctx: BotContext, err: DomainError): string {
  const key = err.code.includes('.') ? err.code.replace('.', '.errors.') : `errors.${err.code}`;
  return ctx.deps.i18n.exists(key) ? ctx.t(key, err.params) : ctx.t('common.error');
}

/** Replies with the translated domain error, or rethrows anything else to the error boundary. */
export async function replyDomainError(ctx: BotContext, err: unknown): Promise<void> {
  if (!(err instanceof DomainError)) throw err;
  const text = domainErrorText(ctx, err);
  if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: text.replace(/<[^>]+>/g, ''), show_alert: true });
  else await ctx.reply(text);
}
