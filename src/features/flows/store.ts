import type { DbOrTx } from '../../db/schema';

export const findFlow = (db: DbOrTx, userId: number) =>
  db.selectFrom('flows').selectAll().where('user_id', '=', userId).executeTakeFirst();

export const saveFlow = (
  db: DbOrTx,
  f: { user_id: number; name: string; step: string; data: string; updated_at: string },
) =>
  db
    .insertInto('flows')
    .values(f)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet({ name: f.name, step: f.step, data: f.data, updated_at: f.updated_at }),
    )
    .execute();

export const deleteFlow = (db: DbOrTx, userId: number) =>
  db.deleteFrom('flows').where('user_id', '=', userId).execute();
