import { Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type DbHandle, openPostgresDatabase } from '../../src/db/client';
import { FolderProvider, MIGRATIONS_DIR, migrateToLatest } from '../../src/db/migrate';
import { freshPgUrl } from '../support/db';

// `down` on PostgreSQL (SQLite's are in migrations.test.ts): runs in the `postgres` project only.
let h: DbHandle | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('migrations on PostgreSQL', () => {
  it('the downs undo their ups, triggers and their functions included, so the migrations apply again', async () => {
    h = openPostgresDatabase(await freshPgUrl(), 2);
    const migrator = new Migrator({ db: h.db, provider: new FolderProvider(MIGRATIONS_DIR) });
    const undone: string[] = [];
    // 0003 has no down: everything after it is undone.
    for (;;) {
      const r = await migrator.migrateDown();
      expect(r.error).toBeUndefined();
      const step = r.results?.[0];
      if (!step || step.status === 'NotExecuted') break;
      undone.push(step.migrationName);
    }
    expect(undone).toContain('0013_relief_fund_notices');
    expect(undone).toContain('0007_fund');
    expect(await migrateToLatest(h.db)).toEqual([...undone].reverse());
  });
});
