import { DomainError } from '../../core/errors';
import type { Db } from '../../db/schema';
import { type KnownEntry, knowledgeOf } from './knowledge';
import type { FaqLang, FaqOutcome } from './matcher';
import * as store from './store';
import { analyze, normalize } from './text';

export class QueryNotFound extends DomainError {
  constructor() {
    super('faq.queryNotFound');
  }
}
export class QuestionTooLong extends DomainError {
  constructor() {
    super('faq.questionTooLong', { max: MAX_QUESTION });
  }
}

/** A question longer than this is a letter, not a question: staff would rather get it through petitions. */
export const MAX_QUESTION = 500;

export interface Asked {
  queryId: number;
  outcome: FaqOutcome;
  /** 'answer': the one answer; 'choices': up to four likely entries; 'none': empty. */
  entries: KnownEntry[];
}

/** Replies residents send after an answer; the analyser knows some as function words, these it does not. */
const ACKNOWLEDGEMENTS = new Set([
  '好的',
  '好滴',
  '好嘞',
  '嗯嗯',
  '收到',
  '知道了',
  '明白了',
  '谢谢了',
  '多谢',
  '辛苦了',
  'ok',
  'okay',
  'thanks',
  'thank you',
  'yes',
  'no',
  'got it',
]);

/**
 * "好的", "谢谢", "ok": no word in it carries meaning, so it is not a question to hand to staff.
 * Function words weigh under 0.2 in the analyser; anything heavier is a real word.
 */
export function isSmallTalk(text: string): boolean {
  const norm = normalize(text);
  if ([...norm.replace(/\s/g, '')].length < 2 || ACKNOWLEDGEMENTS.has(norm)) return true;
  const words = [...analyze(text).terms].filter(([k]) => k.startsWith('w:') || k.startsWith('s:'));
  return words.every(([, w]) => w < 0.2);
}

/** A resident's free text: looked up, logged (so the buttons under the reply can point back at it), counted. */
export async function ask(db: Db, userId: number, text: string, lang: FaqLang, now: Date): Promise<Asked> {
  const question = text.trim();
  if ([...question].length > MAX_QUESTION) throw new QuestionTooLong();
  const k = await knowledgeOf(db);
  const r = k.search(question, lang);
  const entries = r.outcome === 'none' ? [] : r.outcome === 'answer' ? r.hits.slice(0, 1) : r.hits;
  const queryId = await db.transaction().execute(async (trx) => {
    const id = await store.insertQuery(trx, {
      user_id: userId,
      text: question,
      lang: r.lang,
      outcome: r.outcome,
      entry_id: r.outcome === 'answer' ? entries[0]!.id : null,
      feedback: null,
      handoff_id: null,
      created_at: now.toISOString(),
    });
    if (r.outcome === 'answer') await store.countHit(trx, entries[0]!.id);
    return id;
  });
  return { queryId, outcome: r.outcome, entries };
}

/** The resident's own query, or QueryNotFound (a forged or someone else's button). */
export async function ownQuery(db: Db, userId: number, queryId: number) {
  const q = await store.findQuery(db, queryId);
  if (!q || q.user_id !== userId) throw new QueryNotFound();
  return q;
}

/** A resident picked one of the likely questions: the entry's answer, counted as a hit. */
export async function choose(db: Db, userId: number, queryId: number, entryId: number): Promise<KnownEntry> {
  await ownQuery(db, userId, queryId);
  const entry = (await knowledgeOf(db)).entries.get(entryId);
  if (!entry) throw new QueryNotFound();
  await db.transaction().execute(async (trx) => {
    await store.setQueryEntry(trx, queryId, entryId);
    await store.countHit(trx, entryId);
  });
  return entry;
}

/** A browsed answer (from the category list), counted as a hit. */
export async function browse(db: Db, entryId: number): Promise<KnownEntry | undefined> {
  const entry = (await knowledgeOf(db)).entries.get(entryId);
  if (entry) await store.countHit(db, entryId);
  return entry;
}

/** 👍 or 👎 on the answer a query got; one vote per query. Returns false when the vote was already given. */
export async function giveFeedback(db: Db, userId: number, queryId: number, up: boolean): Promise<boolean> {
  const q = await ownQuery(db, userId, queryId);
  if (q.entry_id === null) throw new QueryNotFound();
  const entryId = q.entry_id;
  return db.transaction().execute(async (trx) => {
    if (!(await store.setFeedbackOnce(trx, queryId, up ? 'up' : 'down', entryId))) return false;
    await store.countFeedback(trx, entryId, up);
    return true;
  });
}
