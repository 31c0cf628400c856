import type { BotContext } from '../../../../telegram/context';
import type { NoticesService } from '../../service';
import { paramText } from '../../views';

/** A stale or forged button: "this button has expired", and nothing else happens. */
export const expired = (ctx: BotContext) => ctx.answerCallbackQuery({ text: ctx.t('common.expired') });

/** An audience by its stored code, named in the staff member's language. */
export const audienceLabel = async (ctx: BotContext, notices: NoticesService, code: string) =>
  paramText(ctx.t, ctx.locale, await notices.describe(code));
