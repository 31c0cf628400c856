import { Composer } from 'grammy';
import { localDate, localTime } from '../../core/time';
import { loadResources } from '../../i18n';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { isKeyText } from '../../telegram/middlewares/match';
import { categoriesWithEntries, entriesIn } from './entries';
import { handoffPolicy, requestHandoff } from './handoffs';
import {
  answerKeyboard,
  browseAnswerKeyboard,
  CB,
  categoriesKeyboard,
  categoryLabel,
  choicesKeyboard,
  handoffOfferKeyboard,
  questionsKeyboard,
  RX,
} from './keyboards';
import type { KnownEntry } from './knowledge';
import * as faq from './service';

export const residentBot = new Composer<BotContext>();
const pm = residentBot.chatType('private');

let labels: Set<string> | undefined;
const DAY_NUMBER: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };
/** 'Mon-Fri 08:30-17:30' in the resident's words: 周一至周五 08:30-17:30. */
function officeHoursText(ctx: BotContext, spec: string): string {
  const m = /^(\w{3})-(\w{3}) (.+)$/.exec(spec);
  if (!m) return spec;
  const day = (d: string) => ctx.t(`faq.weekdays.${DAY_NUMBER[d] ?? 1}`);
  return ctx.t('faq.officeHours', { from: day(m[1]!), to: day(m[2]!), hours: m[3]! });
}

/**
 * Every button label of every area's main menu (`<area>.menu.*`) and the cancel button, in every language: a
 * tap on a button belonging to an area that is not installed, or a label typed by hand, is never a question.
 */
function isButtonLabel(text: string): boolean {
  if (!labels) {
    labels = new Set();
    for (const { translation } of Object.values(loadResources())) {
      for (const area of Object.values(translation)) {
        const menu = (area as Record<string, unknown>).menu;
        if (menu && typeof menu === 'object')
          for (const v of Object.values(menu)) if (typeof v === 'string') labels.add(v);
      }
      const cancel = (translation.common as Record<string, unknown> | undefined)?.cancelButton;
      if (typeof cancel === 'string') labels.add(cancel);
    }
  }
  return labels.has(text.trim());
}

const answerText = (ctx: BotContext, e: KnownEntry) =>
  ctx.t('faq.answer.text', { question: e.question, answer: e.answer });

// ── browsing by category ────────────────────────────────────────────────────
async function showCategories(ctx: BotContext, edit: boolean) {
  const cats = await categoriesWithEntries(ctx.deps.db, ctx.locale);
  const text = ctx.t(cats.length ? 'faq.browse.categories' : 'faq.browse.empty');
  const reply_markup = categoriesKeyboard(ctx, cats, (c) => CB.category(c));
  if (edit) await ctx.editMessageText(text, { reply_markup });
  else await ctx.reply(text, { reply_markup });
}

pm.filter(isKeyText('faq.menu.browse'), (ctx) => showCategories(ctx, false));

residentBot.callbackQuery(CB.menu, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showCategories(ctx, true);
});

residentBot.callbackQuery(RX.category, async (ctx) => {
  const cat = ctx.match[1]!;
  const entries = await entriesIn(ctx.deps.db, cat, ctx.locale);
  if (entries.length === 0) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('faq.browse.questions', { category: categoryLabel(ctx, cat) }), {
    reply_markup: questionsKeyboard(
      ctx,
      cat,
      entries,
      Number(ctx.match[2]),
      CB.browse,
      (n) => CB.category(cat, n),
      CB.menu,
    ),
  });
});

residentBot.callbackQuery(RX.browse, async (ctx) => {
  const entry = await faq.browse(ctx.deps.db, Number(ctx.match[1]));
  if (!entry) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.reply(answerText(ctx, entry), { reply_markup: browseAnswerKeyboard(ctx, entry.category) });
});

// ── free text: the question nobody else took ────────────────────────────────
pm.on('message:text').filter(
  (ctx) => !ctx.message.text.startsWith('/') && !isButtonLabel(ctx.message.text),
  async (ctx) => {
    if (faq.isSmallTalk(ctx.message.text)) return ctx.reply(ctx.t('faq.smallTalk'), { reply_markup: ctx.mainMenu() });
    let asked: faq.Asked;
    try {
      asked = await faq.ask(ctx.deps.db, ctx.from.id, ctx.message.text, ctx.locale, ctx.deps.clock.now());
    } catch (err) {
      return replyDomainError(ctx, err);
    }
    const { queryId, outcome, entries } = asked;
    if (outcome === 'answer')
      return ctx.reply(answerText(ctx, entries[0]!), { reply_markup: answerKeyboard(ctx, queryId) });
    if (outcome === 'choices')
      return ctx.reply(ctx.t('faq.choices.ask'), { reply_markup: choicesKeyboard(ctx, queryId, entries) });
    await ctx.reply(ctx.t('faq.none.offer'), { reply_markup: handoffOfferKeyboard(ctx, queryId) });
  },
);

residentBot.callbackQuery(RX.choice, async (ctx) => {
  const queryId = Number(ctx.match[1]);
  let entry: KnownEntry;
  try {
    entry = await faq.choose(ctx.deps.db, ctx.from.id, queryId, Number(ctx.match[2]));
  } catch (err) {
    if (!(err instanceof faq.QueryNotFound)) throw err;
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(answerText(ctx, entry), { reply_markup: answerKeyboard(ctx, queryId) });
});

residentBot.callbackQuery(RX.vote, async (ctx) => {
  const up = ctx.match[1] === 'u';
  const queryId = Number(ctx.match[2]);
  try {
    await faq.giveFeedback(ctx.deps.db, ctx.from.id, queryId, up);
  } catch (err) {
    if (!(err instanceof faq.QueryNotFound)) throw err;
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  }
  await ctx.answerCallbackQuery({ text: ctx.t(up ? 'faq.answer.thanks' : 'faq.answer.sorry') });
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
  if (!up) await ctx.reply(ctx.t('faq.answer.offerStaff'), { reply_markup: handoffOfferKeyboard(ctx, queryId) });
});

residentBot.callbackQuery(RX.handoff, async (ctx) => {
  const { config, clock, db } = ctx.deps;
  let r: Awaited<ReturnType<typeof requestHandoff>>;
  try {
    r = await requestHandoff(db, ctx.from.id, Number(ctx.match[1]), handoffPolicy(config), clock.now());
  } catch (err) {
    if (err instanceof faq.QueryNotFound) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    return replyDomainError(ctx, err);
  }
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup({ reply_markup: undefined }).catch(() => {});
  if (!r.created) return ctx.reply(ctx.t('faq.handoff.already'));
  ctx.deps.wakeDelivery();
  if (r.officeOpen) return ctx.reply(ctx.t('faq.handoff.sent'));
  const tz = config.TIMEZONE;
  const weekday = ctx.t(`faq.weekdays.${new Date(`${localDate(r.expectFrom, tz)}T12:00:00Z`).getUTCDay()}`);
  await ctx.reply(
    ctx.t('faq.handoff.sentAfterHours', {
      when: `${localDate(r.expectFrom, tz)} ${weekday} ${localTime(r.expectFrom, tz)}`,
      hours: officeHoursText(ctx, config.OFFICE_HOURS),
    }),
  );
});
