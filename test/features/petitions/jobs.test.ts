import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { seedDemoPetitions } from '../../../src/features/petitions/demo';
import type { PetitionsPolicy } from '../../../src/features/petitions/policy';
import { type Actor, createPetitionsService, type PetitionsService } from '../../../src/features/petitions/service';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { createResidentsService } from '../../../src/features/residents/service';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';

// Issue 20 items 1 and 2: the petitions' scheduled jobs do work proportional to what is due now, record what they
// queued, and a second run right after the first writes nothing anywhere.

const t0 = new Date('2026-05-04T02:00:00Z');
const DAY = 86_400_000;
const at = (days: number) => new Date(t0.getTime() + days * DAY);
const policy: PetitionsPolicy = { ackDays: 3, answerDays: 15, dailyLimit: 50, timezone: 'Asia/Shanghai' };
const STAFF = 1;
const DEPUTY = 10;
const deputy: Actor = { id: DEPUTY, roles: new Set(['deputy']) };

let h: DbHandle;
let clock: ManualClock;
let platform: Platform;
let petitions: PetitionsService;

beforeEach(async () => {
  h = await freshDb();
  clock = new ManualClock(t0);
  platform = testPlatform(h.db, { clock });
  const residents = createResidentsService(platform);
  petitions = createPetitionsService(platform, { residents }, policy);
  await seedDemoPlaces(h.db);
  await seedDemoPetitions(platform, residents, policy);
  await h.db.deleteFrom('petition_events').execute();
  await h.db.deleteFrom('petition_followers').execute();
  await h.db.deleteFrom('petitions').execute();
  const compound = (await residents.compounds()).find((c) => c.nameZh === '肖明组')!;
  for (const [id, name] of [
    [STAFF, '小张'],
    [DEPUTY, '周代表'],
  ] as const)
    await platform.identity.touch({ id, first_name: name });
  await platform.identity.grant(null, STAFF, 'staff');
  await platform.identity.grant(null, DEPUTY, 'deputy');
  await petitions.assignDeputy(null, DEPUTY, compound.communityId, null);
  for (let id = 100; id < 110; id++) {
    await platform.identity.touch({ id, first_name: `居民${id}` });
    await residents.setHome(id, compound.id);
  }
});
afterEach(() => h.close());

const file = (userId: number, place: string) =>
  petitions.file(userId, {
    category: 'roads',
    place,
    latitude: null,
    longitude: null,
    description: `${place}积水`,
    photos: [],
    showName: false,
  });

/**
 * Rows in every table, and every write this connection has made (SQLite's total_changes; PostgreSQL has no such
 * count, so there it is every table's content, which shows any change but not a write of the same values).
 */
async function footprint() {
  const tables = (await h.db.introspection.getTables()).map((t) => t.name);
  const rows: Record<string, number> = {};
  for (const name of tables)
    rows[name] = Number(
      (await sql<{ n: number }>`select count(*) as n from ${sql.table(name)}`.execute(h.db)).rows[0]!.n,
    );
  if (h.engine === 'postgres') {
    const contents: string[] = [];
    for (const name of tables) {
      const q = sql<{ d: string }>`select md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as d
        from ${sql.table(name)} t`;
      contents.push((await q.execute(h.db)).rows[0]!.d);
    }
    return { rows, writes: contents.join(',') };
  }
  const writes = Number((await sql<{ n: number }>`select total_changes() as n`.execute(h.db)).rows[0]!.n);
  return { rows, writes: String(writes) };
}

