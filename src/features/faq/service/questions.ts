import type { Locale } from '../../../config';
import { recordUpdate } from '../../../db/update-scope';
import type { TFunction } from '../../../i18n';
import type { User } from '../../../identity';
import type { Platform } from '../../../platform';
import type { InlineMarkup } from '../../../telegram/port';
import type { LiveAnswer } from '../../../telegram/workbench';
import { QueryNotFound, QuestionTooLong } from '../errors';
import type { FaqOutcome } from '../matcher';
import { MAX_QUESTION } from '../policy';
import type { FaqLang } from '../searchable';
import type { KnownEntry } from '../store';
import * as store from '../store';
import { type Analysis, analyze } from '../text';
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
export function isSmallTalk(text: string, analysis: Analysis = analyze(text)): boolean {
  const norm = analysis.norm;
  if ([...norm.replace(/\s/g, '')].length < 2 || ACKNOWLEDGEMENTS.has(norm)) return true;
  for (const [k, w] of analysis.terms) if ((k.startsWith('w:') || k.startsWith('s:')) && w >= 0.2) return false;
  return true;
}

/** What a free-text message gets: a word of thanks back, a live answer's card, or the FAQ's own lookup. */
export type Response =
  | { kind: 'smallTalk' }
  | { kind: 'live'; key: string; card: { text: string; markup?: InlineMarkup } }
  | { kind: 'asked'; asked: Asked };

/** A resident's questions: looked up, logged (the buttons under the reply point back at them), counted. */
export function questionsService(
  { db, clock, writes }: Pick<Platform, 'db' | 'clock' | 'writes'>,
  knowledge: KnowledgeCache,
  liveAnswers: () => readonly LiveAnswer[] = () => [],
) {
  /** The resident's own query, or QueryNotFound (a forged or someone else's button). */
  async function ownQuery(userId: number, queryId: number) {
    const q = await store.findQuery(db, queryId);
    if (!q || q.userId !== userId) throw new QueryNotFound();
    return q;
  }

  /** Free text typed by a resident: the answer, a few likely questions, or nothing (then staff can be asked). */
  async function ask(userId: number, text: string, lang: FaqLang, plain?: Analysis): Promise<Asked> {
    const question = text.trim();
    if ([...question].length > MAX_QUESTION) throw new QuestionTooLong();
    const r = (await knowledge.get()).search(question, lang, plain);
    const entries = r.outcome === 'none' ? [] : r.outcome === 'answer' ? r.hits.slice(0, 1) : r.hits;
    const answer = r.outcome === 'answer' ? entries[0] : undefined;
    // The log row is what the buttons under the reply point at: committed before the reply, but in the group
    // commit every update's small writes share (one fsync per question capped the FAQ at the disk's fsync rate).
    let queryId = 0;
    await writes.run(async (trx) => {
      queryId = await store.insertQuery(trx, {
        userId,
        text: question,
        lang: r.lang,
        outcome: r.outcome,
        entryId: answer?.id ?? null,
        createdAt: clock.now().toISOString(),
      });
      if (answer) await store.countHit(trx, answer.id);
    });
    return { queryId, outcome: r.outcome, entries };
  }

  return {
    isSmallTalk,
    ownQuery,
    ask,

    /**
     * A message typed outside any flow: thanks and "ok" are not questions; then every area's live answers are asked
     * ("这周有什么活动" → this week's calendar), the first that matches and has something to say answers; only then
     * the FAQ's own entries. The text is analysed once for all of it.
     */
    async respond(user: User, text: string, t: TFunction, locale: Locale): Promise<Response> {
      if ([...text.trim()].length > MAX_QUESTION) throw new QuestionTooLong();
      const plain = analyze(text);
      if (isSmallTalk(text, plain)) return { kind: 'smallTalk' };
      for (const live of liveAnswers()) {
        if (!live.matches(plain.norm)) continue;
        const card = await live.answer(user, t, locale);
        if (card) return { kind: 'live', key: live.key, card };
      }
      return { kind: 'asked', asked: await ask(user.id, text, locale, plain) };
    },

    /** A resident picked one of the likely questions: the entry's answer, counted as a hit. */
    async choose(userId: number, queryId: number, entryId: number): Promise<KnownEntry> {
      await ownQuery(userId, queryId);
      const entry = (await knowledge.get()).entries.get(entryId);
      if (!entry) throw new QueryNotFound();
      await db.transaction().execute(async (trx) => {
        await recordUpdate(trx);
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
