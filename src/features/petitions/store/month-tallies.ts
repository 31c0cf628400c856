import { sql } from 'kysely';
import { type ReadQueries, readCompiled } from '../../../db/reads';
import type { DbOrTx } from '../../../db/schema';
import { rateColumns, rateCounts, type Tally } from './stats';

/** The petitions of one local month, community, category and category name, counted as rates.ts counts them. */
export interface MonthTally extends Omit<Tally, 'open' | 'overdue'> {
  month: string;
  communityId: number | null;
  category: string;
  /** The category's names as these petitions were filed (null: filed before categories had names). */
  categoryZh: string | null;
  categoryEn: string | null;
  /** The first and last of these petitions' filing instants: which name is the latest, who came first. */
  firstAt: string;
  lastAt: string;
}

/**
 * The community report's petitions, counted by SQL on the read connection: a year was 7,000 rows fetched into
 * JavaScript and counted there, 25–40 ms of the event loop (issue 14 item 9). `starts` are each local month's
 * first instant in order ('YYYY-MM', UTC ISO), the first at or before `from`; petitions filed in [from, to).
 */
export async function monthTallies(
  db: DbOrTx,
  reads: ReadQueries,
  from: string,
  to: string,
  starts: readonly (readonly [string, string])[],
  now: string,
): Promise<MonthTally[]> {
  if (starts.length === 0) return [];
  const last = starts[starts.length - 1]![0];
  // The month as one CASE over the months' starts: time zones are JavaScript's, not each engine's own.
  const whens = starts.slice(1).map(([, at], i) => sql`when created_at < ${at} then ${starts[i]![0]}`);
  const month = whens.length ? sql`cast(case ${sql.join(whens, sql` `)} else ${last} end as text)` : sql`${last}`;
  const query = sql<Record<string, string | number | null>>`
    with p as (
      select ${month} as month, community_id, category, category_zh, category_en, status, created_at,
        acknowledged_at, ack_due_at, answered_at, answer_due_at, satisfaction
      from petitions where created_at >= ${from} and created_at < ${to})
    select month, community_id, category, category_zh, category_en, ${rateColumns(now)},
      min(created_at) as first_at, max(created_at) as last_at
    from p group by month, community_id, category, category_zh, category_en`.compile(db);
  const rows = await readCompiled<Record<string, string | number | null>>(reads, query);
  const text = (x: unknown) => (x === null ? null : String(x));
  return rows.map((r) => ({
    ...rateCounts(r),
    month: String(r.month),
    categoryZh: text(r.category_zh),
    categoryEn: text(r.category_en),
    firstAt: String(r.first_at),
    lastAt: String(r.last_at),
  }));
}
