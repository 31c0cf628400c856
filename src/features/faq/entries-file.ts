import type { Sheet, Table } from '../../core/sheets';
import type { TFunction } from '../../i18n';
import type { ImportCheck } from '../../telegram/workbench';
import type { EntryInput } from './entry-input';
import { CATEGORIES } from './policy';
import type { Entry } from './store';
import { categoryLabel } from './views/labels';

// The knowledge base as a spreadsheet staff download and upload in the workbench (issue 15): one row per entry and
// language, headers in the reader's language (either language's headers are read back), the category as its name
// or its code, several phrasings or keywords in one cell separated by |.

const COLUMNS = {
  key: ['key', '编号'],
  lang: ['lang', 'language', '语言'],
  category: ['category', '分类'],
  question: ['question', '问题'],
  phrasings: ['phrasings', '其他问法'],
  keywords: ['keywords', '关键词'],
  answer: ['answer', '回答'],
  hits: ['hits', '被问次数'],
  helpful: ['helpful', '有用'],
  unhelpful: ['unhelpful', '没用'],
} as const;
type Column = keyof typeof COLUMNS;
const REQUIRED: Column[] = ['lang', 'category', 'question', 'answer'];
const LIST_SEPARATOR = ' | ';

const splitList = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

/** The category a cell names: its code, or its name in either language ("救助物资" → relief). */
function categoryOf(names: readonly TFunction[], cell: string): string {
  const s = cell.trim();
  return CATEGORIES.find((c) => c === s.toLowerCase() || names.some((t) => categoryLabel(t, c) === s)) ?? s;
}

/**
 * Rows as entry inputs numbered as the spreadsheet numbers them (1 = the header), or the header's problem.
 * Blank rows are skipped; each row's own checks are the service's.
 */
export function readEntries(
  rows: Table,
  t: TFunction,
  names: readonly TFunction[],
): { inputs: { row: number; input: EntryInput }[]; problems: ImportCheck['problems'] } {
  const header = (rows[0] ?? []).map((h) => h.trim().toLowerCase());
  const at = {} as Record<Column, number>;
  for (const [col, names] of Object.entries(COLUMNS) as [Column, readonly string[]][])
    at[col] = header.findIndex((h) => names.includes(h));
  if (REQUIRED.some((c) => at[c] < 0))
    return { inputs: [], problems: [{ row: 1, message: t('faq.file.needColumns') }] };
  const inputs: { row: number; input: EntryInput }[] = [];
  rows.slice(1).forEach((cells, i) => {
    if (cells.every((c) => c.trim() === '')) return;
    const get = (c: Column) => (at[c] < 0 ? '' : (cells[at[c]] ?? ''));
    inputs.push({
      row: i + 2,
      input: {
        key: get('key').trim() || undefined,
        lang: get('lang').trim(),
        category: categoryOf(names, get('category')),
        question: get('question'),
        answer: get('answer'),
        phrasings: splitList(get('phrasings')),
        keywords: splitList(get('keywords')),
      },
    });
  });
  return { inputs, problems: [] };
}

/** Every entry with its counters: the file `readEntries` reads back. */
export function entriesSheet(t: TFunction, entries: readonly Entry[]): Sheet {
  const header = (Object.keys(COLUMNS) as Column[]).map((k) => t(`faq.file.column.${k}`));
  const rows = entries.map((e) => [
    e.key,
    e.lang,
    categoryLabel(t, e.category),
    e.question,
    e.phrasings.join(LIST_SEPARATOR),
    e.keywords.join(LIST_SEPARATOR),
    e.answer,
    e.hits,
    e.helpful,
    e.unhelpful,
  ]);
  return { name: t('faq.file.sheet'), header, rows };
}