describe('the deadlines job', () => {
  it('running the deadlines job twice in a row adds no rows anywhere the second time', async () => {
    const late = await file(100, '肖明组涵洞'); // nobody acknowledges it: escalated
    const soon = await file(101, '肖明组路灯');
    await petitions.acknowledge(deputy, soon.id); // acknowledged: only the answer reminder lies ahead
    clock.set(at(2.5));
    await file(102, '肖明组水塔'); // filed later: nothing due yet
    await petitions.checkDeadlines(at(2.5)); // the ack reminder for the first
    const now = at(12.5);
    clock.set(now);
    expect(await petitions.checkDeadlines(now)).toBeGreaterThan(0); // escalations and reminders
    expect((await platform.outbox.list({})).some((d) => d.dedupeKey.startsWith(`petitions:late-ack:${late.id}`))).toBe(
      true,
    );
    const before = await footprint();
    expect(await petitions.checkDeadlines(now)).toBe(0);
    expect(await petitions.checkDeadlines(new Date(now.getTime() + 600_000))).toBe(0); // ten minutes later
    expect(await footprint()).toEqual(before); // no row added, nothing written at all
    // the area's other job: last month's figures, once
    await petitions.sendMonthlyStats(now);
    const between = await footprint();
    await petitions.sendMonthlyStats(now);
    expect(await footprint()).toEqual(between);
  });

  it('an escalation is never queued again after the outbox pruned its row', async () => {
    const p = await file(100, '肖明组涵洞');
    expect(await petitions.checkDeadlines(at(3.1))).toBeGreaterThan(0);
    await h.db.deleteFrom('deliveries').execute(); // retention removed the old rows
    expect(await petitions.checkDeadlines(at(3.2))).toBe(0);
    expect(await petitions.checkDeadlines(at(20))).toBe(2); // the answer limit: staff alerted, the petitioner told
    const alerts = await h.db.selectFrom('petition_alerts').selectAll().where('petition_id', '=', p.id).execute();
    // a reminder that would come after its limit is not sent
    expect(alerts.map((a) => a.kind).sort()).toEqual(['late-ack', 'late-answer']);
  });

  it('a run looks only at petitions whose next alert is due, through the partial index', async () => {
    for (let i = 0; i < 40; i++) await file(100 + (i % 10), `肖明组 ${i} 号楼`);
    const before = await footprint();
    expect(await petitions.checkDeadlines(at(1))).toBe(0); // nothing due a day after filing
    expect((await footprint()).writes).toBe(before.writes);
    const due = sql`select * from petitions where alert_due_at is not null and alert_due_at <= ${at(1).toISOString()}
      order by alert_due_at limit 500`;
    // PostgreSQL: with sequential scans ruled out, so that a tiny test table does not hide whether the index fits.
    const plan =
      h.engine === 'sqlite'
        ? (await sql<object>`explain query plan ${due}`.execute(h.db)).rows
        : await h.db.transaction().execute(async (trx) => {
            await sql`set local enable_seqscan = off`.execute(trx);
            return (await sql<object>`explain ${due}`.execute(trx)).rows;
          });
    expect(JSON.stringify(plan)).toContain('petitions_alert_due');
  });

  it('shared facts (staff, deputies) are looked up once per run, however many petitions are due', async () => {
    for (let i = 0; i < 8; i++) await file(100 + i, `肖明组 ${i} 号楼`);
    const staff = vi.spyOn(platform.identity, 'staffAndAdmins');
    const deputies = vi.spyOn(platform.identity, 'withRoles');
    expect(await petitions.checkDeadlines(at(3.1))).toBeGreaterThan(8);
    expect(staff).toHaveBeenCalledTimes(1);
    expect(deputies.mock.calls.length).toBeLessThanOrEqual(1);
  });

  it('a reopened petition is watched again in its new round', async () => {
    const p = await file(100, '肖明组涵洞');
    clock.set(at(1));
    await petitions.setStatus(deputy, p.id, { status: 'resolved', note: '已疏通' });
    clock.set(at(2));
    await petitions.giveFeedback(p.id, 100, 'no');
    expect(await petitions.checkDeadlines(at(10))).toBe(0);
    expect(await petitions.checkDeadlines(at(14.5))).toBe(1); // the deputy is reminded of the new answer limit
    expect(await petitions.checkDeadlines(at(17.1))).toBe(2); // staff alerted, the petitioner told
    expect(await petitions.checkDeadlines(at(30))).toBe(0);
  });
});
