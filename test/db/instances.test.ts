import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../src/core/clock';
import { openPostgresDatabase } from '../../src/db/client';
import { claimUpdate, markUpdateDone } from '../../src/db/handled-updates';
import { type InstanceLocks, postgresLocks } from '../../src/db/locks';
import { Leadership } from '../../src/leader';
import { Scheduler } from '../../src/scheduler';
import { freshPgUrl } from '../support/db';

// Several instances on one PostgreSQL database (issue 19): runs in the `postgres` project only.
const log = pino({ level: 'silent' });

describe('several instances on one PostgreSQL database', () => {
  const open: { locks: InstanceLocks; leader?: Leadership }[] = [];
  afterEach(async () => {
    for (const o of open.splice(0)) {
      await o.leader?.stop();
      await o.locks.close();
    }
  });

  function instance(url: string, runs: string[], name: string) {
    const locks = postgresLocks(url, 4);
    const job = { name: 'remind', cron: '0 * * * *', run: async () => void runs.push(name) };
    const leader = new Leadership(locks, new Scheduler([job], new ManualClock(), log, 'Asia/Shanghai'), log, 100);
    open.push({ locks, leader });
    return { locks, leader };
  }

  it('exactly one instance runs the jobs; when it dies another takes over within 15 s and catches up', async () => {
    const url = await freshPgUrl();
    const runs: string[] = [];
    const a = instance(url, runs, 'a');
    a.leader.start();
    await expect.poll(() => a.leader.isLeader).toBe(true);
    const b = instance(url, runs, 'b');
    const c = instance(url, runs, 'c');
    b.leader.start();
    c.leader.start();
    // Several checks later the others still wait.
    await new Promise((r) => setTimeout(r, 400));
    expect([b.leader.isLeader, c.leader.isLeader]).toEqual([false, false]);
    expect(runs).toEqual(['a']);
    // The leader's process dies: its database session ends with it.
    const died = Date.now();
    await a.leader.stop();
    await a.locks.close();
    await expect.poll(() => b.leader.isLeader || c.leader.isLeader, { timeout: 15_000 }).toBe(true);
    expect(Date.now() - died).toBeLessThan(15_000);
    expect(b.leader.isLeader && c.leader.isLeader).toBe(false);
    expect(runs).toHaveLength(2);
  });

  it("one user's updates on two instances run one after the other, never interleaved", async () => {
    const url = await freshPgUrl();
    const one = postgresLocks(url, 4);
    const two = postgresLocks(url, 4);
    open.push({ locks: one }, { locks: two });
    const trace: string[] = [];
    const step = (name: string) => async () => {
      trace.push(`${name} starts`);
      await new Promise((r) => setTimeout(r, 150));
      trace.push(`${name} ends`);
    };
    await Promise.all([one.hold(7001, step('first')), two.hold(7001, step('second')), two.hold(7002, step('other'))]);
    const mine = trace.filter((t) => !t.startsWith('other'));
    expect(mine.map((t) => t.split(' ')[1])).toEqual(['starts', 'ends', 'starts', 'ends']);
    // Another user's update did not wait for them.
    expect(trace.indexOf('other starts')).toBeLessThan(trace.indexOf(`${mine[0]!.split(' ')[0]} ends`));
  });

  it('an update whose instance died mid-handling is taken over by the retry at once; one being handled is not', async () => {
    const url = await freshPgUrl();
    const dbh = openPostgresDatabase(url, 2);
    const a = postgresLocks(url, 2);
    const b = postgresLocks(url, 2);
    open.push({ locks: a }, { locks: b });
    try {
      const now = new Date();
      const stale = new Date(now.getTime() - 60_000);
      expect(await claimUpdate(dbh.db, 42, now, stale, await a.member())).toBe('claimed');
      // A is alive and handling it: the retry on B is told to come back later, not answered "done".
      expect(await claimUpdate(dbh.db, 42, now, stale, await b.member())).toBe('busy');
      await a.close();
      // Its database session ends a moment after the client hangs up; then the retry takes over, long before the lease.
      await expect
        .poll(async () => claimUpdate(dbh.db, 42, now, stale, await b.member()), { timeout: 2_000 })
        .toBe('claimed');
      await markUpdateDone(dbh.db, 42);
      expect(await claimUpdate(dbh.db, 42, now, stale, await b.member())).toBe('done');
    } finally {
      await dbh.close();
    }
  });
});
