import { randomBytes } from 'node:crypto';
import { DomainError } from '../../core/errors';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { afterChange, toKnown } from './knowledge';
import type { FaqLang } from './matcher';
import type { FaqEntryRow } from './store';
import * as store from './store';

/** The categories entries are filed under; each has a label in faq.categories.<code>. */
export const CATEGORIES = [
  'market',
  'relief',
  'fund',
  'volunteer',
  'classes',
  'safety',
  'petitions',
  'office',
  'other',
] as const;
export type Category = (typeof CATEGORIES)[number];
export const isCategory = (s: string): s is Category => (CATEGORIES as readonly string[]).includes(s);
export const isLang = (s: string): s is FaqLang => s === 'zh-CN' || s === 'en';

export const LIMITS = {
  question: [2, 200],
  answer: [2, 3000],
  phrasing: 200,
  phrasings: 20,
  keyword: 40,
  keywords: 30,
} as const;

export class InvalidQuestion extends DomainError {
  constructor() {
    super('faq.invalidQuestion');
  }
}
export class InvalidAnswer extends DomainError {
  constructor() {
    super('faq.invalidAnswer');
  }
}
export class InvalidPhrasings extends DomainError {
  constructor() {
    super('faq.invalidPhrasings');
  }
}
export class InvalidKeywords extends DomainError {
  constructor() {
    super('faq.invalidKeywords');
  }
}
export class InvalidCategory extends DomainError {
  constructor() {
    super('faq.invalidCategory');
  }
}
export class InvalidLanguage extends DomainError {
  constructor() {
    super('faq.invalidLanguage');
  }
}
export class InvalidKey extends DomainError {
  constructor() {
    super('faq.invalidKey');
  }
}
export class EntryNotFound extends DomainError {
  constructor() {
    super('faq.entryNotFound');
  }
}
export class EntryExists extends DomainError {
  constructor() {
    super('faq.entryExists');
  }
}

export interface EntryInput {
  /** Links the language versions of one answer; generated when absent. */
  key?: string;
  lang: string;
  category: string;
  question: string;
  phrasings: string[];
  keywords: string[];
  answer: string;
}

export interface Entry {
  id: number;
  key: string;
  lang: FaqLang;
  category: string;
  question: string;
  phrasings: string[];
  keywords: string[];
  answer: string;
  hits: number;
  helpful: number;
  unhelpful: number;
}

export const toEntry = (row: FaqEntryRow): Entry => ({
  ...toKnown(row),
  hits: row.hits,
  helpful: row.helpful,
  unhelpful: row.unhelpful,
});

const clean = (s: string) => s.replace(/\r\n?/g, '\n').trim();
const inRange = (s: string, [min, max]: readonly [number, number]) => [...s].length >= min && [...s].length <= max;

/** Phrasings as staff type them: one per line. */
export const splitPhrasings = (text: string) =>
  text
    .split(/\n+/)
    .map((s) => s.trim())
    .filter(Boolean);
/** Keywords as staff type them: separated by commas (either width), 、, semicolons or lines. */
export const splitKeywords = (text: string) =>
  text
    .split(/[,，、;；\n|]+/)
    .map((s) => s.trim())
    .filter(Boolean);

export const validQuestion = (s: string) => {
  const q = clean(s).replace(/\s+/g, ' ');
  if (!inRange(q, LIMITS.question)) throw new InvalidQuestion();
  return q;
};
export const validAnswer = (s: string) => {
  const a = clean(s);
  if (!inRange(a, LIMITS.answer)) throw new InvalidAnswer();
  return a;
};
export const validPhrasings = (list: string[]) => {
  const out = [...new Set(list.map((p) => p.trim()).filter(Boolean))];
  if (out.length > LIMITS.phrasings || out.some((p) => [...p].length > LIMITS.phrasing)) throw new InvalidPhrasings();
  return out;
};
export const validKeywords = (list: string[]) => {
  const out = [...new Set(list.map((p) => p.trim()).filter(Boolean))];
  if (out.length > LIMITS.keywords || out.some((p) => [...p].length > LIMITS.keyword)) throw new InvalidKeywords();
  return out;
};
const validKey = (s: string | undefined) => {
  if (s === undefined || s.trim() === '') return `k-${randomBytes(5).toString('hex')}`;
  if (!/^[\w-]{1,60}$/.test(s.trim())) throw new InvalidKey();
  return s.trim();
};

/** Every rule an entry must meet, as the row to write. */
export function validEntry(input: EntryInput, now: Date, actorId: number | null): store.NewFaqEntryRow {
  if (!isLang(input.lang)) throw new InvalidLanguage();
  if (!isCategory(input.category)) throw new InvalidCategory();
  const at = now.toISOString();
  return {
    key: validKey(input.key),
    lang: input.lang,
    category: input.category,
    question: validQuestion(input.question),
    answer: validAnswer(input.answer),
    phrasings: JSON.stringify(validPhrasings(input.phrasings)),
    keywords: JSON.stringify(validKeywords(input.keywords)),
    created_by: actorId,
    created_at: at,
    updated_at: at,
  };
}

/** A new entry, searchable as soon as this returns. */
export async function addEntry(db: Db, actorId: number | null, input: EntryInput, now: Date): Promise<Entry> {
  const row = validEntry(input, now, actorId);
  const saved = await db.transaction().execute(async (trx) => {
    if (await store.findEntryByKey(trx, row.key, row.lang)) throw new EntryExists();
    const r = await store.insertEntry(trx, row);
    await recordAudit(
      trx,
      { actorId, action: 'faq.add', subject: `faq:${r.id}`, details: { key: r.key, lang: r.lang } },
      now,
    );
    return r;
  });
  await afterChange(db, [saved]);
  return toEntry(saved);
}

