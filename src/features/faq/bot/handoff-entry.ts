import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { finished, inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { validAnswer } from '../entry-input';
import { addFlow, editFlow, fromHandoffFlow, replyFlow } from '../flows';
import type { FaqService, HandoffEntryDraft } from '../service';
import { cancelMarkup, draftCategoryCard, draftFieldPrompt, entryMadeCard, entryReviewCard } from '../views';
import { promptPrivately } from './prompt';

const staffOnly = requireRole('staff');

type Draft = { id: number } & Partial<HandoffEntryDraft>;

/**
 * An answered question made a common question: staff word it, then see the entry as it will be saved with every
 * name, phone number and address in it pointed out, change what they need, and save. Also the ❌ of this area's
 * staff prompts.
 */
export function handoffEntryBot(faq: FaqService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  bot.callbackQuery(RX.makeEntry, staffOnly, async (ctx) => {
    const h = await faq.handoffs.answeredWithoutEntry(Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.setFlow(fromHandoffFlow, 'question', { id: h.id });
    await promptPrivately(ctx, {
      text: ctx.t('faq.reply.askWording', { question: h.question }),
      markup: cancelMarkup(ctx.t),
    });
  });

  /** The entry as the draft would save it, checked; shown as a new card, or in place of the one pressed. */
  async function review(ctx: BotContext, data: Draft, edit: boolean) {
    const r = await faq.handoffs.review(data.id, { ...data, question: data.question ?? '' });
    const answer = data.answer === undefined ? {} : { answer: r.answer };
    await ctx.setFlow(fromHandoffFlow, 'review', {
      id: data.id,
      question: r.question,
      category: r.category,
      ...answer,
    });
    const card = entryReviewCard(ctx.t, r);
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  const typed = pm.on('message:text');
  typed.filter(inFlow(fromHandoffFlow, 'question'), staffOnly, (ctx) =>
    review(ctx, { ...ctx.flow.data, question: ctx.message.text }, false),
  );
  typed.filter(inFlow(fromHandoffFlow, 'answer'), staffOnly, (ctx) =>
    review(ctx, { ...ctx.flow.data, answer: validAnswer(ctx.message.text) }, false),
  );
  typed.filter(inFlow(fromHandoffFlow, 'review'), staffOnly, (ctx) => ctx.reply(ctx.t('faq.add.useButtons')));

  // ✏️ turns the review card into the question of that field; the typed reply brings a new review card.
  bot.callbackQuery(RX.draftEdit, staffOnly).filter(inFlow(fromHandoffFlow, 'review'), async (ctx) => {
    const field = ctx.match[1] === 'q' ? 'question' : 'answer';
    const { id } = ctx.flow.data;
    const r = await faq.handoffs.review(id, { ...ctx.flow.data, question: ctx.flow.data.question ?? '' });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(fromHandoffFlow, field, ctx.flow.data);
    const card = draftFieldPrompt(ctx.t, field, r[field]);
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.draftCategories, staffOnly).filter(inFlow(fromHandoffFlow, 'review'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const card = draftCategoryCard(ctx.t);
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.draftCategory, staffOnly).filter(inFlow(fromHandoffFlow, 'review'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await review(ctx, { ...ctx.flow.data, category: ctx.match[1] }, true);
  });

  bot.callbackQuery(RX.draftSave, staffOnly).filter(inFlow(fromHandoffFlow, 'review'), async (ctx) => {
    const { id, question, answer, category } = ctx.flow.data;
    const draft = { question: question ?? '', answer, category };
    const e = await faq.handoffs.makeEntry(ctx.user.id, id, draft, ctx.flowEnd({ id }));
    await ctx.answerCallbackQuery();
    const card = entryMadeCard(ctx.t, e);
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  // A second tap on 保存 (or Telegram delivering it again): the entry exists; nothing is saved twice.
  bot.callbackQuery(RX.draftSave, staffOnly).filter(finished(fromHandoffFlow), async (ctx) => {
    const h = await faq.handoffs.find(Number(ctx.finished.result.id));
    const text = ctx.t('faq.fromHandoff.alreadySaved', { id: h?.entryId ?? '?' });
    await ctx.answerCallbackQuery({ text, show_alert: true });
  });

  // ── leaving a flow with the ❌ under its prompt ─────────────────────────────────
  const flowNames = new Set([addFlow, editFlow, replyFlow, fromHandoffFlow].map((f) => f.name));
  const inFaqFlow = (ctx: BotContext) => ctx.flow !== null && flowNames.has(ctx.flow.name);
  bot.callbackQuery(RX.cancel, async (ctx) => {
    if (!inFaqFlow(ctx)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.endFlow();
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('common.cancelled')).catch(() => {});
  });

  // Anything but text while one of these flows waits for text: ask again instead of dropping it silently.
  pm.on('message').filter(
    (ctx) => !ctx.message.text && inFaqFlow(ctx),
    staffOnly,
    (ctx) => ctx.reply(ctx.t('faq.staff.textOnly'), { reply_markup: cancelMarkup(ctx.t) }),
  );

  return bot;
}
