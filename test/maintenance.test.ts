import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../src/db/client';
import { growthSince, tableSizes } from '../src/db/maintenance';
import { recordAudit } from '../src/identity/audit';
import { maintenanceJob } from '../src/maintenance';
import type { OutMessage } from '../src/outbox/service';
import type { Platform } from '../src/platform';
import { freshDb, testEngine } from './support/db';
import { testPlatform } from './support/platform';

// The nightly `db.maintenance` job on a real migrated database: statistics for the planner and a size snapshot.

const night1 = new Date('2026-06-01T19:30:00Z'); // 03:30 in Asia/Shanghai, when the job is scheduled
const night2 = new Date('2026-06-02T19:30:00Z');
let h: DbHandle;
let p: Platform;
beforeEach(async () => {
  h = await freshDb();
  p = testPlatform(h.db);
});
afterEach(() => h.close());

const job = () => maintenanceJob({ dbh: h, outbox: p.outbox, config: p.config, log: p.log });

const notice = (id: number): OutMessage => ({
  dedupeKey: `t:maint:${id}`,
  chatId: id,
  userId: null,
  category: 'notice',
  content: { key: 'common.help', params: { commands: `notice ${id}` } },
});

/** How many statistics rows the planner has for a table. */
async function statistics(table: string): Promise<number> {
  if (testEngine === 'sqlite') {
    const exists = await sql<{
      n: number;
    }>`select count(*) as n from sqlite_master where name = 'sqlite_stat1'`.execute(h.db);
    if (Number(exists.rows[0]!.n) === 0) return 0;
    return Number(
      (await sql<{ n: number }>`select count(*) as n from sqlite_stat1 where tbl = ${table}`.execute(h.db)).rows[0]!.n,
    );
  }
  return Number(
    (await sql<{ n: number }>`select count(*) as n from pg_stats where tablename = ${table}`.execute(h.db)).rows[0]!.n,
  );
}

/** ~1 MB of audit entries: a busy month of staff work. */
async function busyMonth() {
  const details = { note: '居民反映楼道灯坏了，已联系物业更换。'.repeat(20) };
  await h.db.transaction().execute(async (trx) => {
    for (let i = 0; i < 2000; i++) await recordAudit(trx, { actorId: 7, action: 'test.work', details }, night1);
  });
}

describe('the nightly maintenance', () => {
  it("refreshes the query planner's statistics of the tables the bot uses", async () => {
    await p.outbox.enqueue(
      h.db,
      Array.from({ length: 300 }, (_, i) => notice(i + 1)),
      night1,
    );
    expect(await statistics('deliveries')).toBe(0);
    await job().run(night1);
    expect(await statistics('deliveries')).toBeGreaterThan(0);
  });

  it('records the size of every table each night; the table that grew most between two nights comes first', async () => {
    await job().run(night1);
    await busyMonth();
    await job().run(night2);
    const days = await h.db.selectFrom('storage_snapshots').select('taken_on').distinct().orderBy('taken_on').execute();
    expect(days.map((d) => d.taken_on)).toEqual(['2026-06-02', '2026-06-03']);
    const audit = await h.db
      .selectFrom('storage_snapshots')
      .select(['taken_on', 'bytes'])
      .where('name', '=', 'audit_log')
      .orderBy('taken_on')
      .execute();
    expect(Number(audit[1]!.bytes) - Number(audit[0]!.bytes)).toBeGreaterThan(500_000);
    const { since, growth } = await growthSince(h.db, await tableSizes(h), '2026-05-10');
    expect(since).toBe('2026-06-02');
    expect(growth[0]!.name).toBe('audit_log');
  });

  it('a second run the same night replaces that night’s snapshot instead of adding another', async () => {
    await job().run(night1);
    const rows = async () =>
      Number(
        (
          await h.db
            .selectFrom('storage_snapshots')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirst()
        )?.n,
      );
    const first = await rows();
    expect(first).toBeGreaterThan(10);
    await busyMonth();
    await job().run(new Date(night1.getTime() + 600_000));
    expect(await rows()).toBe(first);
    const audit = await h.db
      .selectFrom('storage_snapshots')
      .select('bytes')
      .where('name', '=', 'audit_log')
      .executeTakeFirstOrThrow();
    expect(Number(audit.bytes)).toBeGreaterThan(500_000);
  });
});
