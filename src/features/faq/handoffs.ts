import type { Config } from '../../config';
import { DomainError } from '../../core/errors';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { enqueue, type OutButton, type Param } from '../delivery/service';
import { findCommunity, findCompound, getUser, usersWithRole } from '../residents/service';
import { type Entry, toEntry, validAnswer, validEntry } from './entries';
import { afterChange } from './knowledge';
import { isOfficeOpen, nextOpening, type OfficeHours, parseOfficeHours, workingMsBetween } from '../../core/office-hours';
import { ownQuery } from './service';
import type { HandoffRow } from './store';
import * as store from './store';

export class HandoffNotFound extends DomainError {
  constructor() {
    super('faq.handoffNotFound');
  }
}
export class HandoffTaken extends DomainError {
  constructor(name: string) {
    super('faq.handoffTaken', { name });
  }
}
export class HandoffAnswered extends DomainError {
  constructor(name: string) {
    super('faq.handoffAnswered', { name });
  }
}
export class HandoffNotAnswered extends DomainError {
  constructor() {
    super('faq.handoffNotAnswered');
  }
}
export class EntryAlreadyMade extends DomainError {
  constructor() {
    super('faq.entryAlreadyMade');
  }
}
export class TooManyOpen extends DomainError {
  constructor() {
    super('faq.tooManyOpen', { max: MAX_OPEN_PER_RESIDENT });
  }
}

/** Open questions one resident may have waiting: staff are few, and a stuck key must not fill their inbox. */
export const MAX_OPEN_PER_RESIDENT = 5;

/** What the hand-off rules depend on, read once from config (tests pass their own). */
export interface HandoffPolicy {
  officeHours: OfficeHours;
  staffChatId?: number;
  remindHours: number;
}

export const handoffPolicy = (config: Config): HandoffPolicy => ({
  officeHours: parseOfficeHours(config.OFFICE_HOURS, config.TIMEZONE),
  staffChatId: config.STAFF_CHAT_ID,
  remindHours: config.HANDOFF_REMIND_HOURS,
});

export const CB_REPLY = (id: number) => `fq:r:${id}`;
const replyButton = (id: number): OutButton[][] => [[{ key: 'faq.handoff.replyButton', data: CB_REPLY(id) }]];

interface Recipient {
  chatId: number;
  userId: number | null;
}

/** The staff group chat if configured, else every staff member and admin. */
async function staffRecipients(db: DbOrTx, policy: HandoffPolicy): Promise<Recipient[]> {
  if (policy.staffChatId !== undefined) return [{ chatId: policy.staffChatId, userId: null }];
  const ids = new Set([...(await usersWithRole(db, 'staff')), ...(await usersWithRole(db, 'admin'))].map((u) => u.id));
  return [...ids].sort((a, b) => a - b).map((id) => ({ chatId: id, userId: id }));
}

const fullName = (u: { first_name: string; last_name: string | null; username?: string | null } | undefined) =>
  u ? [u.first_name, u.last_name].filter(Boolean).join(' ') + (u.username ? ` @${u.username}` : '') : '?';

export const nameOfUser = async (db: DbOrTx, id: number | null) =>
  id === null ? '?' : fullName(await getUser(db, id));

/** Where the resident lives, in both languages, or "not given". */
async function placeOf(db: DbOrTx, userId: number): Promise<Param> {
  const u = await getUser(db, userId);
  const community = u?.community_id ? await findCommunity(db, u.community_id) : undefined;
  const compound = u?.compound_id ? await findCompound(db, u.compound_id) : undefined;
  if (!community && !compound) return { $t: 'faq.handoff.noPlace' };
  const join = (a?: string, b?: string) => [a, b].filter(Boolean).join(' · ');
  return { 'zh-CN': join(community?.name_zh, compound?.name_zh), en: join(community?.name_en, compound?.name_en) };
}

export interface HandoffRequested {
  handoff: HandoffRow;
  /** False when this question had already been passed on (a second tap). */
  created: boolean;
  officeOpen: boolean;
  /** When staff are next at work (now, during office hours). */
  expectFrom: Date;
}

