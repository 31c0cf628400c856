import SQLite from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { sqliteOf } from '../../src/db/client';
import { texts, until } from '../support/chat';
import { startBot, type TestBot } from '../support/harness';

// Issue 14 items 2 and 4: the database locked by another process past the busy timeout, read-only, or full.
// `npm run faults` (FAULTS=full) holds the lock for ten seconds; the test command for six (the busy timeout is five).

const LOCK_MS = process.env.FAULTS === 'full' ? 10_000 : 6_000;

let tb: TestBot | undefined;
const logs: string[] = [];
afterEach(async () => {
  await tb?.stop();
  tb = undefined;
});

describe('the database in trouble', () => {
  it(`the delivery worker survives another process holding a write lock for ${LOCK_MS / 1000} s`, async () => {
    tb = await startBot({ logs });
    await tb.app.identity.touch({ id: 71, first_name: 'A' });
    const other = new SQLite(tb.config.DATABASE_PATH);
    other.exec('BEGIN IMMEDIATE');
    try {
      // queued before the lock, claimed by the worker while it is held: the claim fails past the busy timeout
      tb.app.worker.wake();
      await new Promise((r) => setTimeout(r, LOCK_MS));
    } finally {
      other.exec('ROLLBACK');
      other.close();
    }
    await tb.platform.outbox.enqueue(
      tb.db,
      [{ dedupeKey: 'lock:71', chatId: 71, userId: 71, category: 'personal', content: { text: '锁之后' } }],
      tb.clock.now(),
    );
    await tb.delivered(20_000);
    expect(tb.api.messages(71).some((m) => m.text === '锁之后')).toBe(true);
    // the lock did reach the worker (and it carried on), rather than the test missing it
    expect(logs.some((l) => l.includes('delivery cycle failed'))).toBe(true);
    expect(tb.app.health().ok).toBe(true);
  }, 60_000);

  it('a read-only database tells the resident it cannot save now, and carries on when it can', async () => {
    tb = await startBot();
    const u = await tb.resident(72);
    await (await u.command('/me')).reply();
    sqliteOf(tb.app.dbh).pragma('query_only = ON');
    const refused = await (await u.click('rs:notices')).reply();
    expect(refused.find((c) => c.method === 'answerCallbackQuery')?.payload.text).toContain('暂时无法保存');
    sqliteOf(tb.app.dbh).pragma('query_only = OFF');
    const saved = await (await u.click('rs:notices')).reply();
    expect(saved.find((c) => c.method === 'answerCallbackQuery')?.payload.text).toContain('关闭');
  });

  it('a full disk tells the resident it cannot save now, instead of silence, and nothing dies', async () => {
    tb = await startBot();
    const u = await tb.resident(73);
    const pages = sqliteOf(tb.app.dbh).pragma('page_count', { simple: true }) as number;
    sqliteOf(tb.app.dbh).pragma(`max_page_count = ${pages}`);
    // a new person writing needs new pages: the first thing the bot does for them is to store them
    const stranger = tb.user(74_000);
    let out = await (await stranger.send('你好'.repeat(10))).reply();
    for (let i = 0; i < 30 && !texts(out).includes('暂时无法保存'); i++) {
      out = await (await tb.user(74_001 + i).send(`新来的 ${'字'.repeat(300)}`)).reply();
    }
    expect(texts(out)).toContain('暂时无法保存');
    sqliteOf(tb.app.dbh).pragma('max_page_count = 1073741823');
    out = await (await u.command('/help')).reply();
    expect(texts(out)).toContain('我能帮您做这些事');
    await until(() => tb!.app.health().ok, 'a healthy worker');
  });
});
