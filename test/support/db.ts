import { type DbHandle, openDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';

/** A fresh in-memory database with the real migrations applied. */
export async function freshDb(): Promise<DbHandle> {
  const h = openDatabase(':memory:');
  await migrateToLatest(h.db);
  return h;
}
