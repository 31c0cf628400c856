import type SQLite from 'better-sqlite3';
import type { ReadOffload } from './offload';
import type { Db } from './schema';

/**
 * Keeps SQLite's query planner informed. At start the cheap form (only tables that changed a lot, bounded work);
 * daily the plain form. Without statistics the planner guesses, and guesses badly as tables grow unevenly.
 */
export function optimize(sqlite: SQLite.Database, atStart: boolean): void {
  sqlite.pragma('analysis_limit = 400');
  sqlite.pragma(atStart ? 'optimize = 0x10002' : 'optimize');
}

export interface TableSize {
  name: string;
  bytes: number;
}

/** Bytes on disk of every table and index, largest first (read off the event loop: it walks every page). */
export async function tableSizes(reads: ReadOffload): Promise<TableSize[]> {
  const rows = await reads.query<{ name: string; bytes: number }>(
    `select name, sum(pgsize) as bytes from dbstat where name not like 'sqlite_%' group by name order by bytes desc`,
  );
  return rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) }));
}

/** Today's sizes, kept so that growth can be reported; one row per table and day. */
export async function takeSnapshot(db: Db, reads: ReadOffload, date: string): Promise<TableSize[]> {
  const sizes = await tableSizes(reads);
  if (sizes.length === 0) return sizes;
  await db
    .insertInto('storage_snapshots')
    .values(sizes.map((s) => ({ taken_on: date, name: s.name, bytes: s.bytes, row_count: null })))
    .onConflict((oc) => oc.columns(['taken_on', 'name']).doUpdateSet((eb) => ({ bytes: eb.ref('excluded.bytes') })))
    .execute();
  return sizes;
}

/** Growth of each table since the oldest snapshot of the last `days` days (largest growth first). */
export async function growthSince(db: Db, sizes: TableSize[], sinceDate: string) {
  const base = await db
    .selectFrom('storage_snapshots')
    .select(['name', 'bytes', 'taken_on'])
    .where('taken_on', '=', (eb) =>
      eb
        .selectFrom('storage_snapshots')
        .select((e) => e.fn.min('taken_on').as('d'))
        .where('taken_on', '>=', sinceDate),
    )
    .execute();
  const before = new Map(base.map((b) => [b.name, Number(b.bytes)]));
  const since = base[0]?.taken_on ?? null;
  const growth = sizes
    .map((s) => ({ ...s, growth: since === null ? null : s.bytes - (before.get(s.name) ?? 0) }))
    .sort((a, b) => (b.growth ?? 0) - (a.growth ?? 0));
  return { since, growth };
}
