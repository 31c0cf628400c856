import { pino } from 'pino';
import { afterEach, describe, expect, it } from 'vitest';
import { createConfig } from '../../../src/config';
import { ManualClock } from '../../../src/core/clock';
import { type DbHandle, openPostgresDatabase } from '../../../src/db/client';
import { type InstanceLocks, postgresLocks } from '../../../src/db/locks';
import type { OutMessage } from '../../../src/outbox/service';
import { UNOWNED_STUCK_MS } from '../../../src/outbox/store';
import { createPlatform, offlineTelegram, type Platform } from '../../../src/platform';
import { FakeBotApi } from '../../../src/playground/fake-api';
import { DeliveryWorker } from '../../../src/telegram/delivery/worker';
import { freshPgUrl } from '../../support/db';

// Several instances' delivery workers on one PostgreSQL database (issue 19): runs in the `postgres` project only.
const log = pino({ level: 'silent' });
const RATE = 20;

interface Instance {
  dbh: DbHandle;
  locks: InstanceLocks;
  platform: Platform;
  worker: DeliveryWorker;
}

let api: FakeBotApi | undefined;
const running: Instance[] = [];
afterEach(async () => {
  for (const i of running.splice(0)) {
    await i.worker.stop();
    await i.locks.close();
    await i.dbh.close();
  }
  await api?.close();
  api = undefined;
});

/** One instance's worker, as src/app.ts builds it: its own pool, its own membership lock. */
function instance(url: string, fake: FakeBotApi, clock: ManualClock): Instance {
  const config = createConfig({
    BOT_TOKEN: fake.token,
    TELEGRAM_API_ROOT: fake.apiRoot,
    DATABASE_URL: url,
    DELIVERY_RATE_PER_SEC: String(RATE),
  });
  const dbh = openPostgresDatabase(url, 4);
  const locks = postgresLocks(url, 2);
  const platform = createPlatform({ db: dbh.db, config, clock, log, telegram: offlineTelegram });
  const worker = new DeliveryWorker({ ...platform, instance: () => locks.member() });
  const i = { dbh, locks, platform, worker };
  running.push(i);
  return i;
}

const note = (chatId: number, n: number): OutMessage => ({
  dedupeKey: `test:${chatId}:${n}`,
  chatId,
  userId: null,
  category: 'notice',
  content: { text: `通知 ${n}` },
});

async function drained(p: Platform, timeoutMs: number): Promise<void> {
  await expect
    .poll(
      async () => {
        const c = await p.outbox.counts();
        return c.queued + c.sending;
      },
      { timeout: timeoutMs, interval: 50 },
    )
    .toBe(0);
}

const sends = (fake: FakeBotApi) => fake.calls.filter((c) => c.method === 'sendMessage' && c.ok);

describe('delivery from several instances on one PostgreSQL database', () => {
  it('two instances together never send more than the rate in any second, nor two to one chat within a second', async () => {
    api = await FakeBotApi.start();
    const url = await freshPgUrl();
    const clock = new ManualClock();
    const [a, b] = [instance(url, api, clock), instance(url, api, clock)];
    // 50 residents once each, and 5 staff chats four times each: 70 messages, at least 3.5 s at 20 a second.
    const msgs = [
      ...Array.from({ length: 50 }, (_, i) => note(1000 + i, 1)),
      ...[1, 2, 3, 4].flatMap((n) => [1, 2, 3, 4, 5].map((c) => note(c, n))),
    ];
    await a!.platform.outbox.enqueue(a!.dbh.db, msgs, clock.now());
    a!.worker.start();
    b!.worker.start();
    await drained(a!.platform, 15_000);

    const out = sends(api);
    expect(out).toHaveLength(70);
    // both instances sent: the rate was shared, not left to one of them
    expect(a!.worker.stats.sent).toBeGreaterThan(0);
    expect(b!.worker.stats.sent).toBeGreaterThan(0);
    const perSecond = new Map<number, number>();
    for (const c of out) perSecond.set(Math.floor(c.at / 1000), (perSecond.get(Math.floor(c.at / 1000)) ?? 0) + 1);
    expect(Math.max(...perSecond.values())).toBeLessThanOrEqual(RATE);
    for (const chat of [1, 2, 3, 4, 5]) {
      const at = out.filter((c) => c.chatId === chat).map((c) => c.at);
      expect(at).toHaveLength(4);
      for (let i = 1; i < at.length; i++) expect(at[i]! - at[i - 1]!).toBeGreaterThanOrEqual(1000);
    }
    expect(api.stats.errors429).toBe(0);
  });

  it("an instance that dies mid-send leaves its rows to the others, and the others' rows stay theirs", async () => {
    api = await FakeBotApi.start();
    const url = await freshPgUrl();
    const clock = new ManualClock();
    const a = instance(url, api, clock);
    const b = instance(url, api, clock);
    await a.platform.outbox.enqueue(
      a.dbh.db,
      Array.from({ length: 30 }, (_, i) => note(2000 + i, 1)),
      clock.now(),
    );
    // A claims a batch and dies before sending any of it: its session, and with it its membership, ends.
    const claimed = await a.platform.outbox.claimDue(clock.now(), 10, {
      ratePerSec: RATE,
      wallMs: Date.now(),
      instance: await a.locks.member(),
    });
    expect(claimed).toHaveLength(10);
    // B is alive and has claimed rows of its own: they are not requeued under it.
    const mine = await b.platform.outbox.claimDue(clock.now(), 5, {
      ratePerSec: RATE,
      wallMs: Date.now(),
      instance: await b.locks.member(),
    });
    expect(await b.platform.outbox.requeueOrphans(clock.now())).toBe(0);
    await a.locks.close();
    // The server ends A's session, and frees its lock, a moment after the client hangs up: the worker's next sweep
    // (README: "within 5 seconds") is what puts the rows back.
    await expect.poll(() => b.platform.outbox.requeueOrphans(clock.now()), { timeout: 5000 }).toBe(10);
    expect((await b.platform.outbox.counts()).sending).toBe(mine.length);
    await b.platform.outbox.recordOutcomes(
      mine.map((r) => ({ kind: 'not-started', id: r.id })),
      clock.now(),
    );
    b.worker.start();
    await drained(b.platform, 15_000);
    const out = sends(api);
    expect(out).toHaveLength(30);
    expect(new Set(out.map((c) => c.chatId)).size).toBe(30);
  });

  it('rows claimed before migration 0031 (no instance named) go back to the queue once stuck, and not before', async () => {
    api = await FakeBotApi.start();
    const url = await freshPgUrl();
    const clock = new ManualClock();
    const b = instance(url, api, clock);
    await b.platform.outbox.enqueue(
      b.dbh.db,
      Array.from({ length: 6 }, (_, i) => note(3000 + i, 1)),
      clock.now(),
    );
    // Claimed as instances did before 0031, naming none; then that instance was upgraded away mid-send.
    expect(await b.platform.outbox.claimDue(clock.now(), 6)).toHaveLength(6);
    // An old instance may still be sending them a minute later: they stay its.
    clock.advance(60_000);
    expect(await b.platform.outbox.requeueOrphans(clock.now())).toBe(0);
    clock.advance(UNOWNED_STUCK_MS);
    expect(await b.platform.outbox.requeueOrphans(clock.now())).toBe(6);
    b.worker.start();
    await drained(b.platform, 15_000);
    const out = sends(api);
    expect(out).toHaveLength(6);
    expect(new Set(out.map((c) => c.chatId)).size).toBe(6);
  });
});
