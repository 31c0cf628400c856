import type { TFunction } from '../../../i18n';
import { type Button, grid, markup } from '../../../telegram/markup';
import { splitText } from '../../../telegram/text';
import { CB, type EntryField } from '../callbacks';
import { CATEGORIES } from '../policy';
import type { Entry } from '../store';
import { type Card, categoryLabel } from './labels';
import { categoryButtons, questionRows } from './resident';

const langTag = (lang: string) => (lang === 'en' ? 'EN' : '中');

/** /faq: how many entries there are, and what staff can do. */
export const staffMenuCard = (t: TFunction, count: number): Card => ({
  text: t('faq.staff.menu', { count }),
  markup: markup([
    [
      { text: t('faq.staff.addButton'), data: CB.add },
      { text: t('faq.staff.listButton'), data: CB.staffList },
    ],
    [{ text: t('faq.staff.inboxButton'), data: CB.inbox(0) }],
  ]),
});

export const staffCategoriesCard = (t: TFunction, cats: { category: string; count: number }[]): Card => ({
  text: t(cats.length ? 'faq.staff.pickCategory' : 'faq.browse.empty'),
  markup: markup([
    ...categoryButtons(t, cats, (c) => CB.staffCategory(c)),
    [{ text: t('common.back'), data: CB.staffMenu }],
  ]),
});

/** The entries of a category in both languages, tagged with theirs. */
export const staffCategoryCard = (t: TFunction, cat: string, list: Entry[], page: number): Card => ({
  text: t(list.length ? 'faq.staff.entriesIn' : 'faq.staff.noEntriesIn', {
    category: categoryLabel(t, cat),
    count: list.length,
  }),
  markup: markup(
    questionRows(
      t,
      list.map((e) => ({ id: e.id, question: `[${langTag(e.lang)}] ${e.question}` })),
      page,
      { entry: CB.staffEntry, page: (n) => CB.staffCategory(cat, n), back: CB.staffList },
    ),
  ),
});

/** The entry as staff see it; a long one is several messages, the buttons go under the last. */
export function entryCard(
  t: TFunction,
  e: Entry,
  hasOtherVersion: boolean,
): { parts: string[]; markup: Card['markup'] } {
  const text = t('faq.staff.entry', {
    id: e.id,
    key: e.key,
    lang: langTag(e.lang),
    category: categoryLabel(t, e.category),
    question: e.question,
    answer: e.answer,
    phrasings: e.phrasings.join('\n') || '—',
    keywords: e.keywords.join('、') || '—',
    hits: e.hits,
    helpful: e.helpful,
    unhelpful: e.unhelpful,
  });
  const rows: Button[][] = [
    [
      { text: t('faq.staff.editQuestion'), data: CB.edit(e.id, 'question') },
      { text: t('faq.staff.editAnswer'), data: CB.edit(e.id, 'answer') },
    ],
    [
      { text: t('faq.staff.editPhrasings'), data: CB.edit(e.id, 'phrasings') },
      { text: t('faq.staff.editKeywords'), data: CB.edit(e.id, 'keywords') },
    ],
    [
      { text: t('faq.staff.editCategory'), data: CB.recategorize(e.id) },
      { text: t('faq.staff.delete'), data: CB.remove(e.id) },
    ],
  ];
  if (!hasOtherVersion) rows.push([{ text: t('faq.staff.translate'), data: CB.translate(e.id) }]);
  rows.push([{ text: t('common.back'), data: CB.staffCategory(e.category) }]);
  return { parts: splitText(text), markup: markup(rows) };
}

/** What an edit asks for, with what is there now. */
export function editPrompt(t: TFunction, e: Entry, field: EntryField): string {
  const current =
    field === 'phrasings' ? e.phrasings.join('\n') : field === 'keywords' ? e.keywords.join('、') : e[field];
  return t(`faq.edit.${field}`, { current: current || '—' });
}

// ── adding ──────────────────────────────────────────────────────────────────

export const languageChoice = (t: TFunction): Card => ({
  text: t('faq.add.askLang'),
  markup: markup([
    [
      { text: '中文', data: CB.addLang('zh-CN') },
      { text: 'English', data: CB.addLang('en') },
    ],
  ]),
});

export const categoryPicker = (t: TFunction, data: (cat: string) => string) =>
  markup(
    grid(
      CATEGORIES.map((c) => ({ text: categoryLabel(t, c), data: data(c) })),
      3,
    ),
  );

export const skipMarkup = (t: TFunction) => markup([[{ text: t('faq.staff.skipButton'), data: CB.skip }]]);

export const confirmDeleteCard = (t: TFunction, e: Entry): Card => ({
  text: t('faq.staff.confirmDelete', { question: e.question }),
  markup: markup([
    [
      { text: t('faq.staff.deleteYes'), data: CB.removeYes(e.id) },
      { text: t('common.cancel'), data: CB.staffEntry(e.id) },
    ],
  ]),
});
