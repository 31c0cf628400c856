import { GrammyError } from 'grammy';
import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import { render } from '../../../../telegram/delivery/render';
import { contentOf, type Draft } from '../../draft';

/**
 * Sends the draft to the staff member through the very renderer the delivery worker uses, so the preview is what
 * residents get. Returns Telegram's reason if it refuses the message (then residents would not get it either).
 */
export async function sendPreview(
  ctx: BotContext,
  draft: Pick<Draft, 'text' | 'entities' | 'photo'>,
  { i18n, config }: Pick<Platform, 'i18n' | 'config'>,
): Promise<string | null> {
  const row = {
    id: 0,
    chatId: ctx.chat?.id ?? ctx.user.id,
    userId: ctx.user.id,
    content: JSON.stringify(contentOf(draft)),
    attempts: 0,
    broadcastId: null,
    language: ctx.user.language,
    tgLanguage: ctx.user.tgLanguage,
    reachable: true,
  };
  const { method, payload } = render(row, i18n, config.DEFAULT_LOCALE);
  try {
    // The renderer builds the Bot API payload itself; grammY's typed helpers would only rebuild it.
    if (method === 'sendPhoto') await ctx.api.raw.sendPhoto(payload as never);
    else await ctx.api.raw.sendMessage(payload as never);
    return null;
  } catch (err) {
    if (err instanceof GrammyError && err.error_code === 400) return err.description;
    throw err;
  }
}
