import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import { validAnswer, validEntry, validQuestion } from '../entry-input';
import { EntryAlreadyMade, HandoffNotAnswered, HandoffNotFound, InvalidCategory } from '../errors';
import { type PersonalDetail, personalDetails } from '../personal-details';
import { type Category, isCategory } from '../policy';
import type { Entry, Handoff } from '../store';
import * as store from '../store';
import { cardUpdates } from './cards';
import type { HandoffsDeps, handoffsService } from './handoffs';
import type { KnowledgeCache } from './knowledge';

/** An entry made of a staff answer, as staff have worded it so far; the answer defaults to the one they sent. */
export interface HandoffEntryDraft {
  question: string;
  answer?: string;
  category?: string;
}

/** What staff check before saving: the entry as it will be saved, and the personal details found in it. */
export interface HandoffEntryReview {
  handoffId: number;
  /** The resident's question as they asked it. */
  asked: string;
  question: string;
  answer: string;
  category: Category;
  details: PersonalDetail[];
}

type Deps = Pick<HandoffsDeps, 'db' | 'clock' | 'identity' | 'outbox'> & {
  knowledge: KnowledgeCache;
  cards: Pick<ReturnType<typeof handoffsService>, 'cardsOf'>;
};

/**
 * A staff answer turned into a common question (issue 13 item 5): worded by staff, shown with the personal details
 * in it pointed out (the resident's own name first), edited, and only then saved — never published as written.
 */
export function handoffEntriesService({ db, clock, identity, outbox, knowledge, cards }: Deps) {
  const ends = { endsFlow: true };

  /** Before staff word an answered question as an entry: it must be answered and not made an entry yet. */
  async function answeredWithoutEntry(id: number, o: { endsFlow?: boolean } = {}): Promise<Handoff> {
    const h = await store.findHandoff(db, id);
    if (!h) throw new HandoffNotFound(o);
    if (h.state !== 'answered') throw new HandoffNotAnswered(o);
    if (h.entryId !== null) throw new EntryAlreadyMade(o);
    return h;
  }

  const categoryOf = (c: string | undefined): Category => {
    if (c === undefined) return 'other';
    if (!isCategory(c)) throw new InvalidCategory();
    return c;
  };

  return {
    answeredWithoutEntry,

    /** The entry a draft would save, checked, with what in it looks like a name, a phone number or an address. */
    async review(id: number, draft: HandoffEntryDraft): Promise<HandoffEntryReview> {
      const h = await answeredWithoutEntry(id, ends);
      const question = validQuestion(draft.question);
      const answer = validAnswer(draft.answer ?? (await store.staffAnswers(db, id)).at(-1)?.text ?? '');
      const asker = await identity.user(h.userId);
      const details = personalDetails(`${question}\n${answer}`, asker);
      return { handoffId: id, asked: h.question, question, answer, category: categoryOf(draft.category), details };
    },

    /**
     * The reviewed entry is saved, once, searchable at once; every card staff hold of the question says so.
     * `done` (the end of the staff member's flow) commits with it.
     */
    async makeEntry(staffId: number, id: number, draft: HandoffEntryDraft, done?: TxHook): Promise<Entry> {
      const now = clock.now();
      const held = await cards.cardsOf(id);
      const saved = await db.transaction().execute(async (trx) => {
        const h = await store.findHandoff(trx, id);
        if (!h || !held) throw new HandoffNotFound(ends);
        if (h.state !== 'answered') throw new HandoffNotAnswered(ends);
        if (h.entryId !== null) throw new EntryAlreadyMade(ends);
        const answer = draft.answer ?? (await store.staffAnswers(trx, id)).at(-1)?.text;
        if (answer === undefined) throw new HandoffNotAnswered(ends);
        const category = categoryOf(draft.category);
        const input = { key: `handoff-${id}`, lang: h.lang, category, question: draft.question, answer };
        const entry = validEntry(input, now, staffId);
        if (await store.findEntryByKey(trx, entry.key, entry.lang)) throw new EntryAlreadyMade(ends);
        const e = await store.insertEntry(trx, entry);
        if (!(await store.setHandoffEntry(trx, id, e.id))) throw new EntryAlreadyMade(ends);
        const details = { fromHandoff: id };
        await recordAudit(trx, { actorId: staffId, action: 'faq.add', subject: `faq:${e.id}`, details }, now);
        await outbox.enqueue(trx, cardUpdates(held.held, held.head, { kind: 'entry', question: e.question }), now);
        await runHooks(trx, done);
        return e;
      });
      await knowledge.afterChange([saved]);
      return saved;
    },
  };
}
