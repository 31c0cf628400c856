import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../src/db/client';
import { listAudit } from '../../../src/features/audit/store';
import { claimDue, contentOf, deliveryCounts, recordOutcomes } from '../../../src/features/delivery/service';
import * as notices from '../../../src/features/notices/service';
import * as residents from '../../../src/features/residents/service';
import { freshDb } from '../../support/db';

const t0 = new Date('2026-11-29T02:00:00Z'); // 10:00 in Shanghai
const TZ = 'Asia/Shanghai';
let h: DbHandle;
let compounds: Awaited<ReturnType<typeof residents.listCompounds>>;

async function resident(id: number, compound: number, opts: { optOut?: boolean; unreachable?: boolean } = {}) {
  await residents.touchUser(h.db, { id, first_name: `R${id}` }, t0);
  await residents.setHome(h.db, id, compound);
  if (opts.optOut) await residents.setNoticesOptOut(h.db, id, true);
  if (opts.unreachable) await residents.setReachable(h.db, id, false);
}

const draft = (text = '停水通知：明天 8:00-12:00 <维修>', extra: Partial<notices.Draft> = {}): notices.Draft => ({
  key: notices.newDraftKey(),
  text,
  entities: [{ type: 'bold', offset: 0, length: 4 }],
  photo: null,
  ...extra,
});

const rowsOf = (id: number) =>
  h.db.selectFrom('deliveries').selectAll().where('broadcast_id', '=', id).orderBy('user_id').execute();

beforeEach(async () => {
  h = await freshDb();
  await residents.seedDemoPlaces(h.db);
  compounds = await residents.listCompounds(h.db);
  const [a, b] = [compounds[0]!, compounds.find((c) => c.community_id !== compounds[0]!.community_id)!];
  const a2 = compounds.find((c) => c.community_id === a.community_id && c.id !== a.id)!;
  await resident(1, a.id);
  await resident(2, a.id);
  await resident(3, a2.id);
  await resident(4, b.id);
  await resident(5, a.id, { optOut: true });
  await resident(6, b.id, { unreachable: true });
  await residents.grantRole(h.db, null, 100, 'staff', t0);
  await residents.grantRole(h.db, null, 101, 'admin', t0);
  await residents.grantRole(h.db, null, 102, 'deputy', t0);
  await residents.grantRole(h.db, null, 103, 'partner', t0);
  await residents.setNoticesOptOut(h.db, 100, true);
});
afterEach(() => h.close());

describe('audiences', () => {
  it('a notice to everyone reaches every user except those who turned general notices off', async () => {
    expect(await notices.recipientsOf(h.db, { kind: 'all' }, {}, t0)).toEqual([1, 2, 3, 4, 6, 101, 102, 103]);
  });

  it('a notice to one compound reaches only its residents; to a community, all of its compounds', async () => {
    const a = compounds[0]!;
    expect(await notices.recipientsOf(h.db, { kind: 'compound', id: a.id }, {}, t0)).toEqual([1, 2]);
    expect(await notices.recipientsOf(h.db, { kind: 'community', id: a.community_id }, {}, t0)).toEqual([1, 2, 3]);
  });

  it('a message to staff reaches staff and admins even if they turned general notices off', async () => {
    expect(await notices.recipientsOf(h.db, { kind: 'role', role: 'staff' }, {}, t0)).toEqual([100, 101]);
    expect(await notices.recipientsOf(h.db, { kind: 'role', role: 'deputy' }, {}, t0)).toEqual([102]);
    expect(await notices.recipientsOf(h.db, { kind: 'role', role: 'partner' }, {}, t0)).toEqual([103]);
  });

  it("another area's audience is used as that area names it, once each, and opt-out does not apply (it is about their own booking)", async () => {
    const areas = { 'market.booked': { labelKey: 'notices.audience.all', userIds: async () => [5, 2, 5] } };
    expect(await notices.recipientsOf(h.db, { kind: 'area', key: 'market.booked' }, areas, t0)).toEqual([2, 5]);
    expect(notices.categoryOf({ kind: 'area', key: 'market.booked' })).toBe('personal');
    await expect(
      notices.recipientsOf(h.db, { kind: 'area', key: 'relief.recipients' }, areas, t0),
    ).rejects.toBeInstanceOf(notices.UnknownAudience);
  });

  it('the preview counts who blocked the bot and who opted out', async () => {
    const s = await notices.summarizeAudience(h.db, { kind: 'all' }, {}, t0);
    expect(s).toEqual({ recipients: 8, unreachable: 1, optedOut: 2 });
  });

  it('a compound that does not exist is refused', async () => {
    await expect(notices.recipientsOf(h.db, { kind: 'compound', id: 999 }, {}, t0)).rejects.toBeInstanceOf(
      notices.UnknownAudience,
    );
  });

  it('audience codes read back to the same audience and nothing else parses', () => {
    for (const a of [
      { kind: 'all' },
      { kind: 'community', id: 3 },
      { kind: 'compound', id: 7 },
      { kind: 'role', role: 'deputy' },
      { kind: 'area', key: 'relief.recipients' },
    ] as notices.Audience[]) {
      expect(notices.parseAudience(notices.audienceCode(a))).toEqual(a);
    }
    for (const bad of ['', 'everyone', 'role:admin', 'compound:x', 'x:../../etc', 'community:1 or 1=1'])
      expect(notices.parseAudience(bad)).toBeNull();
  });
});

