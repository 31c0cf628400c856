import { copyFileSync, mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openDatabase, sqliteOf } from '../../src/db/client';
import { MIGRATIONS_DIR, MigrationFailed, migrateToLatest } from '../../src/db/migrate';

const tables = async (h: ReturnType<typeof openDatabase>) =>
  (
    await sql<{ name: string }>`select name from sqlite_master where type = 'table' order by name`.execute(h.db)
  ).rows.map((r) => r.name);

describe('migrations', () => {
  it('apply once, then report nothing to do', async () => {
    const h = openDatabase(':memory:');
    expect((await migrateToLatest(h.db)).length).toBe(
      readdirSync(MIGRATIONS_DIR).filter((f) => /^\d{4}_[\w-]+\.ts$/.test(f)).length,
    );
    expect(await migrateToLatest(h.db)).toEqual([]);
    expect(await tables(h)).toEqual(
      expect.arrayContaining([
        'users',
        'roles',
        'invitations',
        'communities',
        'compounds',
        'audit_log',
        'deliveries',
        'flows',
      ]),
    );
    await h.close();
  });

  it('use WAL, foreign keys and full sync on a file database, creating its folder', async () => {
    const dir = join(mkdtempSync(join(tmpdir(), 'linli-')), 'nested', 'deeper');
    const h = openDatabase(join(dir, 'x.db'));
    expect(sqliteOf(h).pragma('journal_mode', { simple: true })).toBe('wal');
    expect(sqliteOf(h).pragma('foreign_keys', { simple: true })).toBe(1);
    expect(sqliteOf(h).pragma('synchronous', { simple: true })).toBe(2);
    expect(sqliteOf(h).pragma('busy_timeout', { simple: true })).toBe(5000);
    await h.close();
  });

  it('a failing migration applies nothing and says which one failed', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'linli-mig-'));
    for (const f of readdirSync(MIGRATIONS_DIR)) copyFileSync(join(MIGRATIONS_DIR, f), join(dir, f));
    writeFileSync(
      join(dir, '9998_good.ts'),
      `export async function up(db) { await db.schema.createTable('half_done').addColumn('id', 'integer').execute(); }`,
    );
    writeFileSync(
      join(dir, '9999_broken.ts'),
      `export async function up(db) { await db.schema.alterTable('no_such_table').addColumn('x', 'text').execute(); }`,
    );
    const h = openDatabase(':memory:');
    await expect(migrateToLatest(h.db, dir)).rejects.toThrow(MigrationFailed);
    await expect(migrateToLatest(h.db, dir)).rejects.toThrow(/9999_broken failed/);
    expect(await tables(h)).not.toContain('half_done');
    expect(await tables(h)).not.toContain('users');
    await h.close();
  });

  it('a database from a newer version (unknown migration) is refused', async () => {
    const h = openDatabase(':memory:');
    await migrateToLatest(h.db);
    await sql`insert into kysely_migration (name, timestamp) values ('9999_from_the_future', '2030-01-01')`.execute(
      h.db,
    );
    await expect(migrateToLatest(h.db)).rejects.toThrow(/9999_from_the_future is missing/);
    await h.close();
  });

  it('the audit log refuses edits and deletions', async () => {
    const h = openDatabase(':memory:');
    await migrateToLatest(h.db);
    await h.db
      .insertInto('audit_log')
      .values({ at: 'now', actor_id: 1, action: 'x', subject: null, details: '{}' })
      .execute();
    await expect(h.db.updateTable('audit_log').set({ action: 'y' }).execute()).rejects.toThrow(/append-only/);
    await expect(h.db.deleteFrom('audit_log').execute()).rejects.toThrow(/append-only/);
    await h.close();
  });
});
