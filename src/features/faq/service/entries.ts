import { DomainError } from '../../../core/errors';
import type { TxHook } from '../../../db/tx';
import { runHooks } from '../../../db/tx';
import type { TFunction } from '../../../i18n';
import { recordAudit } from '../../../identity';
import type { Platform } from '../../../platform';
import type { ImportCheck } from '../../../telegram/workbench';
import { type EntryInput, validAnswer, validEntry, validKeywords, validPhrasings, validQuestion } from '../entry-input';
import { DuplicateRow, EntryExists, EntryNotFound, ImportRejected, InvalidCategory } from '../errors';
import { CATEGORIES, isCategory } from '../policy';
import type { FaqLang } from '../searchable';
import type { Entry, EntryChange, NewEntry } from '../store';
import * as store from '../store';
import type { KnowledgeCache } from './knowledge';

export type EntryPatch = Partial<
  Pick<Required<EntryInput>, 'category' | 'question' | 'answer' | 'phrasings' | 'keywords'>
>;

type Rows = { row: number; input: EntryInput }[];

/** Every row checked: the entries to write, and each wrong row with its error's code (nothing stops at the first). */
function validRows(rows: Rows, now: Date, actorId: number | null) {
  const errors: { row: number; message: string }[] = [];
  const valid: NewEntry[] = [];
  const seen = new Set<string>();
  for (const { row, input } of rows) {
    try {
      const v = validEntry(input, now, actorId);
      const id = `${v.key}/${v.lang}`;
      if (input.key && seen.has(id)) throw new DuplicateRow();
      seen.add(id);
      valid.push(v);
    } catch (err) {
      // Collected rather than rendered: the file's author gets every wrong row at once.
      errors.push({ row, message: err instanceof DomainError ? err.code : String(err) });
    }
  }
  return { valid, errors };
}

export interface ImportResult {
  added: number;
  updated: number;
}

/** The knowledge base as staff keep it: every change audited, and searchable as soon as it returns. */
export function entriesService({ db, clock }: Pick<Platform, 'db' | 'clock'>, knowledge: KnowledgeCache) {
  async function get(id: number): Promise<Entry> {
    const e = await store.findEntry(db, id);
    if (!e) throw new EntryNotFound();
    return e;
  }

  return {
    get,
    find: (id: number) => store.findEntry(db, id),
    all: () => store.allEntries(db),
    /** The other language version of an entry, if written. */
    otherVersion: (e: Entry) => store.findEntryByKey(db, e.key, e.lang === 'en' ? 'zh-CN' : 'en'),
    /** Categories that have entries (in a language, if given), in the fixed order. */
    async categories(lang?: FaqLang): Promise<{ category: string; count: number }[]> {
      const counts = await store.categoryCounts(db, lang);
      return [...CATEGORIES, ...[...counts.keys()].filter((c) => !isCategory(c))]
        .filter((c) => counts.has(c))
        .map((c) => ({ category: c, count: counts.get(c)! }));
    },
    inCategory: (category: string, lang?: FaqLang) => store.entriesInCategory(db, category, lang),

    /** A new entry; `done` (the end of the staff member's flow) commits with it. */
    async add(actorId: number | null, input: EntryInput, done?: TxHook): Promise<Entry> {
      const now = clock.now();
      const entry = validEntry(input, now, actorId);
      const saved = await db.transaction().execute(async (trx) => {
        if (await store.findEntryByKey(trx, entry.key, entry.lang)) throw new EntryExists();
        const e = await store.insertEntry(trx, entry);
        const details = { key: e.key, lang: e.lang };
        await recordAudit(trx, { actorId, action: 'faq.add', subject: `faq:${e.id}`, details }, now);
        await runHooks(trx, done);
        return e;
      });
      await knowledge.afterChange([saved]);
      return saved;
    },

    async update(actorId: number | null, id: number, patch: EntryPatch, done?: TxHook): Promise<Entry> {
      const now = clock.now();
      const change: EntryChange = { updatedAt: now.toISOString() };
      if (patch.category !== undefined) {
        if (!isCategory(patch.category)) throw new InvalidCategory();
        change.category = patch.category;
      }
      if (patch.question !== undefined) change.question = validQuestion(patch.question);
      if (patch.answer !== undefined) change.answer = validAnswer(patch.answer);
      if (patch.phrasings !== undefined) change.phrasings = validPhrasings(patch.phrasings);
      if (patch.keywords !== undefined) change.keywords = validKeywords(patch.keywords);
      const saved = await db.transaction().execute(async (trx) => {
        const e = await store.updateEntry(trx, id, change);
        if (!e) throw new EntryNotFound({ endsFlow: done !== undefined });
        const details = { fields: Object.keys(patch) };
        await recordAudit(trx, { actorId, action: 'faq.edit', subject: `faq:${id}`, details }, now);
        await runHooks(trx, done);
        return e;
      });
      await knowledge.afterChange([saved]);
      return saved;
    },

    async remove(actorId: number | null, id: number): Promise<Entry> {
      const now = clock.now();
      const gone = await db.transaction().execute(async (trx) => {
        const e = await store.findEntry(trx, id);
        if (!e) throw new EntryNotFound();
        await store.deleteEntry(trx, id);
        const details = { key: e.key, lang: e.lang, question: e.question };
        await recordAudit(trx, { actorId, action: 'faq.delete', subject: `faq:${id}`, details }, now);
        return e;
      });
      await knowledge.afterChange([], [id]);
      return gone;
    },

    /**
     * Bulk import: every row is checked first and nothing is written if any row is wrong (the errors name the
     * rows). A row whose key and language exist replaces that entry; others are added.
     */
    async import(actorId: number | null, rows: Rows, done?: TxHook): Promise<ImportResult> {
      const now = clock.now();
      const { valid, errors } = validRows(rows, now, actorId);
      if (errors.length) throw new ImportRejected(errors);
      const changed: Entry[] = [];
      const result = await db.transaction().execute(async (trx) => {
        let added = 0;
        let updated = 0;
        for (const v of valid) {
          const old = await store.findEntryByKey(trx, v.key, v.lang);
          if (old) {
            changed.push((await store.updateEntry(trx, old.id, v))!);
            updated++;
          } else {
            changed.push(await store.insertEntry(trx, v));
            added++;
          }
        }
        await recordAudit(trx, { actorId, action: 'faq.import', subject: null, details: { added, updated } }, now);
        await runHooks(trx, done);
        return { added, updated };
      });
      await knowledge.afterChange(changed);
      return result;
    },

    /** What an import would do: rows to add and to replace, and every wrong row in the reader's words. */
    async check(rows: Rows, t: TFunction): Promise<ImportCheck> {
      const { valid, errors } = validRows(rows, clock.now(), null);
      let update = 0;
      for (const v of valid) if (await store.findEntryByKey(db, v.key, v.lang)) update++;
      const problems = errors.map((e) => ({ row: e.row, message: t(e.message.replace(/^faq\./, 'faq.errors.')) }));
      return { add: valid.length - update, update, problems };
    },

    /** Loads demo entries; one already there (perhaps edited by staff) is left alone. Returns how many were new. */
    async seed(inputs: EntryInput[]): Promise<number> {
      const now = clock.now();
      const entries = inputs.map((i) => validEntry(i, now, null));
      const added = await db.transaction().execute(async (trx) => {
        const out: Entry[] = [];
        for (const e of entries) {
          const saved = await store.insertEntryIfNew(trx, e);
          if (saved) out.push(saved);
        }
        return out;
      });
      await knowledge.afterChange(added);
      return added.length;
    },
  };
}
