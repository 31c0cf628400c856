import { afterEach, describe, expect, it } from 'vitest';
import { copyToPostgres } from '../../src/cli/copy-to-postgres';
import { type DbHandle, openDatabase, openPostgresDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
import { createAreas } from '../../src/features';
import { runCli } from '../support/cli';
import { freshPgUrl } from '../support/db';
import { testPlatform } from '../support/platform';

// Runs in the `postgres` project only (it needs the throwaway cluster): see vitest.config.ts.
describe('copying a SQLite deployment into PostgreSQL', () => {
  const open: DbHandle[] = [];
  afterEach(async () => {
    for (const h of open.splice(0)) await h.close();
  });

  async function demoDeployment(): Promise<DbHandle> {
    const h = openDatabase(':memory:');
    open.push(h);
    await migrateToLatest(h.db);
    const platform = testPlatform(h.db);
    await platform.settings.load();
    for (const f of createAreas(platform).features) if (f.demo) await f.demo();
    await platform.identity.grant(null, 42, 'staff');
    return h;
  }

  it('every table arrives with the same rows, and the copy then works as a deployment', async () => {
    const from = await demoDeployment();
    const to = openPostgresDatabase(await freshPgUrl(), 2);
    open.push(to);
    const tables = await copyToPostgres(from, to);
    const byName = new Map(tables.map((t) => [t.table, t]));
    expect(tables.every((t) => t.same)).toBe(true);
    expect(byName.get('relief_recipients')?.rows).toBeGreaterThan(100);
    expect(byName.get('users')?.rows).toBeGreaterThan(0);
    // New rows continue after the copied ids instead of colliding with them.
    const platform = testPlatform(to.db);
    await platform.settings.load();
    await platform.identity.grant(null, 43, 'staff');
    const audit = await to.db.selectFrom('audit_log').select('id').orderBy('id', 'desc').limit(2).execute();
    expect(audit[0]!.id).toBeGreaterThan(audit[1]!.id);
  });

  it('refuses a PostgreSQL database that already holds users, and changes nothing there', async () => {
    const from = await demoDeployment();
    const to = openPostgresDatabase(await freshPgUrl(), 2);
    open.push(to);
    await copyToPostgres(from, to);
    const before = await to.db.selectFrom('users').select('id').execute();
    await expect(copyToPostgres(from, to)).rejects.toThrow(/already holds users/);
    expect(await to.db.selectFrom('users').select('id').execute()).toHaveLength(before.length);
  });

  it('run with DATABASE_URL already set for the instances, it says to run it without and copies nothing', async () => {
    const url = await freshPgUrl();
    const r = await runCli({ DATABASE_URL: url }, 'copy-to-postgres', url);
    expect(r.code).toBe(2);
    expect(r.output.trim()).toBe(
      'copy-to-postgres copies the SQLite file at DATABASE_PATH, but DATABASE_URL is set: run it without DATABASE_URL',
    );
    const to = openPostgresDatabase(url, 1);
    open.push(to);
    expect(await to.db.selectFrom('users').select('id').execute()).toHaveLength(0);
  });
});
