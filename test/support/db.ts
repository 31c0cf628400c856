import { sql } from 'kysely';
import { inject } from 'vitest';
import { type DbHandle, openDatabase, openPostgresDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
import type { Db } from '../../src/db/schema';
import { adminQuery } from './pg-cluster';

/** Which engine this test run uses: vitest's `postgres` project sets it; otherwise SQLite. */
export const testEngine: 'sqlite' | 'postgres' = process.env.LINLI_TEST_ENGINE === 'postgres' ? 'postgres' : 'sqlite';

let made = 0;

/** PostgreSQL: a new database copied from the migrated template; its URL. */
export async function freshPgUrl(): Promise<string> {
  const admin = inject('pgAdminUrl');
  const name = `t_${process.pid}_${++made}`;
  await adminQuery(admin, `create database ${name} template linli_template`);
  return admin.replace(/\/postgres$/, `/${name}`);
}

/** A fresh database with the real migrations applied: in-memory SQLite, or a new PostgreSQL database. */
export async function freshDb(): Promise<DbHandle> {
  if (testEngine === 'postgres') return openPostgresDatabase(await freshPgUrl(), 4);
  const h = openDatabase(':memory:');
  await migrateToLatest(h.db);
  return h;
}

async function userTables(db: Db): Promise<string[]> {
  return (await db.introspection.getTables())
    .map((t) => t.name)
    .filter((n) => !n.startsWith('kysely_') && !n.startsWith('sqlite_'))
    .sort();
}

/** Rows in every table, on either engine: a job run that adds nothing leaves these as they were. */
export async function rowCounts(db: Db): Promise<Record<string, number>> {
  const out: Record<string, number> = {};
  for (const name of await userTables(db))
    out[name] = Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(db)).rows[0]!.n);
  return out;
}

/**
 * A number that moves with every write: SQLite's count of changes on this connection; on PostgreSQL the sum of every
 * row's xmin (the transaction that last wrote it), which an insert, update or delete anywhere changes.
 */
export async function writeFingerprint(db: Db): Promise<number> {
  if (testEngine === 'sqlite')
    return Number((await sql<{ n: number }>`select total_changes() as n`.execute(db)).rows[0]!.n);
  let sum = 0;
  for (const name of await userTables(db))
    sum += Number(
      (await sql<{ s: number | null }>`select sum(xmin::text::bigint) as s from ${sql.table(name)}`.execute(db))
        .rows[0]!.s ?? 0,
    );
  return sum;
}
