import type { Locale } from '../../../config';
import type { TFunction } from '../../../i18n';
import { type Button, grid, markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import type { FaqPolicy } from '../policy';
import type { HandoffRequested } from '../service';
import type { KnownEntry } from '../store';
import { type Card, categoryLabel, officeHoursLabel, officeTimeLabel, short } from './labels';

/** Questions listed per page of a category. */
export const PAGE_SIZE = 8;

const answerText = (t: TFunction, e: KnownEntry) => t('faq.answer.text', { question: e.question, answer: e.answer });

/** The answer to a question typed or picked, with 👍 / 👎 pointing back at the question. */
export const answerCard = (t: TFunction, e: KnownEntry, queryId: number): Card => ({
  text: answerText(t, e),
  markup: markup([
    [
      { text: t('faq.answer.up'), data: CB.up(queryId) },
      { text: t('faq.answer.down'), data: CB.down(queryId) },
    ],
  ]),
});

/** An unclear question: the likely ones as buttons, and a way to ask a person instead. */
export const choicesCard = (t: TFunction, queryId: number, entries: KnownEntry[]): Card => ({
  text: t('faq.choices.ask'),
  markup: markup([
    ...grid(
      entries.map((e) => ({ text: short(e.question), data: CB.choice(queryId, e.id) })),
      1,
    ),
    [{ text: t('faq.choices.noneOfThese'), data: CB.handoff(queryId) }],
  ]),
});

const askStaff = (t: TFunction, queryId: number) =>
  markup([[{ text: t('faq.none.askStaff'), data: CB.handoff(queryId) }]]);

/** Nothing fits: offer to pass the question on. */
export const noAnswerCard = (t: TFunction, queryId: number): Card => ({
  text: t('faq.none.offer'),
  markup: askStaff(t, queryId),
});

/** After a 👎: offer to pass the question on. */
export const offerStaffCard = (t: TFunction, queryId: number): Card => ({
  text: t('faq.answer.offerStaff'),
  markup: askStaff(t, queryId),
});

/** What the resident is told once the question is with staff, and when to expect an answer. */
export function handedOffText(t: TFunction, locale: Locale, r: HandoffRequested, policy: FaqPolicy): string {
  if (!r.created) return t('faq.handoff.already');
  if (r.officeOpen) return t('faq.handoff.sent');
  const office = policy.officeHours();
  return t('faq.handoff.sentAfterHours', {
    when: officeTimeLabel(locale, r.expectFrom, office),
    hours: officeHoursLabel(t, locale, office),
  });
}

// ── browsing ────────────────────────────────────────────────────────────────

type CategoryCount = { category: string; count: number };

export const categoryButtons = (t: TFunction, cats: CategoryCount[], data: (cat: string) => string): Button[][] =>
  grid(
    cats.map((c) => ({ text: `${categoryLabel(t, c.category)} (${c.count})`, data: data(c.category) })),
    2,
  );

export const categoriesCard = (t: TFunction, cats: CategoryCount[]): Card => ({
  text: t(cats.length ? 'faq.browse.categories' : 'faq.browse.empty'),
  markup: markup(categoryButtons(t, cats, (c) => CB.category(c))),
});

/** A page of questions, each a button; ◀ ▶ between pages and a way back. */
export function questionRows(
  t: TFunction,
  entries: { id: number; question: string }[],
  page: number,
  data: { entry: (id: number) => string; page: (n: number) => string; back: string },
): Button[][] {
  const { rows } = pagedRows(
    entries,
    page,
    PAGE_SIZE,
    (e) => ({ text: short(e.question), data: data.entry(e.id) }),
    data.page,
  );
  return [...rows, [{ text: t('common.back'), data: data.back }]];
}

export const questionsCard = (t: TFunction, cat: string, entries: KnownEntry[], page: number): Card => ({
  text: t('faq.browse.questions', { category: categoryLabel(t, cat) }),
  markup: markup(questionRows(t, entries, page, { entry: CB.browse, page: (n) => CB.category(cat, n), back: CB.menu })),
});

export const browsedAnswerCard = (t: TFunction, e: KnownEntry): Card => ({
  text: answerText(t, e),
  markup: markup([
    [{ text: t('faq.browse.backTo', { category: categoryLabel(t, e.category) }), data: CB.category(e.category) }],
  ]),
});
