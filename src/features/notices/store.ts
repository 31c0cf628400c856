import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database, DbOrTx } from '../../db/schema';

export type BroadcastRow = Selectable<Database['notice_broadcasts']>;
export type NewBroadcast = Insertable<Database['notice_broadcasts']>;

export async function insertBroadcast(db: DbOrTx, b: NewBroadcast): Promise<number | null> {
  const r = await db
    .insertInto('notice_broadcasts')
    .values(b)
    .onConflict((oc) => oc.column('draft_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export const findBroadcast = (db: DbOrTx, id: number) =>
  db.selectFrom('notice_broadcasts').selectAll().where('id', '=', id).executeTakeFirst();

export const updateBroadcast = (db: DbOrTx, id: number, patch: Updateable<Database['notice_broadcasts']>) =>
  db.updateTable('notice_broadcasts').set(patch).where('id', '=', id).execute();

/** Marks a running broadcast done only once, even if two progress runs race to it. */
export const finishIfActive = async (db: DbOrTx, id: number, patch: Updateable<Database['notice_broadcasts']>) =>
  (
    await db
      .updateTable('notice_broadcasts')
      .set({ ...patch, state: 'done' })
      .where('id', '=', id)
      .where('state', '=', 'active')
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

/** Confirmed broadcasts whose time has come and whose final report is not written yet. */
export const runningBroadcasts = (db: DbOrTx, now: string) =>
  db
    .selectFrom('notice_broadcasts')
    .selectAll()
    .where('state', '=', 'active')
    .where('send_at', '<=', now)
    .orderBy('id')
    .execute();

export const scheduledBroadcasts = (db: DbOrTx, now: string) =>
  db
    .selectFrom('notice_broadcasts')
    .selectAll()
    .where('state', '=', 'active')
    .where('send_at', '>', now)
    .orderBy('send_at')
    .orderBy('id')
    .execute();

export const pageOfBroadcasts = (db: DbOrTx, offset: number, limit: number) =>
  db.selectFrom('notice_broadcasts').selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute();

export const countBroadcasts = async (db: DbOrTx) =>
  Number(
    (
      await db
        .selectFrom('notice_broadcasts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

// Audience queries read the residents' users table by id only: 100,000 recipients must not mean 100,000 full rows.

export interface PlaceFilter {
  communityId?: number;
  compoundId?: number;
  excludeOptedOut: boolean;
}

export async function residentIds(db: DbOrTx, f: PlaceFilter): Promise<number[]> {
  let q = db.selectFrom('users').select('id').orderBy('id');
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.compoundId !== undefined) q = q.where('compound_id', '=', f.compoundId);
  if (f.excludeOptedOut) q = q.where('notices_opt_out', '=', 0);
  return (await q.execute()).map((r) => r.id);
}

/** Residents of the place who turned general notices off: the preview says how many will not get it. */
export async function optedOutCount(db: DbOrTx, f: Omit<PlaceFilter, 'excludeOptedOut'>): Promise<number> {
  let q = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notices_opt_out', '=', 1);
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.compoundId !== undefined) q = q.where('compound_id', '=', f.compoundId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

export async function unreachableAmong(db: DbOrTx, ids: number[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const r = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', ids.slice(i, i + 500))
      .where('reachable', '=', 0)
      .executeTakeFirstOrThrow();
    n += Number(r.n);
  }
  return n;
}
