import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { parseHoliday } from '../../../src/features/relief/festivals';
import type { ReliefService } from '../../../src/features/relief/service';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { atTime, bj, linkedRoster, reliefDeliveries, reliefOn, tableSizes } from './support';

let h: DbHandle;
let clock: ManualClock;
let platform: Platform;
let relief: ReliefService;
let at: ReturnType<typeof atTime>;
beforeEach(async () => {
  h = await freshDb();
  clock = new ManualClock(bj('2025-05-20T10:00:00'));
  ({ platform, relief } = reliefOn(h.db, clock));
  at = atTime(clock);
});
afterEach(() => h.close());

const setup = () => linkedRoster(relief, platform, clock);
const deliveries = () => reliefDeliveries(platform.outbox);

describe('the monthly cycle, June 2025 (pickup on the 5th)', () => {
  it(
    'announcement, reminders, no-show offers and the staff summary reach exactly the right people ' +
      'at the right times',
    async () => {
      const { staff, a, b } = await setup();
      const seen = new Map<number, Date>();
      const start = bj('2025-05-31T00:00:00').getTime();
      const end = bj('2025-06-09T00:00:00').getTime();
      // Every half hour, as a scheduler would (more often changes nothing but the run time).
      for (let t = start; t < end; t += 30 * 60_000) {
        const now = new Date(t);
        clock.set(now);
        if (t === bj('2025-06-05T10:00:00').getTime()) await relief.checkIn(staff, a.id, {}, 'code');
        if (t === bj('2025-06-05T19:30:00').getTime()) await relief.promiseLater(502, b.id, '2025-06');
        await relief.runCycle(now);
        for (const d of await deliveries()) if (!seen.has(d.id)) seen.set(d.id, now);
      }
      const all = await deliveries();
      const sent = (prefix: string) =>
        all
          .filter((d) => d.dedupeKey.startsWith(prefix))
          .map((d) => ({ to: d.chatId, at: seen.get(d.id)!.toISOString(), key: d.content.key }));
      const atBj = (local: string) => bj(local).toISOString();
      expect(
        sent('relief:announce:')
          .map((s) => [s.to, s.at])
          .sort(),
      ).toEqual([
        [501, atBj('2025-06-02T09:00:00')],
        [502, atBj('2025-06-02T09:00:00')],
        [503, atBj('2025-06-02T09:00:00')],
      ]);
      expect(
        sent('relief:morning:')
          .map((s) => [s.to, s.at])
          .sort(),
      ).toEqual([
        [501, atBj('2025-06-05T08:00:00')],
        [502, atBj('2025-06-05T08:00:00')],
        [503, atBj('2025-06-05T08:00:00')],
      ]);
      // a collected at 10:00: only b's proxy is reminded in the afternoon and asked in the evening.
      expect(sent('relief:afternoon:')).toEqual([
        { to: 502, at: atBj('2025-06-05T15:00:00'), key: 'relief.notify.afternoonProxy' },
      ]);
      expect(sent('relief:evening:')).toEqual([
        { to: 502, at: atBj('2025-06-05T19:00:00'), key: 'relief.notify.noShowProxy' },
      ]);
      expect(
        sent('relief:collected:')
          .map((s) => s.to)
          .sort(),
      ).toEqual([501, 503]);
      expect(sent('relief:summary:')).toEqual([
        { to: staff, at: atBj('2025-06-06T08:30:00'), key: 'relief.notify.summary' },
      ]);
      const summary = all.find((d) => d.dedupeKey.startsWith('relief:summary:'))!.content.params!;
      expect(summary).toMatchObject({ collected: 1, total: 169, byProxy: 0, missingCount: 168, later: 1 });
      expect(summary.names).toContain(`${b.name}*`);
      // Nothing for July yet, nothing to anyone else, and the morning reminder carries the month's code.
      expect(all.every((d) => [501, 502, 503, staff].includes(d.chatId))).toBe(true);
      const morningA = all.find((d) => d.dedupeKey === `relief:morning:2025-06:${a.id}:501`)!;
      expect(morningA.content.params!.code).toBe(await relief.codeFor(a.id, '2025-06'));
      const offer = all.find((d) => d.dedupeKey.startsWith('relief:evening:'))!;
      expect(offer.content.buttons!.flat().map((x) => x.data)).toEqual([`rl:lt:${b.id}:202506`]);
    },
  );

  it(
    'a job that was down at 08:00 sends the morning reminder when it comes back, ' + 'but not after the afternoon one',
    async () => {
      await setup();
      await relief.runCycle(bj('2025-06-05T16:00:00'));
      const keys = (await deliveries()).map((d) => d.dedupeKey.split(':')[1]);
      expect(keys.filter((k) => k === 'morning')).toEqual([]);
      expect(keys.filter((k) => k === 'afternoon')).toHaveLength(3);
      await relief.runCycle(bj('2025-06-05T16:05:00'));
      expect((await deliveries()).filter((d) => d.dedupeKey.includes(':afternoon:'))).toHaveLength(3);
    },
  );

  it('the no-show offer lets the person themself name a proxy', async () => {
    const { a } = await setup();
    await relief.runCycle(bj('2025-06-05T19:00:00'));
    const mine = (await deliveries()).find((d) => d.dedupeKey === `relief:evening:2025-06:${a.id}:501`)!;
    expect(mine.content.key).toBe('relief.notify.noShow');
    expect(mine.content.buttons!.flat().map((x) => x.data)).toEqual([`rl:lt:${a.id}:202506`, `rl:px:${a.id}`]);
  });
});

