import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { FaqHandoffMessagesTable, FaqHandoffsTable } from '../../../db/tables/faq';
import type { FaqLang } from '../searchable';

/** A question a resident passed on to staff, until one of them answers it. */
export interface Handoff {
  id: number;
  userId: number;
  queryId: number | null;
  question: string;
  lang: FaqLang;
  state: 'open' | 'answered';
  takenBy: number | null;
  takenAt: string | null;
  answeredBy: number | null;
  answeredAt: string | null;
  /** The entry staff made of the answer, once. */
  entryId: number | null;
  createdAt: string;
  /** The last reminder round queued to staff (0: none yet). */
  remindedRound: number;
}

/** One message of a hand-off's thread: the resident's question, then the staff answer(s). */
export interface HandoffMessage {
  id: number;
  handoffId: number;
  authorId: number;
  side: 'resident' | 'staff';
  text: string;
  createdAt: string;
}

const toHandoff = (r: Selectable<FaqHandoffsTable>): Handoff => ({
  id: r.id,
  userId: r.user_id,
  queryId: r.query_id,
  question: r.question,
  lang: r.lang === 'en' ? 'en' : 'zh-CN',
  state: r.state === 'answered' ? 'answered' : 'open',
  takenBy: r.taken_by,
  takenAt: r.taken_at,
  answeredBy: r.answered_by,
  answeredAt: r.answered_at,
  entryId: r.entry_id,
  createdAt: r.created_at,
  remindedRound: r.reminded_round,
});

const toMessage = (r: Selectable<FaqHandoffMessagesTable>): HandoffMessage => ({
  id: r.id,
  handoffId: r.handoff_id,
  authorId: r.author_id,
  side: r.side === 'staff' ? 'staff' : 'resident',
  text: r.text,
  createdAt: r.created_at,
});

export const insertHandoff = async (
  db: DbOrTx,
  h: { userId: number; queryId: number; question: string; lang: FaqLang; createdAt: string },
) =>
  toHandoff(
    await db
      .insertInto('faq_handoffs')
      .values({
        user_id: h.userId,
        query_id: h.queryId,
        question: h.question,
        lang: h.lang,
        taken_by: null,
        taken_at: null,
        answered_by: null,
        answered_at: null,
        entry_id: null,
        created_at: h.createdAt,
      })
      .returningAll()
      .executeTakeFirstOrThrow(),
  );

export const findHandoff = async (db: DbOrTx, id: number) => {
  const r = await db.selectFrom('faq_handoffs').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toHandoff(r);
};

export const findHandoffByQuery = async (db: DbOrTx, queryId: number) => {
  const r = await db.selectFrom('faq_handoffs').selectAll().where('query_id', '=', queryId).executeTakeFirst();
  return r && toHandoff(r);
};

/** Takes the question only if nobody else has (the WHERE makes two staff pressing at once safe). */
export const takeHandoff = async (db: DbOrTx, id: number, staffId: number, at: string) =>
  Number(
    (
      await db
        .updateTable('faq_handoffs')
        .set({ taken_by: staffId, taken_at: at })
        .where('id', '=', id)
        .where('state', '=', 'open')
        .where((eb) => eb.or([eb('taken_by', 'is', null), eb('taken_by', '=', staffId)]))
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const markAnswered = (db: DbOrTx, id: number, staffId: number, at: string) =>
  db
    .updateTable('faq_handoffs')
    .set({ state: 'answered', answered_by: staffId, answered_at: at })
    .where('id', '=', id)
    .execute();

/** Links the entry made of the answer, unless one already is. */
export const setHandoffEntry = async (db: DbOrTx, id: number, entryId: number) =>
  Number(
    (
      await db
        .updateTable('faq_handoffs')
        .set({ entry_id: entryId })
        .where('id', '=', id)
        .where('entry_id', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

/** The questions still waiting, oldest first. */
export const openHandoffs = async (db: DbOrTx) =>
  (
    await db
      .selectFrom('faq_handoffs')
      .selectAll()
      .where('state', '=', 'open')
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map(toHandoff);

/**
 * Open questions asked before `before`: the only ones a reminder can be due for (working time never exceeds wall
 * time), through the (state, created_at) index — the job's work follows what is waiting, not history.
 */
export const openHandoffsBefore = async (db: DbOrTx, before: string) =>
  (
    await db
      .selectFrom('faq_handoffs')
      .selectAll()
      .where('state', '=', 'open')
      .where('created_at', '<=', before)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map(toHandoff);

/** Records a reminder round as queued, unless another run already moved it on (false then). */
export const setRemindedRound = async (db: DbOrTx, id: number, from: number, to: number) =>
  Number(
    (
      await db
        .updateTable('faq_handoffs')
        .set({ reminded_round: to })
        .where('id', '=', id)
        .where('state', '=', 'open')
        .where('reminded_round', '=', from)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

/** How many questions wait for staff: the workbench's to-do line (through the (state, created_at) index). */
export const countOpen = async (db: DbOrTx) =>
  Number(
    (
      await db
        .selectFrom('faq_handoffs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('state', '=', 'open')
        .executeTakeFirstOrThrow()
    ).n,
  );

export const countOpenOf = async (db: DbOrTx, userId: number) =>
  Number(
    (
      await db
        .selectFrom('faq_handoffs')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('user_id', '=', userId)
        .where('state', '=', 'open')
        .executeTakeFirstOrThrow()
    ).n,
  );

export const insertMessage = async (db: DbOrTx, m: Omit<HandoffMessage, 'id'>) =>
  (
    await db
      .insertInto('faq_handoff_messages')
      .values({
        handoff_id: m.handoffId,
        author_id: m.authorId,
        side: m.side,
        text: m.text,
        created_at: m.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export const threadOf = async (db: DbOrTx, handoffId: number) =>
  (
    await db.selectFrom('faq_handoff_messages').selectAll().where('handoff_id', '=', handoffId).orderBy('id').execute()
  ).map(toMessage);

/** The staff answers of a hand-off, newest last. */
export const staffAnswers = async (db: DbOrTx, handoffId: number) =>
  (
    await db
      .selectFrom('faq_handoff_messages')
      .selectAll()
      .where('handoff_id', '=', handoffId)
      .where('side', '=', 'staff')
      .orderBy('id')
      .execute()
  ).map(toMessage);
