import { Composer, InlineKeyboard } from 'grammy';
import { DomainError } from '../../core/errors';
import type { BotContext } from '../../telegram/context';
import { domainErrorText, replyDomainError } from '../../telegram/errors';
import { paged } from '../../telegram/keyboards';
import { requireRole } from '../../telegram/middlewares/guard';
import {
  answerHandoff,
  EntryAlreadyMade,
  entryFromHandoff,
  getHandoff,
  HandoffNotFound,
  nameOfUser,
  openHandoffs,
  takeHandoff,
} from './handoffs';
import { afterAnswerKeyboard, CB, RX } from './keyboards';

const staffOnly = requireRole('staff');
const INBOX_PAGE = 6;

// ── the reply flow: press "reply" on a handed-off question, type the answer ───────────────────
export const handoffReplyBot = new Composer<BotContext>();
const pm = handoffReplyBot.chatType('private');

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
    return false;
  }
}

handoffReplyBot.callbackQuery(RX.reply, staffOnly, async (ctx) => {
  let h;
  try {
    h = await takeHandoff(ctx.deps.db, ctx.from.id, Number(ctx.match[1]), ctx.deps.clock.now());
  } catch (err) {
    if (err instanceof HandoffNotFound) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    return replyDomainError(ctx, err);
  }
  await ctx.setFlow('faq.reply', 'text', { id: h.id });
  const ok = await promptPrivately(
    ctx,
    ctx.t('faq.reply.ask', { id: h.id, name: await nameOfUser(ctx.deps.db, h.user_id), question: h.question }),
  );
  await ctx.answerCallbackQuery(ok ? {} : { text: ctx.t('faq.reply.openPrivateChat'), show_alert: true });
});

pm.on('message:text').filter(
  (ctx) => ctx.flow?.name === 'faq.reply',
  staffOnly,
  async (ctx) => {
    const id = Number(ctx.flow!.data.id);
    try {
      await answerHandoff(ctx.deps.db, ctx.from.id, id, ctx.message.text, ctx.deps.clock.now());
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      // A bad answer (empty, too long) is asked again; a question someone else answered ends the flow.
      if (err.code !== 'faq.invalidAnswer') await ctx.endFlow();
      return ctx.reply(domainErrorText(ctx, err));
    }
    await ctx.endFlow();
    ctx.deps.wakeDelivery();
    await ctx.reply(ctx.t('faq.reply.sent', { id }), { reply_markup: afterAnswerKeyboard(ctx, id) });
  },
);

// ── turning the answer into an entry: staff word the question the way residents will ask it ───
handoffReplyBot.callbackQuery(RX.makeEntry, staffOnly, async (ctx) => {
  const id = Number(ctx.match[1]);
  let h;
  try {
    h = await getHandoff(ctx.deps.db, id);
  } catch {
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  }
  if (h.state !== 'answered')
    return ctx.answerCallbackQuery({ text: ctx.t('faq.errors.handoffNotAnswered'), show_alert: true });
  if (h.entry_id !== null) return replyDomainError(ctx, new EntryAlreadyMade());
  await ctx.answerCallbackQuery();
  await ctx.setFlow('faq.fromHandoff', 'question', { id });
  await promptPrivately(ctx, ctx.t('faq.reply.askWording', { question: h.question }));
});

pm.on('message:text').filter(
  (ctx) => ctx.flow?.name === 'faq.fromHandoff',
  staffOnly,
  async (ctx) => {
    const id = Number(ctx.flow!.data.id);
    let entry;
    try {
      entry = await entryFromHandoff(ctx.deps.db, ctx.from.id, id, ctx.message.text, ctx.deps.clock.now());
    } catch (err) {
      if (!(err instanceof DomainError)) throw err;
      if (err.code !== 'faq.invalidQuestion') await ctx.endFlow();
      return ctx.reply(domainErrorText(ctx, err));
    }
    await ctx.endFlow();
    await ctx.reply(ctx.t('faq.reply.entryMade', { question: entry.question }), {
      reply_markup: new InlineKeyboard().text(ctx.t('faq.reply.openEntry'), CB.staffEntry(entry.id)),
    });
  },
);

pm.on('message').filter(
  (ctx) => !ctx.message.text && (ctx.flow?.name === 'faq.reply' || ctx.flow?.name === 'faq.fromHandoff'),
  staffOnly,
  (ctx) => ctx.reply(ctx.t('faq.staff.textOnly')),
);

// ── /inbox: the open questions, oldest first ─────────────────────────────────
export const handoffInbox = new Composer<BotContext>();

async function showInbox(ctx: BotContext, page: number, edit: boolean) {
  const open = await openHandoffs(ctx.deps.db);
  if (open.length === 0) {
    if (edit) await ctx.editMessageText(ctx.t('faq.inbox.empty'));
    else await ctx.reply(ctx.t('faq.inbox.empty'));
    return;
  }
  const names = new Map<number, string>();
  for (const h of open)
    if (h.takenBy !== null && !names.has(h.takenBy)) names.set(h.takenBy, await nameOfUser(ctx.deps.db, h.takenBy));
  const {
    keyboard,
    page: p,
    pages,
  } = paged(
    open,
    page,
    INBOX_PAGE,
    (h) => ({ text: ctx.t('faq.inbox.replyTo', { id: h.id }), data: CB.reply(h.id) }),
    CB.inbox,
    2,
  );
  const now = ctx.deps.clock.now().getTime();
  // Each piece is a finished translation (its resident text escaped by ctx.t); joining them adds no markup.
  const lines = open.slice(p * INBOX_PAGE, (p + 1) * INBOX_PAGE).map((h) => {
    const line = ctx.t('faq.inbox.line', {
      id: h.id,
      name: h.name,
      question: h.question.length > 120 ? `${h.question.slice(0, 119)}…` : h.question,
      hours: Math.floor((now - Date.parse(h.createdAt)) / 3_600_000),
    });
    return `${line}\n${h.takenBy === null ? ctx.t('faq.inbox.notTaken') : ctx.t('faq.inbox.takenBy', { name: names.get(h.takenBy) ?? '?' })}`;
  });
  const text = `${ctx.t('faq.inbox.title', { count: open.length, page: p + 1, pages })}\n\n${lines.join('\n\n')}`;
  if (edit) await ctx.editMessageText(text, { reply_markup: keyboard });
  else await ctx.reply(text, { reply_markup: keyboard });
}

handoffInbox.chatType('private').command('inbox', staffOnly, (ctx) => showInbox(ctx, 0, false));

handoffInbox.callbackQuery(RX.inbox, staffOnly, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showInbox(ctx, Number(ctx.match[1]), ctx.callbackQuery.message !== undefined);
});