describe('confirming a broadcast', () => {
  it('writes one outbox row per recipient with its own dedupe key, the staff text as written, and an audit entry', async () => {
    const d = draft();
    const r = await notices.createBroadcast(
      h.db,
      { draft: d, actorId: 100, audience: { kind: 'all' }, sendAt: null, progressMessageId: 55 },
      {},
      t0,
    );
    expect(r.recipients).toBe(8);
    const rows = await rowsOf(r.id);
    expect(rows.map((x) => x.user_id)).toEqual([1, 2, 3, 4, 6, 101, 102, 103]);
    expect(rows.map((x) => x.dedupe_key)).toEqual(rows.map((x) => `notice:${r.id}:${x.user_id}`));
    expect(rows.every((x) => x.chat_id === x.user_id && x.category === 'notice' && x.state === 'queued')).toBe(true);
    expect(await contentOf(h.db, rows[0]!)).toEqual({ text: d.text, entities: d.entities });
    const b = await notices.findBroadcast(h.db, r.id);
    expect(b).toMatchObject({
      created_by: 100,
      audience: 'all',
      recipients: 8,
      state: 'active',
      progress_message_id: 55,
    });
    const [audit] = await listAudit(h.db, { action: 'notices.broadcast.create' });
    expect(audit).toMatchObject({ actorId: 100, subject: `broadcast:${r.id}` });
    expect(JSON.parse(audit!.details)).toMatchObject({
      audience: 'all',
      recipients: 8,
      text: d.text,
      scheduled: false,
    });
  });

  it('a photo notice keeps the photo and its caption formatting', async () => {
    const d = draft('照片说明', { photo: 'FILE123' });
    const r = await notices.createBroadcast(
      h.db,
      { draft: d, actorId: 100, audience: { kind: 'role', role: 'deputy' }, sendAt: null, progressMessageId: null },
      {},
      t0,
    );
    const [row] = await rowsOf(r.id);
    expect(row!.category).toBe('staff');
    expect(await contentOf(h.db, row!)).toEqual({ text: '照片说明', entities: d.entities, photo: 'FILE123' });
  });

  it('the same preview confirmed twice is sent only once', async () => {
    const d = draft();
    const r = await notices.createBroadcast(
      h.db,
      { draft: d, actorId: 100, audience: { kind: 'all' }, sendAt: null, progressMessageId: null },
      {},
      t0,
    );
    await expect(
      notices.createBroadcast(
        h.db,
        { draft: d, actorId: 100, audience: { kind: 'all' }, sendAt: null, progressMessageId: null },
        {},
        t0,
      ),
    ).rejects.toBeInstanceOf(notices.AlreadyConfirmed);
    expect((await deliveryCounts(h.db)).queued).toBe(8);
    expect(await listAudit(h.db, { action: 'notices.broadcast.create' })).toHaveLength(1);
    expect(r.id).toBe(1);
  });

  it('an audience with nobody in it is refused and writes nothing', async () => {
    const empty = compounds.at(-1)!;
    await expect(
      notices.createBroadcast(
        h.db,
        {
          draft: draft(),
          actorId: 100,
          audience: { kind: 'compound', id: empty.id },
          sendAt: null,
          progressMessageId: null,
        },
        {},
        t0,
      ),
    ).rejects.toBeInstanceOf(notices.NoRecipients);
    expect(await notices.findBroadcast(h.db, 1)).toBeUndefined();
    expect((await deliveryCounts(h.db)).queued).toBe(0);
  });

  it('formatting that only works in the staff chat (mentions of users, custom emoji) is dropped, the rest kept', () => {
    expect(
      notices.keepEntities([
        { type: 'bold', offset: 0, length: 2 },
        { type: 'text_link', offset: 3, length: 2, url: 'https://example.org' },
        { type: 'text_mention', offset: 6, length: 2 },
        { type: 'custom_emoji', offset: 9, length: 2, custom_emoji_id: '1' },
      ]),
    ).toEqual([
      { type: 'bold', offset: 0, length: 2 },
      { type: 'text_link', offset: 3, length: 2, url: 'https://example.org' },
    ]);
  });
});

