import { Composer } from 'grammy';
import { isMenuLabel } from '../../../i18n/match';
import type { BotContext } from '../../../telegram/context';
import { isKeyText } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import type { FaqService } from '../service';
import {
  answerCard,
  browsedAnswerCard,
  categoriesCard,
  choicesCard,
  handedOffText,
  noAnswerCard,
  offerStaffCard,
  questionsCard,
} from '../views';

/** Residents: browsing the common questions, asking in their own words, rating answers, asking a person. */
export function residentBot(faq: FaqService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  async function showCategories(ctx: BotContext, edit: boolean) {
    const card = categoriesCard(ctx.t, await faq.entries.categories(ctx.locale));
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  pm.filter(isKeyText('faq.menu.browse'), (ctx) => showCategories(ctx, false));

  bot.callbackQuery(RX.menu, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showCategories(ctx, true);
  });

  bot.callbackQuery(RX.category, async (ctx) => {
    const cat = ctx.match[1]!;
    const entries = await faq.entries.inCategory(cat, ctx.locale);
    if (entries.length === 0) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    const card = questionsCard(ctx.t, cat, entries, Number(ctx.match[2]));
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.browse, async (ctx) => {
    const entry = await faq.questions.browse(Number(ctx.match[1]));
    if (!entry) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    const card = browsedAnswerCard(ctx.t, entry);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  // Free text: the question nobody else took (small talk, then every area's live answers, then the entries). A label typed by hand (or of a button of an area not installed)
  // is never a question.
  pm.on('message:text').filter(
    (ctx) => !ctx.message.text.startsWith('/') && !isMenuLabel(ctx.message.text),
    async (ctx) => {
      const r = await faq.questions.respond(ctx.user, ctx.message.text, ctx.t, ctx.locale);
      if (r.kind === 'smallTalk') return ctx.reply(ctx.t('faq.smallTalk'), { reply_markup: ctx.mainMenu() });
      if (r.kind === 'live') return ctx.reply(r.card.text, { reply_markup: r.card.markup });
      const { queryId, outcome, entries } = r.asked;
      const card =
        outcome === 'answer'
          ? answerCard(ctx.t, entries[0]!, queryId)
          : outcome === 'choices'
            ? choicesCard(ctx.t, queryId, entries)
            : noAnswerCard(ctx.t, queryId);
      await ctx.reply(card.text, { reply_markup: card.markup });
    },
  );

  bot.callbackQuery(RX.choice, async (ctx) => {
    const queryId = Number(ctx.match[1]);
    const entry = await faq.questions.choose(ctx.user.id, queryId, Number(ctx.match[2]));
    await ctx.answerCallbackQuery();
    const card = answerCard(ctx.t, entry, queryId);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.vote, async (ctx) => {
    const up = ctx.match[1] === 'u';
    const queryId = Number(ctx.match[2]);
    await faq.questions.giveFeedback(ctx.user.id, queryId, up);
    await ctx.answerCallbackQuery({ text: ctx.t(up ? 'faq.answer.thanks' : 'faq.answer.sorry') });
    // The buttons go once used; a message too old to edit keeps them, and a second tap counts nothing.
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
    if (up) return;
    const card = offerStaffCard(ctx.t, queryId);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.handoff, async (ctx) => {
    const r = await faq.handoffs.request(ctx.user.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
    await ctx.reply(handedOffText(ctx.t, ctx.locale, r, faq.policy));
  });

  return bot;
}
