import { displayName } from '../../../core/names';
import { isOfficeOpen, nextOpening } from '../../../core/office-hours';
import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit, type User } from '../../../identity';
import type { OutButton, Param } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import type { ResidentsService } from '../../residents/service';
import { CB } from '../callbacks';
import { validAnswer, validEntry } from '../entry-input';
import {
  EntryAlreadyMade,
  HandoffAnswered,
  HandoffNotAnswered,
  HandoffNotFound,
  HandoffTaken,
  TooManyOpen,
} from '../errors';
import { type FaqPolicy, MAX_OPEN_PER_RESIDENT } from '../policy';
import type { Entry, Handoff, Query } from '../store';
import * as store from '../store';
import type { KnowledgeCache } from './knowledge';

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
const staffFacingName = (u: User | undefined) => (u ? displayName(u) + (u.username ? ` @${u.username}` : '') : '?');

export const replyButton = (id: number): OutButton[][] => [[{ key: 'faq.handoff.replyButton', data: CB.reply(id) }]];

/** Who handed-off questions go to: the staff group chat if configured, else every staff member and admin. */
export async function staffRecipients(
  identity: Platform['identity'],
  policy: FaqPolicy,
  trx: DbOrTx,
): Promise<{ chatId: number; userId: number | null }[]> {
  if (policy.staffChatId !== undefined) return [{ chatId: policy.staffChatId, userId: null }];
  const ids = (await identity.staffAndAdmins(trx)).map((u) => u.id).sort((a, b) => a - b);
  return ids.map((id) => ({ chatId: id, userId: id }));
}

type Refusal = { refused: 'answered' | 'taken'; by: number | null };

type HandoffsDeps = Pick<Platform, 'db' | 'clock' | 'identity' | 'outbox'> & {
  residents: Pick<ResidentsService, 'homeOf'>;
  policy: FaqPolicy;
  knowledge: KnowledgeCache;
  ownQuery: (userId: number, queryId: number) => Promise<Query>;
};

/**
 * Questions passed on to staff: through the outbox with a reply button, taken by one staff member, answered
 * (relayed to the resident as written), and perhaps made an entry. Names and places are read before a transaction,
 * never inside one: SQLite has one connection, and the transaction holds it.
 */
export function handoffsService(deps: HandoffsDeps) {
  const { db, clock, identity, outbox, residents, policy, knowledge } = deps;

  const nameOf = async (id: number | null) => (id === null ? '?' : staffFacingName(await identity.user(id)));

  /** Where the resident lives, in both languages, or "not given". */
  async function placeOf(user: User | undefined): Promise<Param> {
    const { community, compound } = user ? await residents.homeOf(user) : {};
    if (!community && !compound) return { $t: 'faq.handoff.noPlace' };
    const join = (a?: string, b?: string) => [a, b].filter(Boolean).join(' · ');
    return { 'zh-CN': join(community?.nameZh, compound?.nameZh), en: join(community?.nameEn, compound?.nameEn) };
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
    thread: (id: number) => store.threadOf(db, id),

    /** The resident asks for a person: the question goes to staff through the outbox with a reply button. */
    async request(userId: number, queryId: number): Promise<HandoffRequested> {
      const q = await deps.ownQuery(userId, queryId);
      const now = clock.now();
      const officeOpen = isOfficeOpen(now, policy.officeHours);
      const expectFrom = nextOpening(now, policy.officeHours);
      const existing = await store.findHandoffByQuery(db, queryId);
      if (existing) return { handoff: existing, created: false, officeOpen, expectFrom };
      if ((await store.countOpenOf(db, userId)) >= MAX_OPEN_PER_RESIDENT) throw new TooManyOpen();
      const resident = await identity.user(userId);
      const who = { name: staffFacingName(resident), place: await placeOf(resident) };
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
        const params = { id: h.id, ...who, question: q.text };
        const to = await staffRecipients(identity, policy, trx);
        await outbox.enqueue(
          trx,
          to.map((r) => ({
            dedupeKey: `faq:handoff:${h.id}:${r.chatId}`,
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

    /** A staff member presses "reply": the question is theirs unless someone else took it or it is answered. */
    async take(staffId: number, id: number): Promise<Handoff> {
      const now = clock.now();
      const at = now.toISOString();
      const r = await db.transaction().execute(async (trx): Promise<Refusal | { handoff: Handoff }> => {
        const h = await store.findHandoff(trx, id);
        if (!h) throw new HandoffNotFound();
        if (h.state === 'answered') return { refused: 'answered', by: h.answeredBy };
        if (!(await store.takeHandoff(trx, id, staffId, at))) return { refused: 'taken', by: h.takenBy };
        if (h.takenBy !== staffId)
          await recordAudit(trx, { actorId: staffId, action: 'faq.handoff.take', subject: `handoff:${id}` }, now);
        return { handoff: { ...h, takenBy: staffId, takenAt: at } };
      });
      return 'refused' in r ? refuse(r, false) : r.handoff;
    },

    /** The staff answer is kept in the thread and relayed to the resident as written (escaped, never markup). */
    async answer(staffId: number, id: number, text: string, done?: TxHook): Promise<Handoff> {
      const answer = validAnswer(text);
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
        await outbox.enqueue(trx, [message], now);
        await recordAudit(trx, { actorId: staffId, action: 'faq.handoff.answer', subject: `handoff:${id}` }, now);
        await runHooks(trx, done);
        const handoff: Handoff = { ...h, state: 'answered', takenBy: staffId, takenAt: at, answeredBy: staffId };
        return { handoff: { ...handoff, answeredAt: at } };
      });
      return 'refused' in r ? refuse(r, true) : r.handoff;
    },

    /** Before staff word an answered question as an entry: it must be answered and not made an entry yet. */
    async answeredWithoutEntry(id: number): Promise<Handoff> {
      const h = await store.findHandoff(db, id);
      if (!h) throw new HandoffNotFound();
      if (h.state !== 'answered') throw new HandoffNotAnswered();
      if (h.entryId !== null) throw new EntryAlreadyMade();
      return h;
    },

    /** The staff answer becomes an entry under the wording staff chose, once; searchable at once. */
    async makeEntry(staffId: number, id: number, question: string, done?: TxHook): Promise<Entry> {
      const now = clock.now();
      const ends = { endsFlow: true };
      const saved = await db.transaction().execute(async (trx) => {
        const h = await store.findHandoff(trx, id);
        if (!h) throw new HandoffNotFound(ends);
        if (h.state !== 'answered') throw new HandoffNotAnswered(ends);
        if (h.entryId !== null) throw new EntryAlreadyMade(ends);
        const answer = (await store.staffAnswers(trx, id)).at(-1)?.text;
        if (answer === undefined) throw new HandoffNotAnswered(ends);
        const input = { key: `handoff-${id}`, lang: h.lang, category: 'other', question, answer };
        const entry = validEntry(input, now, staffId);
        if (await store.findEntryByKey(trx, entry.key, entry.lang)) throw new EntryAlreadyMade(ends);
        const e = await store.insertEntry(trx, entry);
        if (!(await store.setHandoffEntry(trx, id, e.id))) throw new EntryAlreadyMade(ends);
        const details = { fromHandoff: id };
        await recordAudit(trx, { actorId: staffId, action: 'faq.add', subject: `faq:${e.id}`, details }, now);
        await runHooks(trx, done);
        return e;
      });
      await knowledge.afterChange([saved]);
      return saved;
    },
  };
}
