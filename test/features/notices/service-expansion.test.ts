import { afterEach, describe, expect, it } from 'vitest';
import type { Db } from '../../../src/db/schema';
import { rowCounts } from '../../support/db';
import { create, draft, noticesWorld, rowsOf, t0, type World } from './world';

// Broadcast fan-out in batches (issue 20): the confirmation writes the broadcast, its audience and the first batch;
// the job makes the rest, a batch per transaction; progress reads the counters on the broadcast row.

let w: World;
afterEach(() => w.h.close());

/** Rows in every table: a job run that adds nothing leaves these as they were. */
const tableSizes = (db: Db) => rowCounts(db);

describe('a broadcast to more people than one batch', () => {
  it('confirming makes only the first batch; the job makes the rest, each recipient once, in id order', async () => {
    w = await noticesWorld({ expandBatch: 3 });
    const r = await create(w, draft(), { kind: 'all' }, { progressMessageId: 5 });
    expect(r.recipients).toBe(8);
    expect((await rowsOf(w, r.id)).map((x) => x.userId)).toEqual([1, 2, 3]);
    expect(r).toMatchObject({ expandAfter: 3, expandedAt: null });
    // the recipients not yet made wait like queued ones: progress says 8 left, and nothing is finished
    expect(await w.notices.progress(r.id)).toMatchObject({ queued: 8, sent: 0 });
    expect(await w.notices.finishBroadcast(r)).toBeNull();

    expect(await w.notices.expandPending(t0)).toBe(2);
    const rows = await rowsOf(w, r.id);
    expect(rows.map((x) => x.userId)).toEqual([1, 2, 3, 4, 6, 101, 102, 103]);
    expect(new Set(rows.map((x) => x.dedupeKey)).size).toBe(8);
    expect(await w.notices.broadcast(r.id)).toMatchObject({ recipients: 8, expandedAt: t0.toISOString() });
    // a second run finds nothing to do and writes nothing anywhere
    const before = await tableSizes(w.h.db);
    expect(await w.notices.expandPending(t0)).toBe(0);
    expect(await tableSizes(w.h.db)).toEqual(before);
  });

  it('progress is read from counters the outbox moves as outcomes are recorded', async () => {
    w = await noticesWorld();
    const { outbox } = w.platform;
    const r = await create(w, draft(), { kind: 'all' });
    const claimed = await outbox.claimDue(t0, 5);
    expect(await w.notices.progress(r.id)).toMatchObject({ queued: 3, sending: 5 });
    await outbox.recordOutcomes(
      [
        { kind: 'sent', id: claimed[0]!.id, messageId: 1 },
        { kind: 'sent', id: claimed[1]!.id, messageId: 2 },
        { kind: 'chat-not-found', id: claimed[2]!.id },
        { kind: 'blocked', id: claimed[3]!.id, userId: claimed[3]!.userId },
        { kind: 'rate-limited', id: claimed[4]!.id, retryAfterSec: 5 },
      ],
      t0,
    );
    const c = await w.notices.progress(r.id);
    expect(c).toEqual({ queued: 4, sending: 0, sent: 2, failed: 1, unreachable: 1, skipped: 0 });
    // the counters agree with a count over the rows, which progress no longer does
    expect(await outbox.counts(r.id)).toEqual(c);
  });

  it('stopping half way makes no more rows; those never made count as not sent, and the report adds up', async () => {
    w = await noticesWorld({ expandBatch: 3 });
    const r = await create(w, draft(), { kind: 'all' }, { progressMessageId: 5 });
    const [first] = await w.platform.outbox.claimDue(t0, 1);
    await w.platform.outbox.recordOutcomes([{ kind: 'sent', id: first!.id, messageId: 1 }], t0);
    // two queued rows are stopped, five recipients never get a row
    expect(await w.notices.stopBroadcast(r.id, 100)).toEqual({ kind: 'stopped', rows: 7 });
    expect(await w.notices.expandPending(t0)).toBe(0);
    expect(await rowsOf(w, r.id)).toHaveLength(3);
    const stopped = (await w.notices.broadcast(r.id))!;
    expect(await w.notices.finishBroadcast(stopped)).toMatchObject({ sent: 1, skipped: 7 });
    expect(await w.notices.broadcast(r.id)).toMatchObject({ state: 'done', recipients: 8, sent: 1, skipped: 7 });
  });

  it('a scheduled broadcast cancelled before its batches are made never makes them', async () => {
    w = await noticesWorld({ expandBatch: 3 });
    const r = await create(w, draft(), { kind: 'all' }, { sendAt: new Date(t0.getTime() + 3600_000) });
    expect(await w.notices.stopBroadcast(r.id, 100)).toEqual({ kind: 'cancelled', rows: 8 });
    expect(await w.notices.expandPending(t0)).toBe(0);
    expect(await rowsOf(w, r.id)).toHaveLength(3);
    expect(await w.notices.broadcast(r.id)).toMatchObject({ state: 'cancelled', skipped: 8 });
  });

  it('the progress job with nothing running adds no rows, and twice after a finish adds none either', async () => {
    w = await noticesWorld();
    const r = await create(w, draft(), { kind: 'role', role: 'deputy' });
    const [row] = await w.platform.outbox.claimDue(t0, 10);
    await w.platform.outbox.recordOutcomes([{ kind: 'sent', id: row!.id, messageId: 1 }], t0);
    expect(await w.notices.finishBroadcast((await w.notices.broadcast(r.id))!)).not.toBeNull();
    const before = await tableSizes(w.h.db);
    expect(await w.notices.finishBroadcast((await w.notices.broadcast(r.id))!)).toBeNull();
    expect(await w.notices.expandPending(t0)).toBe(0);
    expect(await w.notices.running(t0)).toEqual([]);
    expect(await tableSizes(w.h.db)).toEqual(before);
  });
});
