import type { DbOrTx } from '../../../db/schema';
import { toUser, type User } from '../../../identity/user';

// Where people live, counted and listed for the staff console's people page. The users table is identity's; this
// is a read of it (as the people search is), grouped and paged in SQL so a sub-district of 50,000 costs one query.

export interface HomeCount {
  /** Null: the person has not said where they live. */
  communityId: number | null;
  compoundId: number | null;
  people: number;
}

export interface HomeFilter {
  communityId?: number;
  compoundId?: number;
}

export async function homeCounts(db: DbOrTx): Promise<HomeCount[]> {
  const rows = await db
    .selectFrom('users')
    .select(['community_id', 'compound_id', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['community_id', 'compound_id'])
    .execute();
  return rows.map((r) => ({ communityId: r.community_id, compoundId: r.compound_id, people: Number(r.n) }));
}

function living(db: DbOrTx, f: HomeFilter) {
  let q = db.selectFrom('users');
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.compoundId !== undefined) q = q.where('compound_id', '=', f.compoundId);
  return q;
}

/** One page of the people living there (by name), and how many in all. */
export async function peoplePage(
  db: DbOrTx,
  f: HomeFilter,
  page: number,
  size: number,
): Promise<{ users: User[]; total: number }> {
  const { n } = await living(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await living(db, f)
    .selectAll()
    .orderBy('first_name')
    .orderBy('id')
    .limit(size)
    .offset(page * size)
    .execute();
  return { users: rows.map(toUser), total: Number(n) };
}
