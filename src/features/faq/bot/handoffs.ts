import { Composer } from 'grammy';
import { NotAllowed } from '../../../core/errors';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { can, requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { HandoffNotFound } from '../errors';
import { replyFlow } from '../flows';
import type { FaqService } from '../service';
import { answerSentCard, inboxCard, replyPrompt } from '../views';
import { privateStartLink, promptPrivately } from './prompt';

const staffOnly = requireRole('staff');

/** The deep link that opens a staff member's private chat on "reply to question #id" (from the staff group). */
export const REPLY_LINK = 'fqr_';

/** Staff answer the questions residents handed off: reply (a flow), /inbox. */
export function handoffsBot(faq: FaqService, { clock }: Pick<Platform, 'clock'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  /** Takes the question and asks for the answer in private; every card staff hold is updated by the outbox. */
  async function startReply(ctx: BotContext, id: number): Promise<boolean> {
    const h = await faq.handoffs.take(ctx.user.id, id);
    await ctx.setFlow(replyFlow, 'text', { id: h.id });
    return promptPrivately(ctx, replyPrompt(ctx.t, h, await faq.handoffs.nameOf(h.userId)));
  }

  // In the staff group, a staff member who never wrote to the bot is taken to its private chat by the alert itself:
  // no "send /start" to follow.
  const answerReply = (ctx: BotContext, ok: boolean, id: number) =>
    ctx.answerCallbackQuery(
      ok ? {} : { text: ctx.t('faq.reply.openPrivateChat'), url: privateStartLink(ctx, `${REPLY_LINK}${id}`) },
    );

  // ── the reply flow: press "reply" on a handed-off question, type the answer ───────────────────
  bot.callbackQuery(RX.reply, staffOnly, async (ctx) => {
    const id = Number(ctx.match[1]);
    await answerReply(ctx, await startReply(ctx, id), id);
  });

  // From a page of /inbox: the page shows the question taken once the prompt is out.
  bot.callbackQuery(RX.inboxReply, staffOnly, async (ctx) => {
    const id = Number(ctx.match[1]);
    await answerReply(ctx, await startReply(ctx, id), id);
    await showInbox(ctx, Number(ctx.match[2]), true);
  });

  pm.on('message:text').filter(inFlow(replyFlow, 'text'), staffOnly, async (ctx) => {
    const { id } = ctx.flow.data;
    await faq.handoffs.answer(ctx.user.id, id, ctx.message.text, ctx.flowEnd({ id }));
    const card = answerSentCard(ctx.t, id);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  // ── /inbox: the open questions, oldest first ─────────────────────────────────
  async function showInbox(ctx: BotContext, page: number, edit: boolean) {
    const card = inboxCard(ctx.t, await faq.handoffs.open(), page, clock.now());
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup }).catch(() => {});
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  pm.command('inbox', staffOnly, (ctx) => showInbox(ctx, 0, false));

  bot.callbackQuery(RX.inbox, staffOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showInbox(ctx, Number(ctx.match[1]), ctx.callbackQuery.message !== undefined);
  });

  return bot;
}

/** t.me/<bot>?start=fqr_<id>: the staff member's private chat opens on the reply to that question. */
export function replyLink(faq: FaqService) {
  return async (ctx: BotContext, arg: string) => {
    if (!can(ctx, 'staff')) throw new NotAllowed();
    if (!/^\d{1,9}$/.test(arg)) throw new HandoffNotFound();
    const h = await faq.handoffs.take(ctx.user.id, Number(arg));
    await ctx.setFlow(replyFlow, 'text', { id: h.id });
    const card = replyPrompt(ctx.t, h, await faq.handoffs.nameOf(h.userId));
    await ctx.reply(card.text, { reply_markup: card.markup });
  };
}
