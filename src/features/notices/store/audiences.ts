import type { DbOrTx } from '../../../db/schema';

// Audience queries read the users table by id only: 100,000 recipients must not mean 100,000 full rows.

export interface PlaceFilter {
  communityId?: number;
  compoundId?: number;
}

/** Users of the place (everyone, without a filter) who take general notices, in id order. */
export async function noticeTakers(db: DbOrTx, f: PlaceFilter): Promise<number[]> {
  let q = db.selectFrom('users').select('id').where('notices_opt_out', '=', 0).orderBy('id');
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.compoundId !== undefined) q = q.where('compound_id', '=', f.compoundId);
  return (await q.execute()).map((r) => r.id);
}

/** The next `limit` of them after user `after`, up to user `upto`: one batch of a broadcast's expansion. */
export async function noticeTakersPage(
  db: DbOrTx,
  f: PlaceFilter,
  range: { after: number; upto: number; limit: number },
): Promise<number[]> {
  let q = db
    .selectFrom('users')
    .select('id')
    .where('id', '>', range.after)
    .where('id', '<=', range.upto)
    .where('notices_opt_out', '=', 0)
    .orderBy('id')
    .limit(range.limit);
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.compoundId !== undefined) q = q.where('compound_id', '=', f.compoundId);
  return (await q.execute()).map((r) => r.id);
}

/** How many of them there are, and how many of those blocked the bot: the preview's figures, counted in SQL. */
export async function noticeTakersCount(db: DbOrTx, f: PlaceFilter): Promise<{ all: number; unreachable: number }> {
  let q = db
    .selectFrom('users')
    .select((eb) => [
      eb.fn.countAll<number>().as('n'),
      eb.fn.sum<number>(eb.case().when('reachable', '=', 0).then(1).else(0).end()).as('u'),
    ])
    .where('notices_opt_out', '=', 0);
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.compoundId !== undefined) q = q.where('compound_id', '=', f.compoundId);
  const r = await q.executeTakeFirstOrThrow();
  return { all: Number(r.n), unreachable: Number(r.u ?? 0) };
}

/** The highest user id now: a broadcast goes to the audience as it stands at its confirmation, no one added later. */
export const lastUserId = async (db: DbOrTx) =>
  Number(
    (
      await db
        .selectFrom('users')
        .select((eb) => eb.fn.max('id').as('m'))
        .executeTakeFirstOrThrow()
    ).m ?? 0,
  );

/** Users of the place who turned general notices off: the preview says how many will not get it. */
export async function optedOutCount(db: DbOrTx, f: PlaceFilter): Promise<number> {
  let q = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notices_opt_out', '=', 1);
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.compoundId !== undefined) q = q.where('compound_id', '=', f.compoundId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** How many of these users blocked the bot; asked 500 ids at a time, well below SQLite's limit on bound values. */
export async function unreachableAmong(db: DbOrTx, ids: readonly number[]): Promise<number> {
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
