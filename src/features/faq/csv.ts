import type { Entry, EntryInput } from './entries';
import { splitKeywords } from './entries';

/** Columns of `faq export` and of an import file; an import needs the first seven, counters are ignored. */
export const CSV_COLUMNS = ['key', 'lang', 'category', 'question', 'phrasings', 'keywords', 'answer', 'hits', 'helpful', 'unhelpful'] as const;
const REQUIRED = ['lang', 'category', 'question', 'answer'];
/** Several phrasings or keywords in one cell: a character no question contains, easy to type in Excel. */
export const LIST_SEPARATOR = ' | ';

export class BadFile extends Error {}

/**
 * A cell starting with = + - @ is run as a formula by Excel (CSV injection): it is prefixed with ' on export,
 * and the prefix is dropped again on import, so an export imports back unchanged.
 */
const guard = (s: string) => (/^[=+\-@\t\r]/.test(s) ? `'${s}` : s);
const unguard = (s: string) => (/^'[=+\-@\t\r]/.test(s) ? s.slice(1) : s);

const quote = (s: string) => (/[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s);

export function toCsv(rows: (string | number)[][]): string {
  return rows.map((r) => r.map((c) => quote(typeof c === 'number' ? String(c) : guard(c))).join(',')).join('\r\n') + '\r\n';
}

/** RFC 4180: quoted cells may hold commas, quotes ("") and line breaks; a leading BOM is dropped. */
export function parseCsv(text: string): string[][] {
  const s = text.replace(/^\ufeff/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new BadFile('a quoted cell is never closed');
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return rows.filter((r) => r.some((c) => c.trim() !== ''));
}

export function entriesToCsv(entries: Entry[]): string {
  return toCsv([
    [...CSV_COLUMNS],
    ...entries.map((e) => [e.key, e.lang, e.category, e.question, e.phrasings.join(LIST_SEPARATOR), e.keywords.join(LIST_SEPARATOR), e.answer, e.hits, e.helpful, e.unhelpful]),
  ]);
}

const splitList = (s: string) => s.split('|').map((x) => x.trim()).filter(Boolean);

/** Import rows numbered as a spreadsheet numbers them (the header is row 1). */
export function inputsFromCsv(text: string): { row: number; input: EntryInput }[] {
  const [header, ...rows] = parseCsv(text);
  if (!header) throw new BadFile('the file is empty');
  const cols = header.map((h) => h.trim().toLowerCase());
  const missing = REQUIRED.filter((c) => !cols.includes(c));
  if (missing.length) throw new BadFile(`missing column(s): ${missing.join(', ')} (expected ${CSV_COLUMNS.slice(0, 7).join(',')})`);
  const at = (r: string[], name: string) => unguard(r[cols.indexOf(name)] ?? '');
  return rows.map((r, i) => ({
    row: i + 2,
    input: {
      key: at(r, 'key').trim() || undefined, lang: at(r, 'lang').trim(), category: at(r, 'category').trim(), question: at(r, 'question'), answer: at(r, 'answer'),
      phrasings: splitList(at(r, 'phrasings')), keywords: splitList(at(r, 'keywords')),
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
      key: s(o?.key).trim() || undefined, lang: s(o?.lang).trim(), category: s(o?.category).trim(), question: s(o?.question), answer: s(o?.answer),
      phrasings: l(o?.phrasings, splitList), keywords: l(o?.keywords, splitKeywords),
    },
  }));
}