/** The resident asks for a person: the question goes to staff through the outbox with a reply button. */
export async function requestHandoff(
  db: Db,
  userId: number,
  queryId: number,
  policy: HandoffPolicy,
  now: Date,
): Promise<HandoffRequested> {
  const q = await ownQuery(db, userId, queryId);
  const officeOpen = isOfficeOpen(now, policy.officeHours);
  const expectFrom = nextOpening(now, policy.officeHours);
  const existing = await store.findHandoffByQuery(db, queryId);
  if (existing) return { handoff: existing, created: false, officeOpen, expectFrom };
  if ((await store.countOpenOf(db, userId)) >= MAX_OPEN_PER_RESIDENT) throw new TooManyOpen();
  const handoff = await db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const h = await store.insertHandoff(trx, {
      user_id: userId,
      query_id: queryId,
      question: q.text,
      lang: q.lang,
      taken_by: null,
      taken_at: null,
      answered_by: null,
      answered_at: null,
      entry_id: null,
      created_at: at,
    });
    await store.insertMessage(trx, {
      handoff_id: h.id,
      author_id: userId,
      side: 'resident',
      text: q.text,
      created_at: at,
    });
    await store.setQueryHandoff(trx, queryId, h.id);
    const params = {
      id: h.id,
      name: await nameOfUser(trx, userId),
      place: await placeOf(trx, userId),
      question: q.text,
    };
    const to = await staffRecipients(trx, policy);
    await enqueue(
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
}

export async function getHandoff(db: DbOrTx, id: number): Promise<HandoffRow> {
  const h = await store.findHandoff(db, id);
  if (!h) throw new HandoffNotFound();
  return h;
}

/** A staff member presses "reply": the question is theirs unless someone else took it or it is answered. */
export async function takeHandoff(db: Db, staffId: number, id: number, now: Date): Promise<HandoffRow> {
  return db.transaction().execute(async (trx) => {
    const h = await getHandoff(trx, id);
    if (h.state === 'answered') throw new HandoffAnswered(await nameOfUser(trx, h.answered_by));
    if (!(await store.takeHandoff(trx, id, staffId, now.toISOString())))
      throw new HandoffTaken(await nameOfUser(trx, h.taken_by));
    if (h.taken_by !== staffId)
      await recordAudit(trx, { actorId: staffId, action: 'faq.handoff.take', subject: `handoff:${id}` }, now);
    return { ...h, taken_by: staffId, taken_at: h.taken_at ?? now.toISOString() };
  });
}

/** The staff answer is stored in the thread and relayed to the resident as written (escaped, never markup). */
export async function answerHandoff(db: Db, staffId: number, id: number, text: string, now: Date): Promise<HandoffRow> {
  const answer = validAnswer(text);
  return db.transaction().execute(async (trx) => {
    const h = await getHandoff(trx, id);
    if (h.state === 'answered') throw new HandoffAnswered(await nameOfUser(trx, h.answered_by));
    if (!(await store.takeHandoff(trx, id, staffId, now.toISOString())))
      throw new HandoffTaken(await nameOfUser(trx, h.taken_by));
    const at = now.toISOString();
    const messageId = await store.insertMessage(trx, {
      handoff_id: id,
      author_id: staffId,
      side: 'staff',
      text: answer,
      created_at: at,
    });
    await store.markAnswered(trx, id, staffId, at);
    await enqueue(
      trx,
      [
        {
          dedupeKey: `faq:answer:${id}:${messageId}`,
          chatId: h.user_id,
          userId: h.user_id,
          category: 'personal',
          content: { key: 'faq.handoff.answered', params: { question: h.question, answer } },
        },
      ],
      now,
    );
    await recordAudit(trx, { actorId: staffId, action: 'faq.handoff.answer', subject: `handoff:${id}` }, now);
    return { ...h, state: 'answered', taken_by: staffId, answered_by: staffId, answered_at: at };
  });
}

/** One tap after answering: the staff answer becomes an entry under the wording staff chose; searchable at once. */
export async function entryFromHandoff(
  db: Db,
  staffId: number,
  id: number,
  question: string,
  now: Date,
): Promise<Entry> {
  const saved = await db.transaction().execute(async (trx) => {
    const h = await getHandoff(trx, id);
    if (h.state !== 'answered') throw new HandoffNotAnswered();
    if (h.entry_id !== null) throw new EntryAlreadyMade();
    const answer = (await store.staffAnswers(trx, id)).at(-1)?.text;
    if (answer === undefined) throw new HandoffNotAnswered();
    const row = validEntry(
      { key: `handoff-${id}`, lang: h.lang, category: 'other', question, phrasings: [], keywords: [], answer },
      now,
      staffId,
    );
    if (await store.findEntryByKey(trx, row.key, row.lang)) throw new EntryAlreadyMade();
    const entry = await store.insertEntry(trx, row);
    if (!(await store.setHandoffEntry(trx, id, entry.id))) throw new EntryAlreadyMade();
    await recordAudit(
      trx,
      { actorId: staffId, action: 'faq.add', subject: `faq:${entry.id}`, details: { fromHandoff: id } },
      now,
    );
    return entry;
  });
  await afterChange(db, [saved]);
  return toEntry(saved);
}

export interface OpenHandoff {
  id: number;
  name: string;
  question: string;
  createdAt: string;
  takenBy: number | null;
}

export async function openHandoffs(db: DbOrTx): Promise<OpenHandoff[]> {
  return (await store.openHandoffs(db)).map((h) => ({
    id: h.id,
    name: fullName(h.first_name === null ? undefined : { first_name: h.first_name, last_name: h.last_name }),
    question: h.question,
    createdAt: h.created_at,
    takenBy: h.taken_by,
  }));
}

export const threadOf = (db: DbOrTx, id: number) => store.threadOf(db, id);

/**
 * Catch-up: every open question older than the limit in working hours is reminded to staff once per elapsed
 * limit (4 h, 8 h, …). The round number is in the dedupe key, so running twice never reminds twice.
 */
export async function remindOverdue(db: Db, policy: HandoffPolicy, now: Date): Promise<number> {
  const limitMs = policy.remindHours * 3_600_000;
  let queued = 0;
  for (const h of await openHandoffs(db)) {
    const workedMs = workingMsBetween(new Date(h.createdAt), now, policy.officeHours);
    const round = Math.floor(workedMs / limitMs);
    if (round < 1) continue;
    queued += await db.transaction().execute(async (trx) => {
      const takenBy: Param =
        h.takenBy === null
          ? { $t: 'faq.inbox.notTaken' }
          : { $t: 'faq.inbox.takenBy', params: { name: await nameOfUser(trx, h.takenBy) } };
      const params = { id: h.id, name: h.name, question: h.question, hours: Math.floor(workedMs / 3_600_000), takenBy };
      const to = await staffRecipients(trx, policy);
      return enqueue(
        trx,
        to.map((r) => ({
          dedupeKey: `faq:remind:${h.id}:${round}:${r.chatId}`,
          chatId: r.chatId,
          userId: r.userId,
          category: 'staff' as const,
          content: { key: 'faq.handoff.reminder', params, buttons: replyButton(h.id) },
        })),
        now,
      );
    });
  }
  return queued;
}
