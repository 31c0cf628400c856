import { displayName } from '../../../core/names';
import { isOfficeOpen, nextOpening } from '../../../core/office-hours';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit, type User } from '../../../identity';
import type { Param } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import type { ResidentsService } from '../../residents/service';
import { validAnswer } from '../entry-input';
import { HandoffAnswered, HandoffNotFound, HandoffTaken, TooManyOpen } from '../errors';
import { type FaqPolicy, MAX_OPEN_PER_RESIDENT } from '../policy';
import type { Handoff, Query } from '../store';
import * as store from '../store';
import { type CardHead, cardKey, cardsHeld, cardUpdates, replyButton, staffRecipients } from './cards';

export interface HandoffRequested {
  handoff: Handoff;
  /** False when this question had already been passed on (a second tap). */
  created: boolean;
  officeOpen: boolean;
  /** When staff are next at work (now, during office hours). */
  expectFrom: Date;
}

/** An open question as the inbox and the reminders show it. */
export interface OpenHandoff {
  id: number;
  name: string;
  question: string;
  createdAt: string;
  takenBy: number | null;
  takenByName: string | null;
}

/** Staff see who they deal with: the name, and the @username when there is one. */
export const staffFacingName = (u: User | undefined) =>
  u ? displayName(u) + (u.username ? ` @${u.username}` : '') : '?';

type Refusal = { refused: 'answered' | 'taken'; by: number | null };

export type HandoffsDeps = Pick<Platform, 'db' | 'clock' | 'identity' | 'outbox'> & {
  residents: Pick<ResidentsService, 'homeOf'>;
  policy: FaqPolicy;
  ownQuery: (userId: number, queryId: number) => Promise<Query>;
};

/**
 * Questions passed on to staff: through the outbox with a reply button, taken by one staff member, answered
 * (relayed to the resident as written); every card staff hold follows along. Names, places and the cards held are
 * read before a transaction, never inside one: SQLite has one connection, and the transaction holds it.
 */