describe('the cycle job, run again', () => {
  it('adds no rows anywhere, even after the outbox has forgotten what it sent', async () => {
    await setup();
    const announce = bj('2025-06-02T09:00:00');
    expect(await relief.runCycle(announce)).toBe(3);
    const after = await tableSizes(h.db);
    expect(await relief.runCycle(bj('2025-06-02T09:05:00'))).toBe(0);
    expect(await tableSizes(h.db)).toEqual(after);
    // delivered and pruned after the retention: the record of the stage keeps it from going out again
    const { outbox } = platform;
    const claimed = await outbox.claimDue(announce, 10);
    await outbox.recordOutcomes(
      claimed.map((r, i) => ({ kind: 'sent' as const, id: r.id, messageId: i + 1 })),
      announce,
    );
    expect(await outbox.prune(bj('2025-09-01T00:00:00'))).toBeGreaterThanOrEqual(3);
    const pruned = await tableSizes(h.db);
    expect(await relief.runCycle(bj('2025-06-03T12:00:00'))).toBe(0);
    expect(await tableSizes(h.db)).toEqual(pruned);
  });
});

describe('festivals and settings', () => {
  it('the October 2025 announcement mentions 中秋 and 重阳; September 2025 has none', async () => {
    await setup();
    await relief.runCycle(bj('2025-09-02T09:00:00'));
    await relief.runCycle(bj('2025-10-02T09:00:00'));
    const ann = (await deliveries()).filter((d) => d.dedupeKey.startsWith('relief:announce:') && d.chatId === 501);
    expect(ann.map((d) => d.dedupeKey.split(':')[2])).toEqual(['2025-09', '2025-10']);
    expect(ann[0]!.content.params!.festival).toBe('');
    expect(ann[1]!.content.params!.festival.params.names['zh-CN']).toBe('中秋节、重阳节');
  });

  it('pickups in a festival month are counted as festival extras in the report, and the numbers add up', async () => {
    const { staff, a, b } = await setup();
    await at('2025-10-05T09:00:00', () => relief.checkIn(staff, a.id, {}, 'code'));
    const proxyId = (await relief.proxiesOf(b.id))[0]!.id;
    await at('2025-10-05T09:05:00', () => relief.checkIn(staff, b.id, { proxyId }, 'search'));
    const r = await relief.monthReport('2025-10');
    expect(r).toMatchObject({ total: 169, collectedSelf: 1, collectedByProxy: 1, festivalExtras: 2 });
    expect(r.collectedSelf + r.collectedByProxy + r.notCollected.length).toBe(r.total);
    // asked in English: English headers and statuses (the bot test asks in Chinese)
    const csv = await relief.monthReportCsv('2025-10', platform.i18n.getFixedT('en'));
    expect(csv).toContain(`${b.id},${b.name},`);
    expect(csv).toMatch(new RegExp(`${b.id},${b.name},[^,]+,collected by proxy,2025-10-05 09:05,张红,刘干事,1`));
    expect(csv.split('\r\n').filter((l) => l.includes(',not collected,'))).toHaveLength(167);
  });

  it('moving the pickup day moves the whole cycle', async () => {
    const { staff } = await setup();
    await at('2025-06-01T10:00:00', () => relief.updateSetting(staff, 'day', '10'));
    await relief.runCycle(bj('2025-06-05T08:00:00'));
    expect(await deliveries().then((d) => d.filter((x) => x.dedupeKey.startsWith('relief:morning')))).toEqual([]);
    await relief.runCycle(bj('2025-06-07T09:00:00'));
    expect((await deliveries()).filter((x) => x.dedupeKey.startsWith('relief:announce:2025-06'))).toHaveLength(3);
  });

  it('bad settings and festival lines are refused', async () => {
    const { staff } = await setup();
    await expect(relief.updateSetting(staff, 'day', '31')).rejects.toMatchObject({
      code: 'relief.invalidDay',
    });
    await expect(relief.updateSetting(staff, 'hours', '11:30-09:00')).rejects.toMatchObject({
      code: 'relief.invalidHours',
    });
    expect(await relief.updateSetting(staff, 'hours', '8:30～11：30')).toMatchObject({
      hoursFrom: '08:30',
      hoursTo: '11:30',
    });
    expect(parseHoliday('2026-09-25 中秋节/Mid-Autumn 月饼/Mooncakes')).toEqual({
      date: '2026-09-25',
      nameZh: '中秋节',
      nameEn: 'Mid-Autumn',
      extrasZh: '月饼',
      extrasEn: 'Mooncakes',
    });
    expect(() => parseHoliday('2026-02-30 春节 年货')).toThrow();
  });
});
