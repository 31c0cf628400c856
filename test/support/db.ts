import { inject } from 'vitest';
import { type DbHandle, openDatabase, openPostgresDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
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