export function handoffsService(deps: HandoffsDeps) {
  const { db, clock, identity, outbox, residents, policy } = deps;

  const nameOf = async (id: number | null) => (id === null ? '?' : staffFacingName(await identity.user(id)));

  /** Where the resident lives, in both languages, or "not given". */
  async function placeOf(user: User | undefined): Promise<Param> {
    const { community, compound } = user ? await residents.homeOf(user) : {};
    if (!community && !compound) return { $t: 'faq.handoff.noPlace' };
    const join = (a?: string, b?: string) => [a, b].filter(Boolean).join(' · ');
    return { 'zh-CN': join(community?.nameZh, compound?.nameZh), en: join(community?.nameEn, compound?.nameEn) };
  }

  /** The question as its card shows it. */
  async function headOf(h: Pick<Handoff, 'id' | 'userId' | 'question'>): Promise<CardHead> {
    const resident = await identity.user(h.userId);
    return { id: h.id, name: staffFacingName(resident), place: await placeOf(resident), question: h.question };
  }

  /** Everything an update of the cards needs, read before its transaction. */
  async function cardsOf(id: number) {
    const h = await store.findHandoff(db, id);
    if (!h) return undefined;
    const to = await staffRecipients(identity, policy, db);
    return { h, head: await headOf(h), held: await cardsHeld(outbox, to, id, h.remindedRound) };
  }

  async function refuse(r: Refusal, endsFlow: boolean): Promise<never> {
    const name = await nameOf(r.by);
    throw r.refused === 'answered' ? new HandoffAnswered(name, { endsFlow }) : new HandoffTaken(name, { endsFlow });
  }

  async function open(): Promise<OpenHandoff[]> {
    const list = await store.openHandoffs(db);
    const ids = new Set(list.flatMap((h) => (h.takenBy === null ? [h.userId] : [h.userId, h.takenBy])));
    const users = new Map((await identity.users([...ids])).map((u) => [u.id, u]));
    return list.map((h) => {
      const resident = users.get(h.userId);
      return {
        id: h.id,
        name: resident ? displayName(resident) : '?',
        question: h.question,
        createdAt: h.createdAt,
        takenBy: h.takenBy,
        takenByName: h.takenBy === null ? null : staffFacingName(users.get(h.takenBy)),
      };
    });
  }

  return {
    nameOf,
    open,
    countOpen: () => store.countOpen(db),
    headOf,
    cardsOf,
    find: (id: number) => store.findHandoff(db, id),
    thread: (id: number) => store.threadOf(db, id),

    /** The resident asks for a person: the question goes to staff through the outbox with a reply button. */
    async request(userId: number, queryId: number): Promise<HandoffRequested> {
      const q = await deps.ownQuery(userId, queryId);
      const now = clock.now();
      const hours = policy.officeHours();
      const officeOpen = isOfficeOpen(now, hours);
      const expectFrom = nextOpening(now, hours);
      const existing = await store.findHandoffByQuery(db, queryId);
      if (existing) return { handoff: existing, created: false, officeOpen, expectFrom };
      if ((await store.countOpenOf(db, userId)) >= MAX_OPEN_PER_RESIDENT) throw new TooManyOpen();
      const { id: _, ...who } = await headOf({ id: 0, userId, question: q.text });
      const handoff = await db.transaction().execute(async (trx) => {
        const at = now.toISOString();
        const h = await store.insertHandoff(trx, { userId, queryId, question: q.text, lang: q.lang, createdAt: at });
        await store.insertMessage(trx, {
          handoffId: h.id,
          authorId: userId,
          side: 'resident',
          text: q.text,
          createdAt: at,
        });
        await store.setQueryHandoff(trx, queryId, h.id);
        const params = { ...who, id: h.id };
        const to = await staffRecipients(identity, policy, trx);
        await outbox.enqueue(
          trx,
          to.map((r) => ({
            dedupeKey: cardKey(h.id, r.chatId),
            chatId: r.chatId,
            userId: r.userId,
            category: 'staff' as const,
            content: { key: 'faq.handoff.toStaff', params, buttons: replyButton(h.id) },
          })),
          now,
        );
        return h;
      });
      return { handoff, created: true, officeOpen, expectFrom };
    },

    /**
     * A staff member presses "reply": the question is theirs unless someone else took it or it is answered; every
     * card staff hold now says who took it, and only theirs keeps the reply button.
     */
    async take(staffId: number, id: number): Promise<Handoff> {
      const cards = await cardsOf(id);
      if (!cards) throw new HandoffNotFound();
      const name = await nameOf(staffId);
      const now = clock.now();
      const at = now.toISOString();
      const r = await db.transaction().execute(async (trx): Promise<Refusal | { handoff: Handoff }> => {
        const h = await store.findHandoff(trx, id);
        if (!h) throw new HandoffNotFound();
        if (h.state === 'answered') return { refused: 'answered', by: h.answeredBy };
        if (!(await store.takeHandoff(trx, id, staffId, at))) return { refused: 'taken', by: h.takenBy };
        if (h.takenBy !== staffId) {
          await recordAudit(trx, { actorId: staffId, action: 'faq.handoff.take', subject: `handoff:${id}` }, now);
          await outbox.enqueue(trx, cardUpdates(cards.held, cards.head, { kind: 'taken', by: staffId, name }), now);
        }
        return { handoff: { ...h, takenBy: staffId, takenAt: at } };
      });
      return 'refused' in r ? refuse(r, false) : r.handoff;
    },

    /**
     * The staff answer is kept in the thread and relayed to the resident as written (escaped, never markup); every
     * card staff hold says it was answered, with the answer, and offers to make it a common question.
     */
    async answer(staffId: number, id: number, text: string, done?: TxHook): Promise<Handoff> {
      const answer = validAnswer(text);
      const cards = await cardsOf(id);
      if (!cards) throw new HandoffNotFound({ endsFlow: true });
      const name = await nameOf(staffId);
      const now = clock.now();
      const at = now.toISOString();
      const r = await db.transaction().execute(async (trx): Promise<Refusal | { handoff: Handoff }> => {
        const h = await store.findHandoff(trx, id);
        if (!h) throw new HandoffNotFound({ endsFlow: true });
        if (h.state === 'answered') return { refused: 'answered', by: h.answeredBy };
        if (!(await store.takeHandoff(trx, id, staffId, at))) return { refused: 'taken', by: h.takenBy };
        const messageId = await store.insertMessage(trx, {
          handoffId: id,
          authorId: staffId,
          side: 'staff',
          text: answer,
          createdAt: at,
        });
        await store.markAnswered(trx, id, staffId, at);
        const message = {
          dedupeKey: `faq:answer:${id}:${messageId}`,
          chatId: h.userId,
          userId: h.userId,
          category: 'personal' as const,
          content: { key: 'faq.handoff.answered', params: { question: h.question, answer } },
        };
        const updates = cardUpdates(cards.held, cards.head, { kind: 'answered', name, answer });
        await outbox.enqueue(trx, [message, ...updates], now);
        await recordAudit(trx, { actorId: staffId, action: 'faq.handoff.answer', subject: `handoff:${id}` }, now);
        await runHooks(trx, done);
        const handoff: Handoff = { ...h, state: 'answered', takenBy: staffId, takenAt: at, answeredBy: staffId };
        return { handoff: { ...handoff, answeredAt: at } };
      });
      return 'refused' in r ? refuse(r, true) : r.handoff;
    },
  };
}
