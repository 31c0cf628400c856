import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { ReadOffload } from '../../src/db/offload';

let reads: ReadOffload | undefined;
let db: Database.Database | undefined;
afterEach(async () => {
  await reads?.close();
  db?.close();
});

function open(): ReadOffload {
  const path = join(mkdtempSync(join(tmpdir(), 'linli-reads-')), 'x.db');
  db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.exec("create table t (name text); insert into t values ('磨刀'), ('理发')");
  reads = new ReadOffload(path, db);
  return reads;
}

describe('heavy reads off the event loop', () => {
  it('asked one after another, are answered on one read thread', async () => {
    const r = open();
    expect(await r.query('select name from t order by name desc')).toEqual([{ name: '磨刀' }, { name: '理发' }]);
    expect(await r.query('select count(*) as n from t')).toEqual([{ n: 2 }]);
    expect(r.running).toBe(1);
  });

  it('asked together (as the report asks its areas), are answered on two, each with its own rows', async () => {
    const r = open();
    const [names, count, first] = await Promise.all([
      r.query('select name from t order by name'),
      r.query('select count(*) as n from t'),
      r.query('select name from t order by name limit 1'),
    ]);
    expect(names).toEqual([{ name: '理发' }, { name: '磨刀' }]);
    expect(count).toEqual([{ n: 2 }]);
    expect(first).toEqual([{ name: '理发' }]);
    expect(r.running).toBe(2);
  });

  it('see what the bot wrote before they were asked', async () => {
    const r = open();
    await Promise.all([r.query('select 1'), r.query('select 1')]);
    db!.exec("insert into t values ('缝补')");
    const counts = await Promise.all([r.query('select count(*) as n from t'), r.query('select count(*) as n from t')]);
    expect(counts).toEqual([[{ n: 3 }], [{ n: 3 }]]);
  });

  it('a question that fails fails alone; the next is answered', async () => {
    const r = open();
    const [bad, good] = await Promise.allSettled([
      r.query('select nope from t'),
      r.query('select count(*) as n from t'),
    ]);
    expect(bad.status === 'rejected' && String(bad.reason)).toMatch(/no such column: nope/);
    expect(good).toEqual({ status: 'fulfilled', value: [{ n: 2 }] });
    expect(await r.query('select count(*) as n from t')).toEqual([{ n: 2 }]);
  });
});
