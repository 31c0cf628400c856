import { CsvSyntaxError, parseCsv as parseAnyCsv, toCsv } from '../../core/csv';
import { type EntryInput, splitKeywords } from './entry-input';
import { BadFile } from './errors';
import type { Entry } from './store';

// The file format of `faq import` and `faq export`: CSV that opens in Excel, or a JSON array.

/** Columns of `faq export` and of an import file; an import needs the first seven, counters are ignored. */
export const CSV_COLUMNS = [
  'key',
  'lang',
  'category',
  'question',
  'phrasings',
  'keywords',
  'answer',
  'hits',
  'helpful',
  'unhelpful',
] as const;
const REQUIRED = ['lang', 'category', 'question', 'answer'];
/** Several phrasings or keywords in one cell: a character no question contains, easy to type in Excel. */
const LIST_SEPARATOR = ' | ';

/**
 * Export prefixes a formula-like cell with ' (see core/csv); the import drops it again, so an export imports back
 * unchanged.
 */
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

function readCsv(text: string): string[][] {
  try {
    return parseAnyCsv(text);
  } catch (e) {
    if (e instanceof CsvSyntaxError) throw new BadFile(e.message);
    throw e;
  }
}

export function entriesToCsv(entries: Entry[]): string {
  return toCsv([
    [...CSV_COLUMNS],
    ...entries.map((e) => [
      e.key,
      e.lang,
      e.category,
      e.question,
      e.phrasings.join(LIST_SEPARATOR),
      e.keywords.join(LIST_SEPARATOR),
      e.answer,
      e.hits,
      e.helpful,
      e.unhelpful,
    ]),
  ]);
}

const splitList = (s: string) =>
  s
    .split('|')
    .map((x) => x.trim())
    .filter(Boolean);

/** Import rows numbered as a spreadsheet numbers them (the header is row 1). */
export function inputsFromCsv(text: string): { row: number; input: EntryInput }[] {
  const [header, ...rows] = readCsv(text);
  if (!header) throw new BadFile('the file is empty');
  const cols = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !cols.includes(c));
  if (missing.length)
    throw new BadFile(`missing column(s): ${missing.join(', ')} (expected ${CSV_COLUMNS.slice(0, 7).join(',')})`);
  const at = (r: string[], name: string) => unguard(r[cols.indexOf(name)] ?? '');
  return rows.map((r, i) => ({
    row: i + 2,
    input: {
      key: at(r, 'key').trim() || undefined,
      lang: at(r, 'lang').trim(),
      category: at(r, 'category').trim(),
      question: at(r, 'question'),
      answer: at(r, 'answer'),
      phrasings: splitList(at(r, 'phrasings')),
      keywords: splitList(at(r, 'keywords')),
    },
  }));
}

/** A JSON array of entries; phrasings and keywords as arrays or as one string. Rows are numbered from 1. */
export function inputsFromJson(text: string): { row: number; input: EntryInput }[] {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\ufeff/, ''));
  } catch (err) {
    throw new BadFile(`not valid JSON: ${(err as Error).message}`);
  }
  if (!Array.isArray(data)) throw new BadFile('expected a JSON array of entries');
  const s = (v: unknown) => (typeof v === 'string' ? v : typeof v === 'number' ? String(v) : '');
  const l = (v: unknown, split: (s: string) => string[]) => (Array.isArray(v) ? v.map(s).filter(Boolean) : split(s(v)));
  return data.map((o: Record<string, unknown>, i) => ({
    row: i + 1,
    input: {
      key: s(o?.key).trim() || undefined,
      lang: s(o?.lang).trim(),
      category: s(o?.category).trim(),
      question: s(o?.question),
      answer: s(o?.answer),
      phrasings: l(o?.phrasings, splitList),
      keywords: l(o?.keywords, splitKeywords),
    },
  }));
}
