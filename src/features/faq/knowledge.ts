import type { Db, DbOrTx } from '../../db/schema';
import { type FaqEntry, FaqIndex, type FaqLang } from './matcher';
import type { FaqEntryRow } from './store';
import * as store from './store';

/** What an answer needs besides the match: kept next to the index so a lookup never touches the database. */
export interface KnownEntry extends FaqEntry {
  key: string;
}

export const parseList = (json: string): string[] => {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
  } catch {
    return [];
  }
};

export const toKnown = (row: FaqEntryRow): KnownEntry => ({
  id: row.id,
  key: row.key,
  lang: row.lang === 'en' ? 'en' : 'zh-CN',
  category: row.category,
  question: row.question,
  answer: row.answer,
  phrasings: parseList(row.phrasings),
  keywords: parseList(row.keywords),
});

/**
 * The in-memory FAQ index of one database, built from it once and then changed in step with every add, edit and
 * delete this process makes (one process writes). `revision` is the database's change counter as of the index,
 * so a rebuild is needed only when another process (the `faq import` CLI) changed the entries.
 */
export class Knowledge {
  readonly index = new FaqIndex();
  readonly entries = new Map<number, KnownEntry>();
  revision = -1;

  load(rows: FaqEntryRow[], revision: number): void {
    for (const id of [...this.entries.keys()]) this.drop(id);
    for (const row of rows) this.put(row);
    this.revision = revision;
  }

  put(row: FaqEntryRow): void {
    const e = toKnown(row);
    this.index.replace(e);
    this.entries.set(e.id, e);
  }

  drop(id: number): void {
    this.index.remove(id);
    this.entries.delete(id);
  }

  search(text: string, lang: FaqLang) {
    const r = this.index.search(text, lang);
    return { ...r, hits: r.top.map((h) => this.entries.get(h.id)).filter((e): e is KnownEntry => e !== undefined) };
  }
}

// One per database handle: tests and the playground run several apps (each with its own database) in one process.
const loaded = new WeakMap<object, Promise<Knowledge>>();

async function build(db: DbOrTx): Promise<Knowledge> {
  const k = new Knowledge();
  const rev = await store.revision(db);
  k.load(await store.allEntries(db), rev);
  return k;
}

/** The index of this database, built on first use. */
export function knowledgeOf(db: Db): Promise<Knowledge> {
  let p = loaded.get(db);
  if (!p) {
    p = build(db);
    loaded.set(db, p);
    p.catch(() => loaded.delete(db)); // a failed build is retried by the next caller
  }
  return p;
}

/** After this process changed entries: the index follows, if it was built at all (the CLI never builds it). */
export async function afterChange(db: Db, put: FaqEntryRow[], dropped: number[] = []): Promise<void> {
  const p = loaded.get(db);
  if (!p) return;
  const k = await p;
  for (const id of dropped) k.drop(id);
  for (const row of put) k.put(row);
  k.revision = await store.revision(db);
}

/** Rebuilds the index when the database changed behind this process's back; true if it did. */
export async function syncKnowledge(db: Db): Promise<boolean> {
  const k = await knowledgeOf(db);
  const rev = await store.revision(db);
  if (rev === k.revision) return false;
  k.load(await store.allEntries(db), rev);
  return true;
}
