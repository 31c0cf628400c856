import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { addDays, localDate } from '../../src/core/time';
import { type DbHandle, openDatabase, openPostgresDatabase } from '../../src/db/client';
import { takeSnapshot } from '../../src/db/maintenance';
import { migrateToLatest } from '../../src/db/migrate';
import { recordAudit } from '../../src/identity/audit';
import { runCli } from '../support/cli';
import { freshPgUrl, testEngine } from '../support/db';

// `npm run cli -- stats` on a deployment's database (a file, or PostgreSQL): the operator's view of its size.

async function deployment(): Promise<{ env: Record<string, string>; open: () => DbHandle }> {
  if (testEngine === 'postgres') {
    const url = await freshPgUrl();
    return { env: { DATABASE_URL: url }, open: () => openPostgresDatabase(url, 1) };
  }
  const path = join(mkdtempSync(join(tmpdir(), 'linli-stats-')), 'linli.db');
  const h = openDatabase(path);
  await migrateToLatest(h.db);
  await h.close();
  return { env: { DATABASE_PATH: path }, open: () => openDatabase(path) };
}

const today = () => localDate(new Date(), 'Asia/Shanghai');

describe('cli stats', () => {
  it('shows each table’s size and what grew most since the nightly measurement a week ago', async () => {
    const d = await deployment();
    const weekAgo = addDays(today(), -7);
    const h = d.open();
    await takeSnapshot(h, weekAgo);
    const details = { note: '居民反映楼道灯坏了，已联系物业更换。'.repeat(20) };
    await h.db.transaction().execute(async (trx) => {
      for (let i = 0; i < 2000; i++) await recordAudit(trx, { actorId: 7, action: 'test.work', details }, new Date());
    });
    await h.close();

    const r = await runCli(d.env, 'stats');
    expect(r.code, r.output).toBe(0);
    expect(r.output).toMatch(/^database: \d+\.\d MB in \d+ tables and indexes$/m);
    expect(r.output).toContain(`how much it grew since ${weekAgo} (7 days ago), most growth first:`);
    expect(r.output).toMatch(/^ {2}audit_log +\d+\.\d MB +\+\d+\.\d MB$/m);
    expect(r.output).toMatch(/^largest growth: audit_log, \+\d+\.\d MB$/m);
    expect(r.output).toMatch(/^in all the database grew \+\d+\.\d MB in 7 days$/m);
  }, 60_000); // the CLI is a process of its own, started through tsx: seconds on a busy 2-core machine

  it('on a database never measured before, says when growth will show instead of showing none', async () => {
    const d = await deployment();
    const r = await runCli(d.env, 'stats');
    expect(r.code, r.output).toBe(0);
    expect(r.output).toContain('no earlier measurement in the last 30 days');
    expect(r.output).toMatch(/^the largest tables:\n {2}\w+ +\d+\.\d MB$/m);
    expect(r.output).not.toContain('largest growth');
  }, 60_000);
});
