import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { BadTime, NotRunning, TimeInPast, TooFarAhead } from '../../../src/features/notices/errors';
import { parseSendAt } from '../../../src/features/notices/policy';
import { listAudit } from '../../../src/identity';
import { create, draft, noticesWorld, t0, type World } from './world';

const TZ = 'Asia/Shanghai';
let w: World;
beforeEach(async () => {
  w = await noticesWorld();
});
afterEach(() => w.h.close());

describe('scheduled broadcasts', () => {
  const at = new Date(t0.getTime() + 3 * 3600_000);

  it('are not due before their time and all due after it', async () => {
    const r = await create(w, draft(), { kind: 'all' }, { sendAt: at, progressMessageId: 9 });
    expect(await w.platform.outbox.claimDue(new Date(at.getTime() - 1000), 100)).toEqual([]);
    expect(await w.notices.scheduled(t0)).toHaveLength(1);
    expect(await w.notices.running(t0)).toHaveLength(0);
    // the progress message comes when sending starts, not on the confirmation message
    expect((await w.notices.broadcast(r.id))?.progressMessageId).toBeNull();
    const due = await w.platform.outbox.claimDue(at, 100);
    expect(due.map((x) => x.userId).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 6, 101, 102, 103]);
    expect(await w.notices.running(at)).toHaveLength(1);
  });

  it('a time in the past is refused at confirmation', async () => {
    await expect(
      create(w, draft(), { kind: 'all' }, { sendAt: new Date(t0.getTime() - 60_000) }),
    ).rejects.toBeInstanceOf(TimeInPast);
  });

  it('cancelling one skips every row, is audited, and cannot be done twice', async () => {
    const r = await create(w, draft(), { kind: 'all' }, { sendAt: at });
    expect(await w.notices.stopBroadcast(r.id, 101)).toEqual({ kind: 'cancelled', rows: 8 });
    expect(await w.platform.outbox.counts(r.id)).toMatchObject({ queued: 0, skipped: 8 });
    expect(await w.platform.outbox.claimDue(at, 100)).toEqual([]);
    expect(await w.notices.broadcast(r.id)).toMatchObject({ state: 'cancelled', stoppedBy: 101 });
    expect(await w.notices.scheduled(t0)).toHaveLength(0);
    await expect(w.notices.stopBroadcast(r.id, 101)).rejects.toBeInstanceOf(NotRunning);
    expect(await listAudit(w.h.db, { action: 'notices.broadcast.cancel' })).toHaveLength(1);
  });

  it('the date and time are read in the deployment time zone; past, far and garbled times are refused', () => {
    expect(parseSendAt('2026-11-30 09:00', TZ, t0).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(parseSendAt('2026/12/1 9:05', TZ, t0).toISOString()).toBe('2026-12-01T01:05:00.000Z');
    expect(parseSendAt('2026-11-29 10：30', TZ, t0).toISOString()).toBe('2026-11-29T02:30:00.000Z');
    expect(() => parseSendAt('2026-11-29 09:59', TZ, t0)).toThrow(TimeInPast);
    expect(() => parseSendAt('2027-06-01 09:00', TZ, t0)).toThrow(TooFarAhead);
    for (const bad of ['明天上午', '2026-02-30 09:00', '2026-12-01 25:00', '09:00', ''])
      expect(() => parseSendAt(bad, TZ, t0)).toThrow(BadTime);
  });
});

describe('running and finishing', () => {
  it(
    'stopping a running broadcast skips what is left; ' +
      'the final report counts unreachable apart from failures and is queued once',
    async () => {
      const { outbox } = w.platform;
      const r = await create(w, draft(), { kind: 'all' }, { progressMessageId: 7 });
      const claimed = await outbox.claimDue(t0, 4); // users 1, 2, 3, 4
      await outbox.recordOutcomes(
        [
          { kind: 'sent', id: claimed[0]!.id, messageId: 1 },
          { kind: 'sent', id: claimed[1]!.id, messageId: 2 },
          { kind: 'chat-not-found', id: claimed[2]!.id },
          { kind: 'blocked', id: claimed[3]!.id, userId: claimed[3]!.userId },
        ],
        t0,
      );
      const b = (await w.notices.broadcast(r.id))!;
      expect(await w.notices.finishBroadcast(b)).toBeNull(); // four still queued
      expect(await w.notices.stopBroadcast(r.id, 100)).toEqual({ kind: 'stopped', rows: 4 });
      // the sender drops what it had claimed of it but not yet sent
      expect(w.telegram.forgotten).toEqual([r.id]);
      const stopped = (await w.notices.broadcast(r.id))!;
      expect(await w.notices.finishBroadcast(stopped)).toMatchObject({
        sent: 2,
        failed: 1,
        unreachable: 1,
        skipped: 4,
      });
      expect(await w.notices.finishBroadcast(stopped)).toBeNull();
      expect(await w.notices.broadcast(r.id)).toMatchObject({
        state: 'done',
        sent: 2,
        failed: 1,
        unreachable: 1,
        skipped: 4,
      });
      const reports = await outbox.list({ dedupeKey: `notice:report:${r.id}` });
      expect(reports).toHaveLength(1);
      expect(reports[0]).toMatchObject({ chatId: 100, category: 'staff', broadcastId: null });
      expect(reports[0]!.content).toMatchObject({
        key: 'notices.report.finalStopped',
        params: { sent: 2, failed: 1, unreachable: 1, stopped: 4, recipients: 8 },
      });
      const [finish] = await listAudit(w.h.db, { action: 'notices.broadcast.finish' });
      expect(JSON.parse(finish!.details)).toMatchObject({
        sent: 2,
        failed: 1,
        unreachable: 1,
        stopped: 4,
        by: 100,
        stoppedBy: 100,
      });
    },
  );

  it('the list shows live counts while a broadcast runs and the recorded ones after', async () => {
    const r1 = await create(w, draft('一'), { kind: 'role', role: 'deputy' });
    const [row] = await w.platform.outbox.claimDue(t0, 10);
    await w.platform.outbox.recordOutcomes([{ kind: 'sent', id: row!.id, messageId: 1 }], t0);
    await w.notices.finishBroadcast((await w.notices.broadcast(r1.id))!);
    const r2 = await create(w, draft('二'), { kind: 'all' });
    const list = await w.notices.list(0, 5);
    expect(list.items.map((i) => [i.broadcast.id, i.counts])).toEqual([
      [r2.id, { sent: 0, failed: 0, unreachable: 0, stopped: 0, left: 8 }],
      [r1.id, { sent: 1, failed: 0, unreachable: 0, stopped: 0, left: 0 }],
    ]);
  });
});
