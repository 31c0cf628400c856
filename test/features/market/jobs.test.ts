import { CompiledQuery, sql } from 'kysely';
import { beforeEach, describe, expect, it } from 'vitest';
import * as store from '../../../src/features/market/store';
import { rowCounts, testEngine, writeFingerprint } from '../../support/db';
import { at, type MarketBed, marketBed, STAFF } from './support';

// Issue 20 for the market's jobs: each reads only what is due now, records per ticket what it queued, and a second
// run adds nothing anywhere.

let h: MarketBed['h'];
let clock: MarketBed['clock'];
let market: MarketBed['market'];
let resident: MarketBed['resident'];
let newMarket: MarketBed['newMarket'];
let offerOf: MarketBed['offerOf'];
let deliveries: MarketBed['deliveries'];
marketBed((bed) => {
  ({ h, clock, market, resident, newMarket, offerOf, deliveries } = bed);
});

/** Every table's row count, and a number that moves with every write. */
async function footprint() {
  return { counts: await rowCounts(h.db), changes: await writeFingerprint(h.db) };
}

const runJobs = async (now: Date) => (await market.queueReminders(now)) + (await market.queueHoldChecks(now));

describe('the market jobs', () => {
  let id: number;
  beforeEach(async () => {
    for (let u = 100; u < 104; u++) await resident(u);
    id = await newMarket();
    await market.publishMarket(STAFF, id);
    const appl = (await offerOf(id, 'appliance')).id;
    await market.book(100, (await offerOf(id, 'knife')).id, {});
    await market.book(101, appl, { details: '电扇不转' });
    await market.book(102, appl, { details: '台灯不亮' });
  });

  it('a second run right after the first adds no rows anywhere', async () => {
    // The evening before: three reminders.
    expect(await runJobs(at('2026-12-04T18:00:00'))).toBe(3);
    let before = await footprint();
    expect(await runJobs(at('2026-12-04T18:00:00'))).toBe(0);
    expect(await footprint()).toEqual(before);

    // Two weeks after the day: one "did it hold?" question for the fixed repair, and nothing else.
    clock.set(at('2026-12-05T10:00:00'));
    const fixed = (await market.myBookings(101))[0]!;
    await market.recordOutcome(STAFF, fixed.id, 'fixed');
    expect(await runJobs(at('2026-12-19T10:00:00'))).toBe(1);
    before = await footprint();
    expect(await runJobs(at('2026-12-19T10:05:00'))).toBe(0);
    expect(await footprint()).toEqual(before);
  });

  it('a reminder is not queued again after its outbox row was pruned', async () => {
    expect(await market.queueReminders(at('2026-12-04T18:00:00'))).toBe(3);
    // Retention removes delivered rows; the job's own record still says the reminder went.
    await h.db.deleteFrom('deliveries').where('dedupe_key', 'like', 'market:remind-%').execute();
    expect(await market.queueReminders(at('2026-12-04T18:10:00'))).toBe(0);
    expect(await deliveries('market:remind-')).toEqual([]);
  });

  it('a market day moved to another date is reminded again for its new date', async () => {
    expect(await market.queueReminders(at('2026-12-04T18:00:00'))).toBe(3);
    clock.set(at('2026-12-04T19:00:00'));
    await market.changeMarket(STAFF, id, { date: '2026-12-12' });
    expect(await market.queueReminders(at('2026-12-04T19:05:00'))).toBe(0);
    expect(await market.queueReminders(at('2026-12-11T18:00:00'))).toBe(3);
    expect((await deliveries('market:remind-eve')).length).toBe(6);
  });

  it('the "did it hold?" job reads only the open questions, through its partial index', async () => {
    const q = store.holdChecksDueQuery(h.db, '2026-12-05T00:00:00.000Z', 200).compile();
    // PostgreSQL: with sequential scans ruled out, so that a tiny test table does not hide whether the index fits.
    const plan =
      testEngine === 'sqlite'
        ? (await h.db.executeQuery<object>(CompiledQuery.raw(`explain query plan ${q.sql}`, [...q.parameters]))).rows
        : await h.db.transaction().execute(async (trx) => {
            await sql`set local enable_seqscan = off`.execute(trx);
            return (await trx.executeQuery<object>(CompiledQuery.raw(`explain ${q.sql}`, [...q.parameters]))).rows;
          });
    expect(JSON.stringify(plan)).toContain('market_bookings_hold_due');
  });
});
