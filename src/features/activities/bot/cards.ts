import { GrammyError } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import type { Card } from '../views/common';

/** Sends a card, or (`edit`) turns the card whose button was pressed into it. */
export const send = (ctx: BotContext, card: Card, edit = false) =>
  edit
    ? ctx.editMessageText(card.text, { reply_markup: card.markup })
    : ctx.reply(card.text, { reply_markup: card.markup });

/** Edits a card the user holds further up the chat; one they deleted, or already showing this, is no failure. */
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

/** Answers the button quietly (no alert). */
export const ack = (ctx: BotContext) => ctx.answerCallbackQuery();
