import type { Selectable, Updateable } from 'kysely';
import { compiledOnce } from '../../../db/compiled';
import type { DbOrTx } from '../../../db/schema';
import type { FaqEntriesTable } from '../../../db/tables/faq';
import type { FaqEntry, FaqLang } from '../searchable';

/** What an answer needs besides the match: kept next to the index, so a lookup never touches the database. */
export interface KnownEntry extends FaqEntry {
  /** Ties the language versions of one answer together. */
  key: string;
}

/** An entry as staff see it: with how often it was given and how residents rated it. */
export interface Entry extends KnownEntry {
  hits: number;
  helpful: number;
  unhelpful: number;
}

/** A checked entry, ready to be written. */
export interface NewEntry {
  key: string;
  lang: FaqLang;
  category: string;
  question: string;
  answer: string;
  phrasings: string[];
  keywords: string[];
  createdBy: number | null;
  createdAt: string;
  updatedAt: string;
}

export type EntryChange = Partial<Pick<NewEntry, 'category' | 'question' | 'answer' | 'phrasings' | 'keywords'>> & {
  updatedAt: string;
};

/** Phrasings and keywords are JSON lists; a damaged one reads as empty rather than failing every lookup. */
const parseList = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

const toEntry = (r: Selectable<FaqEntriesTable>): Entry => ({
  id: r.id,
  key: r.key,
  lang: r.lang === 'en' ? 'en' : 'zh-CN',
  category: r.category,
  question: r.question,
  answer: r.answer,
  phrasings: parseList(r.phrasings),
  keywords: parseList(r.keywords),
  hits: r.hits,
  helpful: r.helpful,
  unhelpful: r.unhelpful,
});

const toRow = (e: NewEntry) => ({
  key: e.key,
  lang: e.lang,
  category: e.category,
  question: e.question,
  answer: e.answer,
  phrasings: JSON.stringify(e.phrasings),
  keywords: JSON.stringify(e.keywords),
  created_by: e.createdBy,
  created_at: e.createdAt,
  updated_at: e.updatedAt,
});

export const allEntries = async (db: DbOrTx) =>
  (await db.selectFrom('faq_entries').selectAll().orderBy('id').execute()).map(toEntry);

export const findEntry = async (db: DbOrTx, id: number) => {
  const r = await db.selectFrom('faq_entries').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toEntry(r);
};

export const findEntryByKey = async (db: DbOrTx, key: string, lang: FaqLang) => {
  const r = await db
    .selectFrom('faq_entries')
    .selectAll()
    .where('key', '=', key)
    .where('lang', '=', lang)
    .executeTakeFirst();
  return r && toEntry(r);
};

export const insertEntry = async (db: DbOrTx, e: NewEntry) =>
  toEntry(await db.insertInto('faq_entries').values(toRow(e)).returningAll().executeTakeFirstOrThrow());

/** Inserts unless (key, lang) exists; undefined when it did (seeding twice adds nothing). */
export const insertEntryIfNew = async (db: DbOrTx, e: NewEntry) => {
  const r = await db
    .insertInto('faq_entries')
    .values(toRow(e))
    .onConflict((oc) => oc.columns(['key', 'lang']).doNothing())
    .returningAll()
    .executeTakeFirst();
  return r && toEntry(r);
};

export async function updateEntry(db: DbOrTx, id: number, change: EntryChange) {
  const set: Updateable<FaqEntriesTable> = { updated_at: change.updatedAt };
  if (change.category !== undefined) set.category = change.category;
  if (change.question !== undefined) set.question = change.question;
  if (change.answer !== undefined) set.answer = change.answer;
  if (change.phrasings !== undefined) set.phrasings = JSON.stringify(change.phrasings);
  if (change.keywords !== undefined) set.keywords = JSON.stringify(change.keywords);
  const r = await db.updateTable('faq_entries').set(set).where('id', '=', id).returningAll().executeTakeFirst();
  return r && toEntry(r);
}

export const deleteEntry = async (db: DbOrTx, id: number) =>
  Number((await db.deleteFrom('faq_entries').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;

// Counted on every answer given: built once per engine. The 1 is written into the statement, not a value.
const countHitRow = compiledOnce(['id'], (db, v) =>
  db
    .updateTable('faq_entries')
    .set((eb) => ({ hits: eb('hits', '+', eb.lit(1)) }))
    .where('id', '=', v.id),
);

export const countHit = async (db: DbOrTx, id: number) => {
  await countHitRow(db, { id });
};

export const countFeedback = (db: DbOrTx, id: number, up: boolean) =>
  db
    .updateTable('faq_entries')
    .set((eb) => (up ? { helpful: eb('helpful', '+', 1) } : { unhelpful: eb('unhelpful', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** How many entries each category has (in one language, if given). */
export async function categoryCounts(db: DbOrTx, lang?: FaqLang): Promise<Map<string, number>> {
  let q = db
    .selectFrom('faq_entries')
    .select((eb) => ['category', eb.fn.countAll<number>().as('n')])
    .groupBy('category')
    .orderBy('category');
  if (lang) q = q.where('lang', '=', lang);
  return new Map((await q.execute()).map((r) => [r.category, Number(r.n)]));
}

/** The entries of a category, most asked first. */
export async function entriesInCategory(db: DbOrTx, category: string, lang?: FaqLang) {
  let q = db
    .selectFrom('faq_entries')
    .selectAll()
    .where('category', '=', category)
    .orderBy('hits', 'desc')
    .orderBy('id');
  if (lang) q = q.where('lang', '=', lang);
  return (await q.execute()).map(toEntry);
}

/** The database's own change counter of searchable entry content (a trigger bumps it; hits do not). */
export const revision = async (db: DbOrTx) =>
  (await db.selectFrom('faq_revision').select('n').where('id', '=', 1).executeTakeFirst())?.n ?? 0;
