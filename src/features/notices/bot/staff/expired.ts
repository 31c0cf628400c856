import type { BotContext } from '../../../../telegram/context';

/** A stale or forged button: "this button has expired", and nothing else happens. */
export const expired = (ctx: BotContext) => ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
