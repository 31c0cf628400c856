import { afterEach, describe, expect, it } from 'vitest';
import { startBot, type TestBot } from '../support/harness';

// SQLite-only (vitest.config.ts): PostgreSQL's autovacuum keeps its own statistics; SQLite has none until asked.

let tb: TestBot | undefined;
afterEach(async () => {
  await tb?.stop();
  tb = undefined;
});

/** The tables SQLite's planner has statistics for. */
function analysed(t: TestBot): Set<string> {
  const s = t.app.dbh.sqlite!;
  if (!s.prepare("select 1 from sqlite_master where name = 'sqlite_stat1'").get()) return new Set();
  return new Set((s.prepare('select distinct tbl from sqlite_stat1').all() as { tbl: string }[]).map((r) => r.tbl));
}

describe("the query planner's statistics", () => {
  it('are gathered when the bot starts, for the tables that filled up since it last started', async () => {
    tb = await startBot({ seedDemo: true });
    // the first start met an empty database; the demo filled the relief roster afterwards
    expect(analysed(tb).has('relief_recipients')).toBe(false);
    await tb.restart();
    expect(analysed(tb).has('relief_recipients')).toBe(true);
  });
});
