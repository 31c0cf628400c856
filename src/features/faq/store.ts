import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database, DbOrTx } from '../../db/schema';

export type FaqEntryRow = Selectable<Database['faq_entries']>;
export type NewFaqEntryRow = Insertable<Database['faq_entries']>;
export type FaqQueryRow = Selectable<Database['faq_queries']>;
export type HandoffRow = Selectable<Database['faq_handoffs']>;
export type HandoffMessageRow = Selectable<Database['faq_handoff_messages']>;

// ── entries ─────────────────────────────────────────────────────────────────
export const allEntries = (db: DbOrTx) => db.selectFrom('faq_entries').selectAll().orderBy('id').execute();

export const findEntry = (db: DbOrTx, id: number) =>
  db.selectFrom('faq_entries').selectAll().where('id', '=', id).executeTakeFirst();

export const findEntryByKey = (db: DbOrTx, key: string, lang: string) =>
  db.selectFrom('faq_entries').selectAll().where('key', '=', key).where('lang', '=', lang).executeTakeFirst();

export const insertEntry = async (db: DbOrTx, row: NewFaqEntryRow) =>
  db.insertInto('faq_entries').values(row).returningAll().executeTakeFirstOrThrow();

/** Inserts unless (key, lang) exists; undefined when it did (seeding twice adds nothing). */
export const insertEntryIfNew = async (db: DbOrTx, row: NewFaqEntryRow) =>
  db
    .insertInto('faq_entries')
    .values(row)
    .onConflict((oc) => oc.columns(['key', 'lang']).doNothing())
    .returningAll()
    .executeTakeFirst();

export const updateEntry = (db: DbOrTx, id: number, patch: Updateable<Database['faq_entries']>) =>
  db.updateTable('faq_entries').set(patch).where('id', '=', id).returningAll().executeTakeFirst();

export const deleteEntry = async (db: DbOrTx, id: number) =>
  Number((await db.deleteFrom('faq_entries').where('id', '=', id).executeTakeFirst()).numDeletedRows) > 0;

export const countHit = (db: DbOrTx, id: number) =>
  db
    .updateTable('faq_entries')
    .set((eb) => ({ hits: eb('hits', '+', 1) }))
    .where('id', '=', id)
    .execute();

export const countFeedback = (db: DbOrTx, id: number, up: boolean) =>
  db
    .updateTable('faq_entries')
    .set((eb) => (up ? { helpful: eb('helpful', '+', 1) } : { unhelpful: eb('unhelpful', '+', 1) }))
    .where('id', '=', id)
    .execute();

export const categoryCounts = (db: DbOrTx, lang?: string) => {
  let q = db
    .selectFrom('faq_entries')
    .select((eb) => ['category', eb.fn.countAll<number>().as('n')])
    .groupBy('category')
    .orderBy('category');
  if (lang) q = q.where('lang', '=', lang);
  return q.execute();
};

export const entriesInCategory = (db: DbOrTx, category: string, lang?: string) => {
  let q = db
    .selectFrom('faq_entries')
    .selectAll()
    .where('category', '=', category)
    .orderBy('hits', 'desc')
    .orderBy('id');
  if (lang) q = q.where('lang', '=', lang);
  return q.execute();
};

export const revision = async (db: DbOrTx) =>
  (await db.selectFrom('faq_revision').select('n').where('id', '=', 1).executeTakeFirst())?.n ?? 0;

// ── queries ─────────────────────────────────────────────────────────────────
export const insertQuery = async (db: DbOrTx, row: Insertable<Database['faq_queries']>) =>
  (await db.insertInto('faq_queries').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const findQuery = (db: DbOrTx, id: number) =>
  db.selectFrom('faq_queries').selectAll().where('id', '=', id).executeTakeFirst();

/** Records the vote only if none was given yet (a double tap counts once). */
export const setFeedbackOnce = async (db: DbOrTx, id: number, feedback: 'up' | 'down', entryId: number) =>
  Number(
    (
      await db
        .updateTable('faq_queries')
        .set({ feedback, entry_id: entryId })
        .where('id', '=', id)
        .where('feedback', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

export const setQueryEntry = (db: DbOrTx, id: number, entryId: number) =>
  db.updateTable('faq_queries').set({ entry_id: entryId }).where('id', '=', id).execute();

export const setQueryHandoff = (db: DbOrTx, id: number, handoffId: number) =>
  db.updateTable('faq_queries').set({ handoff_id: handoffId }).where('id', '=', id).execute();

// ── hand-offs ───────────────────────────────────────────────────────────────
export const insertHandoff = async (db: DbOrTx, row: Insertable<Database['faq_handoffs']>) =>
  db.insertInto('faq_handoffs').values(row).returningAll().executeTakeFirstOrThrow();

export const findHandoff = (db: DbOrTx, id: number) =>
  db.selectFrom('faq_handoffs').selectAll().where('id', '=', id).executeTakeFirst();

export const findHandoffByQuery = (db: DbOrTx, queryId: number) =>
  db.selectFrom('faq_handoffs').selectAll().where('query_id', '=', queryId).executeTakeFirst();

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

export const openHandoffs = (db: DbOrTx) =>
  db
    .selectFrom('faq_handoffs')
    .leftJoin('users', 'users.id', 'faq_handoffs.user_id')
    .selectAll('faq_handoffs')
    .select(['users.first_name', 'users.last_name'])
    .where('faq_handoffs.state', '=', 'open')
    .orderBy('faq_handoffs.created_at')
    .orderBy('faq_handoffs.id')
    .execute();

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

export const insertMessage = async (db: DbOrTx, row: Insertable<Database['faq_handoff_messages']>) =>
  (await db.insertInto('faq_handoff_messages').values(row).returning('id').executeTakeFirstOrThrow()).id;

export const threadOf = (db: DbOrTx, handoffId: number) =>
  db.selectFrom('faq_handoff_messages').selectAll().where('handoff_id', '=', handoffId).orderBy('id').execute();

/** The staff answers of a hand-off, newest last. */
export const staffAnswers = (db: DbOrTx, handoffId: number) =>
  db
    .selectFrom('faq_handoff_messages')
    .selectAll()
    .where('handoff_id', '=', handoffId)
    .where('side', '=', 'staff')
    .orderBy('id')
    .execute();
