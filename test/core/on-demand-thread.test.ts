import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OnDemandThread } from '../../src/core/on-demand-thread';

// The read worker as the thread: plain JavaScript with a database file of its own to answer from.
const READ_WORKER = new URL('../../src/db/read-worker.mjs', import.meta.url);

function fileWithRows(): string {
  const path = join(mkdtempSync(join(tmpdir(), 'linli-thread-')), 'x.db');
  const db = new Database(path);
  db.exec("create table t (name text); insert into t values ('磨刀'), ('理发')");
  db.close();
  return path;
}

let thread: OnDemandThread<{ rows: unknown[] }> | undefined;
afterEach(async () => {
  await thread?.stop();
  thread = undefined;
});

describe('a thread started on demand', () => {
  it('answers, ends once idle, and starts again for the next question', async () => {
    thread = new OnDemandThread(READ_WORKER, {
      idleMs: 20,
      workerData: { path: fileWithRows() },
      failure: (m) => new Error(m),
    });
    expect(thread.running).toBe(false);
    expect((await thread.ask({ sql: 'select name from t order by rowid', params: [] })).rows).toEqual([
      { name: '磨刀' },
      { name: '理发' },
    ]);
    await vi.waitFor(() => expect(thread!.running).toBe(false));
    expect((await thread.ask({ sql: 'select count(*) as n from t', params: [] })).rows).toEqual([{ n: 2 }]);
  });

  it("passes the thread's error back as the caller's own kind of error", async () => {
    class Refused extends Error {}
    thread = new OnDemandThread(READ_WORKER, {
      idleMs: 1000,
      workerData: { path: fileWithRows() },
      failure: (m) => new Refused(m),
    });
    await expect(thread.ask({ sql: 'select nope from t', params: [] })).rejects.toThrow(Refused);
    expect((await thread.ask({ sql: 'select count(*) as n from t', params: [] })).rows).toEqual([{ n: 2 }]);
  });
});
