import { type RawBuilder, sql } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import { OPEN_STATUSES } from '../policy';

// Figures counted by SQLite rather than by loading petitions: a year is 7,000 of them at five years of history, and
// loading each to count it froze every other reply for half a second (issue 14 item 9). The open statuses are
// written as literals so the planner can use the partial index of open petitions (petitions_open_work).
export const OPEN_SQL = sql.raw(`(${OPEN_STATUSES.map((s) => `'${s}'`).join(',')})`);

/** What the three rates count, for the petitions of one area filed in a period. */
export interface Tally {
  filed: number;
  ackDue: number;
  ackedInTime: number;
  answerDue: number;
  resolved: number;
  rated: number;
  satisfied: number;
  satisfactionSum: number;
  open: number;
  overdue: number;
}

export interface AreaTally extends Tally {
  communityId: number | null;
  category: string;
}

/** Per community and category, the petitions filed in [from, to) as of `now` (see rates.ts for what each counts). */
export async function tallies(db: DbOrTx, from: string, to: string, now: string): Promise<AreaTally[]> {
  const late = sql`((acknowledged_at is null and ack_due_at <= ${now})
    or (answered_at is null and answer_due_at <= ${now}))`;
  const open = sql`status in ${OPEN_SQL}`;
  // The period's rows first (from the covering index petitions_figures), then grouped: grouping straight from the
  // table made SQLite walk every petition in the order of another index to save a sort (80 ms for a year, not 15).
  const { rows } = await sql<Record<string, number | string | null>>`
    with p as materialized (
      select community_id, category, status, acknowledged_at, ack_due_at, answered_at, answer_due_at, satisfaction
      from petitions where created_at >= ${from} and created_at < ${to})
    select community_id, category, ${rateColumns(now)},
      ${n(open)} as open,
      ${n(sql`${open} and ${late}`)} as overdue
    from p group by community_id, category`.execute(db);
  return rows.map((r) => ({ ...rateCounts(r), open: Number(r.open), overdue: Number(r.overdue) }));
}

// sum(case …) rather than sum(<boolean>): the same SQL on SQLite and PostgreSQL.
const n = (cond: RawBuilder<unknown>) => sql`sum(case when ${cond} then 1 else 0 end)`;

/**
 * The counts the three rates are made of, as select columns over petitions grouped any way (this file's tallies and
 * the report's months): written once so the two can never count differently. Read back with rateCounts.
 */
export function rateColumns(now: string): RawBuilder<unknown> {
  return sql`count(*) as filed,
      ${n(sql`acknowledged_at is not null or ack_due_at <= ${now}`)} as ack_due,
      ${n(sql`acknowledged_at is not null and acknowledged_at <= ack_due_at`)} as acked_in_time,
      ${n(sql`status not in ${OPEN_SQL} or answer_due_at <= ${now}`)} as answer_due,
      ${n(sql`status = 'resolved'`)} as resolved,
      count(satisfaction) as rated,
      ${n(sql`satisfaction >= 4`)} as satisfied,
      coalesce(sum(satisfaction), 0) as satisfaction_sum`;
}

/** A grouped row's place and the counts of rateColumns (this file's tallies and the report's months). */
export function rateCounts(r: Record<string, unknown>): Omit<AreaTally, 'open' | 'overdue'> {
  return {
    communityId: r.community_id === null ? null : Number(r.community_id),
    category: String(r.category),
    filed: Number(r.filed),
    ackDue: Number(r.ack_due),
    ackedInTime: Number(r.acked_in_time),
    answerDue: Number(r.answer_due),
    resolved: Number(r.resolved),
    rated: Number(r.rated),
    satisfied: Number(r.satisfied),
    satisfactionSum: Number(r.satisfaction_sum),
  };
}

/** How long one petition took: to be acknowledged, and (resolved ones) to be answered, in milliseconds. */
export interface Duration {
  communityId: number | null;
  category: string;
  ackMs: number | null;
  resolveMs: number | null;
}

/**
 * The durations behind the medians, for petitions filed in [from, to): only the instants of each, subtracted here
 * (date arithmetic differs between SQLite and PostgreSQL).
 */
export async function durations(db: DbOrTx, from: string, to: string): Promise<Duration[]> {
  const rows = await db
    .selectFrom('petitions')
    .select(['community_id', 'category', 'status', 'created_at', 'acknowledged_at', 'answered_at'])
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .where((eb) => eb.or([eb('acknowledged_at', 'is not', null), eb('answered_at', 'is not', null)]))
    .execute();
  const since = (start: string, end: string | null) => (end === null ? null : Date.parse(end) - Date.parse(start));
  return rows.map((r) => ({
    communityId: r.community_id,
    category: r.category,
    ackMs: since(r.created_at, r.acknowledged_at),
    resolveMs: r.status === 'resolved' ? since(r.created_at, r.answered_at) : null,
  }));
}

/** Open petitions per area: how many wait to be acknowledged, and how many are past a limit as of `now`. */
export async function openWork(db: DbOrTx, now: string) {
  const { rows } = await sql<{ community_id: number | null; category: string; to_ack: number; overdue: number }>`
    select community_id, category, sum(case when acknowledged_at is null then 1 else 0 end) as to_ack,
      sum(case when (acknowledged_at is null and ack_due_at <= ${now})
        or (answered_at is null and answer_due_at <= ${now}) then 1 else 0 end) as overdue
    from petitions where status in ${OPEN_SQL} group by community_id, category`.execute(db);
  return rows.map((r) => ({
    communityId: r.community_id === null ? null : Number(r.community_id),
    category: r.category,
    toAck: Number(r.to_ack),
    overdue: Number(r.overdue),
  }));
}

/** Co-signers of each petition filed in [from, to) that has any (an export's column, in one query). */
export async function cosignersFiledBetween(db: DbOrTx, from: string, to: string): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('petition_followers as f')
    .innerJoin('petitions as p', 'p.id', 'f.petition_id')
    .select(['f.petition_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('p.created_at', '>=', from)
    .where('p.created_at', '<', to)
    .where('f.kind', '=', 'cosigner')
    .groupBy('f.petition_id')
    .execute();
  return new Map(rows.map((r) => [r.petition_id, Number(r.n)]));
}
