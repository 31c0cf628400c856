import type { DbOrTx } from '../../db/schema';

// The people who wrote before the set-up was finished: told it is being prepared, greeted (through the outbox) when
// it is. Kept in a table so a restart in between forgets nobody.

export async function addWaiting(db: DbOrTx, userId: number, since: string): Promise<void> {
  await db
    .insertInto('setup_waiting')
    .values({ user_id: userId, since })
    .onConflict((oc) => oc.column('user_id').doNothing())
    .execute();
}

export const listWaiting = async (db: DbOrTx): Promise<number[]> =>
  (await db.selectFrom('setup_waiting').select('user_id').orderBy('since').execute()).map((r) => r.user_id);

export async function clearWaiting(db: DbOrTx): Promise<void> {
  await db.deleteFrom('setup_waiting').execute();
}
