import type { DbHandle } from './client';
import type { Db } from './schema';

/**
 * Keeps the query planner informed. SQLite: at start the cheap form (only tables that changed a lot, bounded work),
 * daily the plain form — without statistics the planner guesses, and guesses badly as tables grow unevenly.
 * PostgreSQL's autovacuum analyses on its own; daily we ask once more (cheap, and it covers a disabled autovacuum).
 */
export async function optimize(h: DbHandle, atStart: boolean): Promise<void> {
  if (h.sqlite) {
    h.sqlite.pragma('analysis_limit = 400');
    h.sqlite.pragma(atStart ? 'optimize = 0x10002' : 'optimize');
  } else if (!atStart) await h.reads.query('analyze');
}

export interface TableSize {
  name: string;
  bytes: number;
}

const SIZES_SQL = {
  sqlite: `select name, sum(pgsize) as bytes from dbstat where name not like 'sqlite_%' group by name order by bytes desc`,
  postgres: `select c.relname as name, pg_total_relation_size(c.oid) as bytes from pg_class c
    where c.relkind = 'r' and c.relnamespace = 'public'::regnamespace order by bytes desc`,
};

/** Bytes on disk of every table (SQLite: and index), largest first (read off the event loop: it walks every page). */
export async function tableSizes(h: DbHandle): Promise<TableSize[]> {
  const rows = await h.reads.query<{ name: string; bytes: number }>(SIZES_SQL[h.engine]);
  return rows.map((r) => ({ name: r.name, bytes: Number(r.bytes) }));
}

/** Gives the space of deleted rows back to the disk; the database's size before and after, in bytes. */
export async function vacuum(h: DbHandle): Promise<{ before: number; after: number }> {
  if (h.sqlite) {
    const pageSize = h.sqlite.pragma('page_size', { simple: true }) as number;
    const before = h.sqlite.pragma('page_count', { simple: true }) as number;
    h.sqlite.exec('VACUUM');
    const after = h.sqlite.pragma('page_count', { simple: true }) as number;
    return { before: before * pageSize, after: after * pageSize };
  }
  const size = async () =>
    Number((await h.reads.query<{ n: number }>('select pg_database_size(current_database()) as n'))[0]?.n ?? 0);
  const before = await size();
  await h.reads.query('vacuum');
  return { before, after: await size() };
}

/** Today's sizes, kept so that growth can be reported; one row per table and day. */
export async function takeSnapshot(h: DbHandle, date: string): Promise<TableSize[]> {
  const sizes = await tableSizes(h);
  if (sizes.length === 0) return sizes;
  await h.db
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
