import type { BotContext } from '../../../telegram/context';
import type { Card } from '../views';

/**
 * The prompt goes to the staff member's private chat: the button may have been pressed in the staff group,
 * where the typed answer would be read by everyone and not reach the flow. False when Telegram refuses (the staff
 * member never started a private chat with the bot).
 */
export async function promptPrivately(ctx: BotContext, card: Card): Promise<boolean> {
  if (ctx.chat?.type === 'private') {
    await ctx.reply(card.text, { reply_markup: card.markup });
    return true;
  }
  try {
    await ctx.api.sendMessage(ctx.from!.id, card.text, { reply_markup: card.markup });
    return true;
  } catch {
    return false;
  }
}

/** Where a staff member who never wrote to the bot is sent from the group: its chat, opening on this question. */
export const privateStartLink = (ctx: BotContext, payload: string) =>
  `https://t.me/${ctx.me.username}?start=${payload}`;
