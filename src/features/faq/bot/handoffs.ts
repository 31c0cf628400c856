import { Composer } from 'grammy';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { fromHandoffFlow, replyFlow } from '../flows';
import type { FaqService } from '../service';
import { answerSentCard, entryMadeCard, inboxCard, replyPrompt } from '../views';

const staffOnly = requireRole('staff');

/**
 * The prompt goes to the staff member's private chat: the button may have been pressed in the staff group,
 * where the typed answer would be read by everyone and not reach this flow.
 */
async function promptPrivately(ctx: BotContext, text: string): Promise<boolean> {
  if (ctx.chat?.type === 'private') {
    await ctx.reply(text);
    return true;
  }
  try {
    await ctx.api.sendMessage(ctx.from!.id, text);
    return true;
  } catch {
    // Telegram refuses until the staff member has started a private chat with the bot: the alert says so.
    return false;
  }
}

/** Staff answer the questions residents handed off: reply (a flow), make the answer an entry, /inbox. */
export function handoffsBot(faq: FaqService, { clock }: Pick<Platform, 'clock'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  // ── the reply flow: press "reply" on a handed-off question, type the answer ───────────────────
  bot.callbackQuery(RX.reply, staffOnly, async (ctx) => {
    const h = await faq.handoffs.take(ctx.user.id, Number(ctx.match[1]));
    await ctx.setFlow(replyFlow, 'text', { id: h.id });
    const ok = await promptPrivately(ctx, replyPrompt(ctx.t, h, await faq.handoffs.nameOf(h.userId)));
    await ctx.answerCallbackQuery(ok ? {} : { text: ctx.t('faq.reply.openPrivateChat'), show_alert: true });
  });

  pm.on('message:text').filter(inFlow(replyFlow, 'text'), staffOnly, async (ctx) => {
    const { id } = ctx.flow.data;
    await faq.handoffs.answer(ctx.user.id, id, ctx.message.text, ctx.flowEnd());
    const card = answerSentCard(ctx.t, id);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  // ── turning the answer into an entry: staff word the question the way residents will ask it ───
  bot.callbackQuery(RX.makeEntry, staffOnly, async (ctx) => {
    const h = await faq.handoffs.answeredWithoutEntry(Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.setFlow(fromHandoffFlow, 'question', { id: h.id });
    await promptPrivately(ctx, ctx.t('faq.reply.askWording', { question: h.question }));
  });

  pm.on('message:text').filter(inFlow(fromHandoffFlow, 'question'), staffOnly, async (ctx) => {
    const e = await faq.handoffs.makeEntry(ctx.user.id, ctx.flow.data.id, ctx.message.text, ctx.flowEnd());
    const card = entryMadeCard(ctx.t, e);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  pm.on('message').filter(
    (ctx) => !ctx.message.text && (inFlow(replyFlow)(ctx) || inFlow(fromHandoffFlow)(ctx)),
    staffOnly,
    (ctx) => ctx.reply(ctx.t('faq.staff.textOnly')),
  );

  // ── /inbox: the open questions, oldest first ─────────────────────────────────
  async function showInbox(ctx: BotContext, page: number, edit: boolean) {
    const card = inboxCard(ctx.t, await faq.handoffs.open(), page, clock.now());
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  pm.command('inbox', staffOnly, (ctx) => showInbox(ctx, 0, false));

  bot.callbackQuery(RX.inbox, staffOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showInbox(ctx, Number(ctx.match[1]), ctx.callbackQuery.message !== undefined);
  });

  return bot;
}
