import type { DbOrTx } from '../../../db/schema';
import { ACTIVE } from './signups';

// Who hears of an activity: read from the users table by id only, in id order (an announcement to a whole
// sub-district must not mean 50,000 full rows).

export interface PlaceFilter {
  communityId?: number;
  compoundId?: number;
}

/** The next `limit` reachable users of the place who take general notices, after `after`, up to `upto`. */
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
    .where('reachable', '=', 1)
    .orderBy('id')
    .limit(range.limit);
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.compoundId !== undefined) q = q.where('compound_id', '=', f.compoundId);
  return (await q.execute()).map((r) => r.id);
}

/** Of these users (another area's list), those reachable who take general notices; asked 500 ids at a time. */
export async function noticeTakersAmong(db: DbOrTx, ids: readonly number[]): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('users')
      .select('id')
      .where('id', 'in', ids.slice(i, i + 500))
      .where('notices_opt_out', '=', 0)
      .where('reachable', '=', 1)
      .execute();
    out.push(...rows.map((r) => r.id));
  }
  return out.sort((a, b) => a - b);
}

/** Everyone holding a place or a place in line for an activity, each once: who hears of a change. */
export async function holdersOf(db: DbOrTx, activityId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('activity_signups')
    .select('user_id')
    .distinct()
    .where('activity_id', '=', activityId)
    .where('status', 'in', ACTIVE)
    .where('user_id', 'is not', null)
    .orderBy('user_id')
    .execute();
  return rows.flatMap((r) => (r.user_id === null ? [] : [r.user_id]));
}

/** First and last names, for desk cards and sign-up lists. */
export async function namesOf(db: DbOrTx, ids: readonly number[]) {
  const out = new Map<number, { firstName: string; lastName: string | null; phone: string | null }>();
  for (let i = 0; i < ids.length; i += 500) {
    const rows = await db
      .selectFrom('users')
      .select(['id', 'first_name', 'last_name', 'phone'])
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
    for (const r of rows) out.set(r.id, { firstName: r.first_name, lastName: r.last_name, phone: r.phone });
  }
  return out;
}
