import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { CB, type EntryField, fieldOf, RX } from '../callbacks';
import {
  splitKeywords,
  splitPhrasings,
  validAnswer,
  validKeywords,
  validPhrasings,
  validQuestion,
} from '../entry-input';
import { addFlow, type EntryDraft, editFlow } from '../flows';
import { isCategory } from '../policy';
import type { EntryPatch, FaqService } from '../service';
import type { Entry } from '../store';
import {
  categoryLabel,
  categoryPicker,
  confirmDeleteCard,
  editPrompt,
  entryCard,
  languageChoice,
  skipMarkup,
  staffCategoriesCard,
  staffCategoryCard,
  staffMenuCard,
} from '../views';

const staffOnly = requireRole('staff');

/** What staff typed for one field; '-' empties a list. */
function patchOf(field: EntryField, text: string): EntryPatch {
  const none = text.trim() === '-';
  if (field === 'phrasings') return { phrasings: none ? [] : splitPhrasings(text) };
  if (field === 'keywords') return { keywords: none ? [] : splitKeywords(text) };
  return field === 'question' ? { question: text } : { answer: text };
}

/** Staff keep the knowledge base: /faq, lists by category, add (a flow), edit one field, translate, delete. */
export function staffBot(faq: FaqService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  async function showMenu(ctx: BotContext, edit = false) {
    const counts = await faq.entries.categories();
    const card = staffMenuCard(
      ctx.t,
      counts.reduce((n, c) => n + c.count, 0),
    );
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  async function showEntry(ctx: BotContext, e: Entry) {
    const { parts, markup } = entryCard(ctx.t, e, (await faq.entries.otherVersion(e)) !== undefined);
    for (const [i, part] of parts.entries())
      await ctx.reply(part, i === parts.length - 1 ? { reply_markup: markup } : {});
  }

  pm.command('faq', staffOnly, (ctx) => showMenu(ctx));

  bot.callbackQuery(RX.staffMenu, staffOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMenu(ctx, true);
  });

  bot.callbackQuery(RX.staffList, staffOnly, async (ctx) => {
    const card = staffCategoriesCard(ctx.t, await faq.entries.categories());
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.staffCategory, staffOnly, async (ctx) => {
    const cat = ctx.match[1]!;
    const card = staffCategoryCard(ctx.t, cat, await faq.entries.inCategory(cat), Number(ctx.match[2]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.staffEntry, staffOnly, async (ctx) => {
    const e = await faq.entries.find(Number(ctx.match[1]));
    if (!e) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await showEntry(ctx, e);
  });

  // ── add: language → category (buttons) → question → answer → phrasings → keywords ─────────────
  bot.callbackQuery(RX.add, staffOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(addFlow, 'lang', {});
    const card = languageChoice(ctx.t);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.addLang, staffOnly, async (ctx) => {
    const lang = ctx.match[1] === 'en' ? 'en' : 'zh-CN';
    if (!inFlow(addFlow, 'lang')(ctx)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(addFlow, 'category', { lang });
    await ctx.editMessageText(ctx.t('faq.add.askCategory'), { reply_markup: categoryPicker(ctx.t, CB.addCategory) });
  });

  bot.callbackQuery(RX.addCategory, staffOnly, async (ctx) => {
    const category = ctx.match[1];
    if (!inFlow(addFlow, 'category')(ctx) || !isCategory(category))
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(addFlow, 'question', { ...ctx.flow.data, category });
    await ctx.editMessageText(ctx.t('faq.add.askQuestion'));
  });

  bot.callbackQuery(RX.translate, staffOnly, async (ctx) => {
    const e = await faq.entries.find(Number(ctx.match[1]));
    if (!e) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    const lang = e.lang === 'en' ? 'zh-CN' : 'en';
    await ctx.setFlow(addFlow, 'question', { lang, category: e.category, key: e.key });
    const language = lang === 'en' ? 'English' : '中文';
    await ctx.reply(ctx.t('faq.add.askTranslation', { language, question: e.question }));
  });

  // Each typed step is checked as it comes: a wrong value is answered with the rule and an example (the error
  // boundary) and the step stays where it is.
  const typed = pm.on('message:text');
  typed.filter(inFlow(addFlow, 'question'), staffOnly, async (ctx) => {
    const question = validQuestion(ctx.message.text);
    await ctx.setFlow(addFlow, 'answer', { ...ctx.flow.data, question });
    await ctx.reply(ctx.t('faq.add.askAnswer'));
  });
  typed.filter(inFlow(addFlow, 'answer'), staffOnly, async (ctx) => {
    const answer = validAnswer(ctx.message.text);
    await ctx.setFlow(addFlow, 'phrasings', { ...ctx.flow.data, answer });
    await ctx.reply(ctx.t('faq.add.askPhrasings'), { reply_markup: skipMarkup(ctx.t) });
  });
  typed.filter(inFlow(addFlow, 'phrasings'), staffOnly, async (ctx) => {
    const phrasings = validPhrasings(splitPhrasings(ctx.message.text));
    await ctx.setFlow(addFlow, 'keywords', { ...ctx.flow.data, phrasings });
    await ctx.reply(ctx.t('faq.add.askKeywords'), { reply_markup: skipMarkup(ctx.t) });
  });
  typed.filter(inFlow(addFlow, 'keywords'), staffOnly, (ctx) =>
    saveNew(ctx, ctx.flow.data, validKeywords(splitKeywords(ctx.message.text))),
  );
  // Waiting for a button (language, category): say so rather than guess.
  typed.filter(inFlow(addFlow, 'lang', 'category'), staffOnly, (ctx) => ctx.reply(ctx.t('faq.add.useButtons')));

  async function saveNew(ctx: BotContext, data: EntryDraft, keywords: string[]) {
    const e = await faq.entries.add(ctx.user.id, { ...data, keywords }, ctx.flowEnd());
    await ctx.reply(ctx.t('faq.add.saved'));
    await showEntry(ctx, e);
  }

  bot.callbackQuery(RX.skip, staffOnly, async (ctx) => {
    if (!inFlow(addFlow, 'phrasings', 'keywords')(ctx))
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
    if (ctx.flow.step === 'keywords') return saveNew(ctx, ctx.flow.data, []);
    await ctx.setFlow(addFlow, 'keywords', { ...ctx.flow.data, phrasings: [] });
    await ctx.reply(ctx.t('faq.add.askKeywords'), { reply_markup: skipMarkup(ctx.t) });
  });

  // ── edit one field ──────────────────────────────────────────────────────────
  bot.callbackQuery(RX.edit, staffOnly, async (ctx) => {
    const e = await faq.entries.find(Number(ctx.match[1]));
    const field = fieldOf(ctx.match[2]);
    if (!e || !field) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(editFlow, field, { id: e.id });
    await ctx.reply(editPrompt(ctx.t, e, field));
  });

  typed.filter(inFlow(editFlow), staffOnly, async (ctx) => {
    const patch = patchOf(ctx.flow.step, ctx.message.text);
    const e = await faq.entries.update(ctx.user.id, ctx.flow.data.id, patch, ctx.flowEnd());
    await ctx.reply(ctx.t('faq.edit.saved'));
    await showEntry(ctx, e);
  });

  bot.callbackQuery(RX.recategorize, staffOnly, async (ctx) => {
    const id = Number(ctx.match[1]);
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('faq.edit.category'), {
      reply_markup: categoryPicker(ctx.t, (c) => CB.recategorizeTo(id, c)),
    });
  });

  bot.callbackQuery(RX.recategorizeTo, staffOnly, async (ctx) => {
    const e = await faq.entries.update(ctx.user.id, Number(ctx.match[1]), { category: ctx.match[2]! });
    await ctx.answerCallbackQuery({ text: ctx.t('faq.edit.saved') });
    await ctx.editMessageText(ctx.t('faq.edit.categorySaved', { category: categoryLabel(ctx.t, e.category) }));
  });

  // ── delete, confirmed (and the role checked again on the confirmation) ───────────────────────
  bot.callbackQuery(RX.remove, staffOnly, async (ctx) => {
    const e = await faq.entries.find(Number(ctx.match[1]));
    if (!e) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    const card = confirmDeleteCard(ctx.t, e);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.removeYes, staffOnly, async (ctx) => {
    const id = Number(ctx.match[1]);
    if (!(await faq.entries.find(id))) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    const e = await faq.entries.remove(ctx.user.id, id);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('faq.staff.deleted', { question: e.question }));
  });

  return bot;
}