describe('scheduled broadcasts', () => {
  const at = new Date(t0.getTime() + 3 * 3600_000);

  it('are not due before their time and all due after it', async () => {
    const r = await notices.createBroadcast(
      h.db,
      { draft: draft(), actorId: 100, audience: { kind: 'all' }, sendAt: at, progressMessageId: 9 },
      {},
      t0,
    );
    expect(await claimDue(h.db, new Date(at.getTime() - 1000), 100)).toEqual([]);
    expect(await notices.scheduledBroadcasts(h.db, t0)).toHaveLength(1);
    expect(await notices.runningBroadcasts(h.db, t0)).toHaveLength(0);
    // the progress message comes when sending starts, not on the confirmation message
    expect((await notices.findBroadcast(h.db, r.id))?.progress_message_id).toBeNull();
    const due = await claimDue(h.db, at, 100);
    expect(due.map((x) => x.user_id).sort((a, b) => a! - b!)).toEqual([1, 2, 3, 4, 6, 101, 102, 103]);
    expect(await notices.runningBroadcasts(h.db, at)).toHaveLength(1);
  });

  it('a time in the past is refused at confirmation', async () => {
    await expect(
      notices.createBroadcast(
        h.db,
        {
          draft: draft(),
          actorId: 100,
          audience: { kind: 'all' },
          sendAt: new Date(t0.getTime() - 60_000),
          progressMessageId: null,
        },
        {},
        t0,
      ),
    ).rejects.toBeInstanceOf(notices.TimeInPast);
  });

  it('cancelling one skips every row, is audited, and cannot be done twice', async () => {
    const r = await notices.createBroadcast(
      h.db,
      { draft: draft(), actorId: 100, audience: { kind: 'all' }, sendAt: at, progressMessageId: null },
      {},
      t0,
    );
    expect(await notices.stopBroadcast(h.db, r.id, 101, t0)).toEqual({ kind: 'cancelled', rows: 8 });
    expect(await deliveryCounts(h.db, r.id)).toMatchObject({ queued: 0, skipped: 8 });
    expect(await claimDue(h.db, at, 100)).toEqual([]);
    expect(await notices.findBroadcast(h.db, r.id)).toMatchObject({ state: 'cancelled', stopped_by: 101 });
    expect(await notices.scheduledBroadcasts(h.db, t0)).toHaveLength(0);
    await expect(notices.stopBroadcast(h.db, r.id, 101, t0)).rejects.toBeInstanceOf(notices.NotRunning);
    expect(await listAudit(h.db, { action: 'notices.broadcast.cancel' })).toHaveLength(1);
  });

  it('the date and time are read in the deployment time zone; past, far and garbled times are refused', () => {
    expect(notices.parseSendAt('2026-11-30 09:00', TZ, t0).toISOString()).toBe('2026-11-30T01:00:00.000Z');
    expect(notices.parseSendAt('2026/12/1 9:05', TZ, t0).toISOString()).toBe('2026-12-01T01:05:00.000Z');
    expect(notices.parseSendAt('2026-11-29 10：30', TZ, t0).toISOString()).toBe('2026-11-29T02:30:00.000Z');
    expect(() => notices.parseSendAt('2026-11-29 09:59', TZ, t0)).toThrow(notices.TimeInPast);
    expect(() => notices.parseSendAt('2027-06-01 09:00', TZ, t0)).toThrow(notices.TooFarAhead);
    for (const bad of ['明天上午', '2026-02-30 09:00', '2026-12-01 25:00', '09:00', ''])
      expect(() => notices.parseSendAt(bad, TZ, t0)).toThrow(notices.BadTime);
  });
});

