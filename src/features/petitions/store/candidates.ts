import { sql } from 'kysely';
import { compiledOnce } from '../../../db/compiled';
import type { DbOrTx } from '../../../db/schema';
import { type Category, OPEN_STATUSES } from '../policy';
import { type Petition, toPetition } from './rows';

/** What the "same problem?" search compares a draft with: the words and the spot, nothing else. */
export interface Candidate {
  id: number;
  place: string;
  description: string;
  latitude: number | null;
  longitude: number | null;
}

/** The newest this many are compared: a bound on the work one typed description can cost as open petitions pile up. */
const CANDIDATES = 300;

// It runs on every description a resident types, so its SQL is built once, and written for SQLite (EXPLAIN QUERY
// PLAN and CPU time per run on the updates bench's and the scale bench's databases, SQLite 3.53):
// - The limit is a literal: bound, it cost 14-16 us more a run, with or without candidates — about what preparing
//   the statement again costs (SQLite plans by a bound LIMIT's value); the same holds for any `.limit(n)` Kysely binds.
// - NOT EXISTS probes the followers' primary key for each candidate, where NOT IN built a temporary table of every
//   petition the resident follows, on every run, candidates or not.
// - Only the columns the comparison reads: turning all 30 columns of each of ~30 candidates into objects was most of
//   the statement's time at five years of history (~7 us a row against ~2.5).
// The open statuses are written in as literals for simplicity; bound, they cost the same.
const openLike = compiledOnce(['userId', 'category'], (db, v) =>
  db
    .selectFrom('petitions')
    .select(['id', 'place', 'description', 'latitude', 'longitude'])
    .where('category', '=', v.category)
    .where(
      'status',
      'in',
      OPEN_STATUSES.map((s) => sql.lit(s)),
    )
    .where(
      'community_id',
      'is not distinct from',
      db.selectFrom('users').select('community_id').where('id', '=', v.userId),
    )
    .where(({ not, exists, selectFrom }) =>
      not(
        exists(
          selectFrom('petition_followers')
            .select(sql.lit(1).as('one'))
            .whereRef('petition_followers.petition_id', '=', 'petitions.id')
            .where('petition_followers.user_id', '=', v.userId),
        ),
      ),
    )
    .orderBy('id', 'desc')
    .limit(sql.lit(CANDIDATES)),
);

/**
 * Open petitions of one category in the user's community (or with no community, if they have none), newest first,
 * leaving out those they filed or co-signed: what "the same problem?" compares a description with.
 */
export const openCandidatesFor = async (db: DbOrTx, userId: number, category: Category): Promise<Candidate[]> =>
  openLike(db, { userId, category });

/** The petitions of these ids, in the order given (those gone meanwhile left out). */
export async function petitionsByIds(db: DbOrTx, ids: number[]): Promise<Petition[]> {
  if (ids.length === 0) return [];
  const rows = await db.selectFrom('petitions').selectAll().where('id', 'in', ids).execute();
  const byId = new Map(rows.map((r) => [r.id, toPetition(r)]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