export type EntryPatch = Partial<Pick<EntryInput, 'category' | 'question' | 'answer' | 'phrasings' | 'keywords'>>;

export async function updateEntry(
  db: Db,
  actorId: number | null,
  id: number,
  patch: EntryPatch,
  now: Date,
): Promise<Entry> {
  const set: Parameters<typeof store.updateEntry>[2] = { updated_at: now.toISOString() };
  if (patch.category !== undefined) {
    if (!isCategory(patch.category)) throw new InvalidCategory();
    set.category = patch.category;
  }
  if (patch.question !== undefined) set.question = validQuestion(patch.question);
  if (patch.answer !== undefined) set.answer = validAnswer(patch.answer);
  if (patch.phrasings !== undefined) set.phrasings = JSON.stringify(validPhrasings(patch.phrasings));
  if (patch.keywords !== undefined) set.keywords = JSON.stringify(validKeywords(patch.keywords));
  const saved = await db.transaction().execute(async (trx) => {
    const r = await store.updateEntry(trx, id, set);
    if (!r) throw new EntryNotFound();
    await recordAudit(
      trx,
      { actorId, action: 'faq.edit', subject: `faq:${id}`, details: { fields: Object.keys(patch) } },
      now,
    );
    return r;
  });
  await afterChange(db, [saved]);
  return toEntry(saved);
}

export async function deleteEntry(db: Db, actorId: number | null, id: number, now: Date): Promise<Entry> {
  const gone = await db.transaction().execute(async (trx) => {
    const r = await store.findEntry(trx, id);
    if (!r) throw new EntryNotFound();
    await store.deleteEntry(trx, id);
    await recordAudit(
      trx,
      {
        actorId,
        action: 'faq.delete',
        subject: `faq:${id}`,
        details: { key: r.key, lang: r.lang, question: r.question },
      },
      now,
    );
    return r;
  });
  await afterChange(db, [], [id]);
  return toEntry(gone);
}

export async function getEntry(db: DbOrTx, id: number): Promise<Entry> {
  const r = await store.findEntry(db, id);
  if (!r) throw new EntryNotFound();
  return toEntry(r);
}

export const findEntry = async (db: DbOrTx, id: number) => {
  const r = await store.findEntry(db, id);
  return r ? toEntry(r) : undefined;
};

export const allEntries = async (db: DbOrTx) => (await store.allEntries(db)).map(toEntry);

/** The other language version of an entry, if written. */
export const otherVersion = async (db: DbOrTx, e: Entry) => {
  const r = await store.findEntryByKey(db, e.key, e.lang === 'en' ? 'zh-CN' : 'en');
  return r ? toEntry(r) : undefined;
};

/** Categories that have entries (in a language, if given), in the fixed order. */
export async function categoriesWithEntries(
  db: DbOrTx,
  lang?: FaqLang,
): Promise<{ category: string; count: number }[]> {
  const counts = new Map((await store.categoryCounts(db, lang)).map((r) => [r.category, Number(r.n)]));
  return [...CATEGORIES, ...[...counts.keys()].filter((c) => !isCategory(c))]
    .filter((c) => counts.has(c))
    .map((c) => ({ category: c, count: counts.get(c)! }));
}

export const entriesIn = async (db: DbOrTx, category: string, lang?: FaqLang) =>
  (await store.entriesInCategory(db, category, lang)).map(toEntry);

export interface ImportResult {
  added: number;
  updated: number;
}

export class ImportRejected extends Error {
  constructor(readonly errors: { row: number; message: string }[]) {
    super(`${errors.length} row(s) rejected`);
  }
}

/**
 * Bulk import: every row is checked first and nothing is written if any row is wrong (the errors name the rows).
 * A row whose key and language exist replaces that entry; others are added.
 */
export async function importEntries(
  db: Db,
  actorId: number | null,
  rows: { row: number; input: EntryInput }[],
  now: Date,
): Promise<ImportResult> {
  const errors: { row: number; message: string }[] = [];
  const valid: store.NewFaqEntryRow[] = [];
  const seen = new Set<string>();
  for (const { row, input } of rows) {
    try {
      const v = validEntry(input, now, actorId);
      const id = `${v.key}/${v.lang}`;
      if (input.key && seen.has(id)) throw new DomainError('faq.duplicateRow');
      seen.add(id);
      valid.push(v);
    } catch (err) {
      errors.push({ row, message: err instanceof DomainError ? err.code : String(err) });
    }
  }
  if (errors.length) throw new ImportRejected(errors);
  const changed: FaqEntryRow[] = [];
  const result = await db.transaction().execute(async (trx) => {
    let added = 0;
    let updated = 0;
    for (const v of valid) {
      const old = await store.findEntryByKey(trx, v.key, v.lang);
      if (old) {
        const { created_at: _c, created_by: _b, ...patch } = v;
        changed.push((await store.updateEntry(trx, old.id, patch))!);
        updated++;
      } else {
        changed.push(await store.insertEntry(trx, v));
        added++;
      }
    }
    await recordAudit(trx, { actorId, action: 'faq.import', subject: null, details: { added, updated } }, now);
    return { added, updated };
  });
  await afterChange(db, changed);
  return result;
}

/** Loads the demo entries; an entry already there (perhaps edited by staff) is left alone. */
export async function seedEntries(db: Db, inputs: EntryInput[], now: Date): Promise<number> {
  const rows = inputs.map((i) => validEntry(i, now, null));
  const added = await db.transaction().execute(async (trx) => {
    const out: FaqEntryRow[] = [];
    for (const r of rows) {
      const saved = await store.insertEntryIfNew(trx, r);
      if (saved) out.push(saved);
    }
    return out;
  });
  await afterChange(db, added);
  return added.length;
}
