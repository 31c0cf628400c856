import type { Selectable } from 'kysely';
import { compiledOnce } from '../../../db/compiled';
import type { DbOrTx } from '../../../db/schema';
import type { FaqQueriesTable } from '../../../db/tables/faq';
import type { FaqLang } from '../searchable';

export type QueryOutcome = 'answer' | 'choices' | 'none';

/** A resident's free-text question as it was logged: the buttons under the reply point back at it. */
export interface Query {
  id: number;
  userId: number;
  text: string;
  /** The language whose entries were searched. */
  lang: FaqLang;
  outcome: QueryOutcome;
  /** The answer given, or the choice picked. */
  entryId: number | null;
  feedback: 'up' | 'down' | null;
  handoffId: number | null;
  createdAt: string;
}

const toQuery = (r: Selectable<FaqQueriesTable>): Query => ({
  id: r.id,
  userId: r.user_id,
  text: r.text,
  lang: r.lang === 'en' ? 'en' : 'zh-CN',
  outcome: r.outcome === 'answer' || r.outcome === 'choices' ? r.outcome : 'none',
  entryId: r.entry_id,
  feedback: r.feedback === 'up' || r.feedback === 'down' ? r.feedback : null,
  handoffId: r.handoff_id,
  createdAt: r.created_at,
});

// Every question a resident types is logged: built once per engine, not on every question. The vote and the
// hand-off start empty (the columns' NULL), so that every value in the statement is a named one.
const insertQueryRow = compiledOnce(['user_id', 'text', 'lang', 'outcome', 'entry_id', 'created_at'], (db, v) =>
  db.insertInto('faq_queries').values(v).returning('id'),
);

export const insertQuery = async (
  db: DbOrTx,
  q: Pick<Query, 'userId' | 'text' | 'lang' | 'outcome' | 'entryId' | 'createdAt'>,
) => {
  const [row] = await insertQueryRow(db, {
    user_id: q.userId,
    text: q.text,
    lang: q.lang,
    outcome: q.outcome,
    entry_id: q.entryId,
    created_at: q.createdAt,
  });
  if (!row) throw new Error('faq_queries: the insert returned no id');
  return row.id;
};

export const findQuery = async (db: DbOrTx, id: number) => {
  const r = await db.selectFrom('faq_queries').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toQuery(r);
};

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
