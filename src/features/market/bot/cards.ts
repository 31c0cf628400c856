import { GrammyError } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import type { Card } from '../views/common';

/** Sends a card, or (`edit`) turns the card whose button was pressed into it: an action edits the card it came from. */
export const send = (ctx: BotContext, card: Card, edit = false) =>
  edit
    ? ctx.editMessageText(card.text, { reply_markup: card.markup })
    : ctx.reply(card.text, { reply_markup: card.markup });

/** Sends a card as a new message, returning it (its id is kept to edit it later). */
export const post = (ctx: BotContext, card: Card) => ctx.reply(card.text, { reply_markup: card.markup });

/**
 * Edits a card the user holds further up the chat (the market card a booking began on, the question a typed answer
 * settled) to what is true now. What was done is already committed: a card the user deleted, or one already showing
 * this, is no reason to fail the reply.
 */
export async function editHeld(ctx: BotContext, messageId: number | undefined, card: Card): Promise<void> {
  if (messageId === undefined || !ctx.chat) return;
  try {
    await ctx.api.editMessageText(ctx.chat.id, messageId, card.text, { reply_markup: card.markup });
  } catch (err) {
    if (!(err instanceof GrammyError && err.error_code === 400)) throw err;
  }
}

/** The message the pressed button belongs to. */
export const tappedId = (ctx: BotContext) => ctx.callbackQuery?.message?.message_id;

/** Takes the buttons off a question the user has answered by typing (one live question at a time). */
export async function closeHeld(ctx: BotContext, messageId: number | undefined): Promise<void> {
  if (messageId === undefined || !ctx.chat) return;
  try {
    await ctx.api.editMessageReplyMarkup(ctx.chat.id, messageId, { reply_markup: { inline_keyboard: [] } });
  } catch (err) {
    if (!(err instanceof GrammyError && err.error_code === 400)) throw err;
  }
}
