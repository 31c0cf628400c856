import { GrammyError } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import type { Card } from '../views';

/**
 * A button's answer: the card in place of the message tapped (a page, a toggle), or a new message when that one
 * cannot be edited (a task button on a photo, a message gone).
 */
export async function show(ctx: BotContext, card: Card): Promise<void> {
  await ctx.answerCallbackQuery();
  try {
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  } catch (err) {
    if (!(err instanceof GrammyError) || !/message to edit not found|can't be edited|no text/.test(err.description))
      throw err;
    await ctx.reply(card.text, { reply_markup: card.markup });
  }
}