describe('running and finishing', () => {
  it('stopping a running broadcast skips what is left; the final report counts unreachable apart from failures and is queued once', async () => {
    const r = await notices.createBroadcast(
      h.db,
      { draft: draft(), actorId: 100, audience: { kind: 'all' }, sendAt: null, progressMessageId: 7 },
      {},
      t0,
    );
    const claimed = await claimDue(h.db, t0, 4); // users 1, 2, 3, 4
    await recordOutcomes(
      h.db,
      [
        { kind: 'sent', id: claimed[0]!.id, messageId: 1 },
        { kind: 'sent', id: claimed[1]!.id, messageId: 2 },
        { kind: 'chat-not-found', id: claimed[2]!.id },
        { kind: 'blocked', id: claimed[3]!.id, userId: claimed[3]!.user_id },
      ],
      t0,
    );
    const b = (await notices.findBroadcast(h.db, r.id))!;
    expect(await notices.finishBroadcast(h.db, b, {}, t0)).toBeNull(); // four still queued
    expect(await notices.stopBroadcast(h.db, r.id, 100, t0)).toEqual({ kind: 'stopped', rows: 4 });
    const stopped = (await notices.findBroadcast(h.db, r.id))!;
    expect(await notices.finishBroadcast(h.db, stopped, {}, t0)).toMatchObject({
      sent: 2,
      failed: 1,
      unreachable: 1,
      skipped: 4,
    });
    expect(await notices.finishBroadcast(h.db, stopped, {}, t0)).toBeNull();
    expect(await notices.findBroadcast(h.db, r.id)).toMatchObject({
      state: 'done',
      sent: 2,
      failed: 1,
      unreachable: 1,
      skipped: 4,
    });
    const reports = await h.db
      .selectFrom('deliveries')
      .selectAll()
      .where('dedupe_key', '=', `notice:report:${r.id}`)
      .execute();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ chat_id: 100, category: 'staff', broadcast_id: null });
    expect(await contentOf(h.db, reports[0]!)).toMatchObject({
      key: 'notices.report.finalStopped',
      params: { sent: 2, failed: 1, unreachable: 1, stopped: 4, recipients: 8 },
    });
    const [finish] = await listAudit(h.db, { action: 'notices.broadcast.finish' });
    expect(JSON.parse(finish!.details)).toMatchObject({
      sent: 2,
      failed: 1,
      unreachable: 1,
      stopped: 4,
      by: 100,
      stoppedBy: 100,
    });
  });

  it('the list shows live counts while a broadcast runs and the recorded ones after', async () => {
    const r1 = await notices.createBroadcast(
      h.db,
      {
        draft: draft('一'),
        actorId: 100,
        audience: { kind: 'role', role: 'deputy' },
        sendAt: null,
        progressMessageId: null,
      },
      {},
      t0,
    );
    const [row] = await claimDue(h.db, t0, 10);
    await recordOutcomes(h.db, [{ kind: 'sent', id: row!.id, messageId: 1 }], t0);
    await notices.finishBroadcast(h.db, (await notices.findBroadcast(h.db, r1.id))!, {}, t0);
    const r2 = await notices.createBroadcast(
      h.db,
      { draft: draft('二'), actorId: 100, audience: { kind: 'all' }, sendAt: null, progressMessageId: null },
      {},
      t0,
    );
    const list = await notices.listBroadcasts(h.db, 0, 5);
    expect(list.items.map((i) => [i.row.id, i.counts])).toEqual([
      [r2.id, { sent: 0, failed: 0, unreachable: 0, stopped: 0, left: 8 }],
      [r1.id, { sent: 1, failed: 0, unreachable: 0, stopped: 0, left: 0 }],
    ]);
  });
});
