import type { Platform } from '../../../platform';
import { QueryNotFound, QuestionTooLong } from '../errors';
import type { FaqOutcome } from '../matcher';
import { MAX_QUESTION } from '../policy';
import type { FaqLang } from '../searchable';
import type { KnownEntry } from '../store';
import * as store from '../store';
import { analyze, normalize } from '../text';
import type { KnowledgeCache } from './knowledge';

export interface Asked {
  queryId: number;
  outcome: FaqOutcome;
  /** 'answer': the one answer; 'choices': up to four likely entries; 'none': empty. */
  entries: KnownEntry[];
}

/** Replies residents send after an answer; the analyser knows some as function words, these it does not. */
const ACKNOWLEDGEMENTS = new Set([
  ...['好的', '好滴', '好嘞', '嗯嗯', '收到', '知道了', '明白了', '谢谢了', '多谢', '辛苦了'],
  ...['ok', 'okay', 'thanks', 'thank you', 'yes', 'no', 'got it'],
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

/** A resident's questions: looked up, logged (the buttons under the reply point back at them), counted. */
export function questionsService({ db, clock }: Pick<Platform, 'db' | 'clock'>, knowledge: KnowledgeCache) {
  /** The resident's own query, or QueryNotFound (a forged or someone else's button). */
  async function ownQuery(userId: number, queryId: number) {
    const q = await store.findQuery(db, queryId);
    if (!q || q.userId !== userId) throw new QueryNotFound();
    return q;
  }

  return {
    isSmallTalk,
    ownQuery,

    /** Free text typed by a resident: the answer, a few likely questions, or nothing (then staff can be asked). */
    async ask(userId: number, text: string, lang: FaqLang): Promise<Asked> {
      const question = text.trim();
      if ([...question].length > MAX_QUESTION) throw new QuestionTooLong();
      const r = (await knowledge.get()).search(question, lang);
      const entries = r.outcome === 'none' ? [] : r.outcome === 'answer' ? r.hits.slice(0, 1) : r.hits;
      const answer = r.outcome === 'answer' ? entries[0] : undefined;
      const queryId = await db.transaction().execute(async (trx) => {
        const id = await store.insertQuery(trx, {
          userId,
          text: question,
          lang: r.lang,
          outcome: r.outcome,
          entryId: answer?.id ?? null,
          createdAt: clock.now().toISOString(),
        });
        if (answer) await store.countHit(trx, answer.id);
        return id;
      });
      return { queryId, outcome: r.outcome, entries };
    },

    /** A resident picked one of the likely questions: the entry's answer, counted as a hit. */
    async choose(userId: number, queryId: number, entryId: number): Promise<KnownEntry> {
      await ownQuery(userId, queryId);
      const entry = (await knowledge.get()).entries.get(entryId);
      if (!entry) throw new QueryNotFound();
      await db.transaction().execute(async (trx) => {
        await store.setQueryEntry(trx, queryId, entryId);
        await store.countHit(trx, entryId);
      });
      return entry;
    },

    /** A browsed answer (from the category list), counted as a hit; undefined when it is gone. */
    async browse(entryId: number): Promise<KnownEntry | undefined> {
      const entry = (await knowledge.get()).entries.get(entryId);
      if (entry) await store.countHit(db, entryId);
      return entry;
    },

    /** 👍 or 👎 on the answer a query got; one vote per query. False when the vote was already given. */
    async giveFeedback(userId: number, queryId: number, up: boolean): Promise<boolean> {
      const q = await ownQuery(userId, queryId);
      const entryId = q.entryId;
      if (entryId === null) throw new QueryNotFound();
      return db.transaction().execute(async (trx) => {
        if (!(await store.setFeedbackOnce(trx, queryId, up ? 'up' : 'down', entryId))) return false;
        await store.countFeedback(trx, entryId, up);
        return true;
      });
    },
  };
}
