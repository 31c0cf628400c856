import { mkdtempSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import SQLite from 'better-sqlite3';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/db/client';
import { migrateToLatest } from '../../src/db/migrate';
import { runCli } from '../support/cli';

// `npm run cli -- vacuum` on a SQLite file (PostgreSQL gives space back through its own autovacuum): SQLite-only in
// vitest.config.ts. The bot's own connection is played by a plain better-sqlite3 connection to the same file.

const SLOW = 60_000; // the CLI is a process of its own, started through tsx: seconds on a busy 2-core machine

/** A deployment whose outbox once held ~3 MB of sent notices, since removed by retention: the file keeps the space. */
async function fileWithDeletedRows(): Promise<string> {
  const path = join(mkdtempSync(join(tmpdir(), 'linli-vacuum-')), 'linli.db');
  const h = openDatabase(path);
  await migrateToLatest(h.db);
  const s = h.sqlite!;
  const insert = s.prepare(
    `insert into deliveries (dedupe_key, chat_id, category, content, state, next_attempt_at, created_at, updated_at)
     values (?, ?, 'notice', ?, 'sent', ?, ?, ?)`,
  );
  const content = JSON.stringify({ text: '【停水通知】本周六 8:00–18:00 全街道停水，请提前储水。'.repeat(20) });
  const at = '2026-01-01T00:00:00.000Z';
  s.transaction(() => {
    for (let i = 0; i < 3000; i++) insert.run(`n:1:${i}`, 1_000_000 + i, content, at, at, at);
  })();
  s.prepare("delete from deliveries where state = 'sent'").run();
  await h.close(); // the last connection to close folds the WAL back into the file
  return path;
}

const auditRows = (c: SQLite.Database) => (c.prepare('select count(*) as n from audit_log').get() as { n: number }).n;

describe('cli vacuum', () => {
  it(
    'gives the space of deleted rows back to the disk: the file shrinks, and says by how much',
    async () => {
      const path = await fileWithDeletedRows();
      const before = statSync(path).size;
      expect(before).toBeGreaterThan(2_000_000);
      const r = await runCli({ DATABASE_PATH: path }, 'vacuum');
      expect(r.code, r.output).toBe(0);
      expect(r.output).toMatch(/^vacuumed: \d+\.\d MB → \d+\.\d MB \(\d+\.\d MB given back to the disk\)$/m);
      expect(statSync(path).size).toBeLessThan(before / 3);
    },
    SLOW,
  );

  it(
    'runs beside a bot that is connected but idle, and the bot goes on writing afterwards',
    async () => {
      const path = await fileWithDeletedRows();
      const bot = new SQLite(path);
      bot.pragma('journal_mode = WAL');
      bot.pragma('busy_timeout = 5000');
      try {
        const r = await runCli({ DATABASE_PATH: path }, 'vacuum');
        expect(r.code, r.output).toBe(0);
        bot
          .prepare("insert into audit_log (at, actor_id, action) values ('2026-01-02T00:00:00.000Z', 7, 'test.after')")
          .run();
        expect(auditRows(bot)).toBe(1);
      } finally {
        bot.close();
      }
      expect(statSync(path).size).toBeLessThan(1_500_000);
    },
    SLOW,
  );

  it(
    'refuses politely while the bot is in the middle of writing, and changes nothing',
    async () => {
      const path = await fileWithDeletedRows();
      const before = statSync(path).size;
      const bot = new SQLite(path);
      bot.pragma('journal_mode = WAL');
      bot.exec('begin immediate');
      bot
        .prepare("insert into audit_log (at, actor_id, action) values ('2026-01-02T00:00:00.000Z', 7, 'test.during')")
        .run();
      try {
        const r = await runCli({ DATABASE_PATH: path }, 'vacuum');
        expect(r.code).toBe(1);
        expect(r.output).toContain('the database is busy: another process (the bot?) kept writing to it.');
        expect(r.output).toContain('Nothing was changed; run vacuum again at a quiet hour.');
        expect(r.output).not.toContain('vacuumed');
        bot.exec('commit');
        expect(auditRows(bot)).toBe(1);
      } finally {
        bot.close();
      }
      expect(statSync(path).size).toBe(before);
    },
    SLOW,
  );
});
