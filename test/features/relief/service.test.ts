import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../src/db/client';
import { reliefFeature } from '../../../src/features/relief';
import { checkIn, findForCheckin, promiseLater } from '../../../src/features/relief/checkin';
import { runCycle } from '../../../src/features/relief/cycle';
import * as linking from '../../../src/features/relief/linking';
import { monthReport, monthReportCsv } from '../../../src/features/relief/report';
import { importRoster, listRoster } from '../../../src/features/relief/roster';
import { codeFor, parseHoliday, seedFestivals, updateSetting } from '../../../src/features/relief/settings';
import { freshDb } from '../../support/db';
import { bj, person, policy, reliefDeliveries, rosterCsv } from './support';

let h: DbHandle;
beforeEach(async () => {
  h = await freshDb();
});
afterEach(() => h.close());

const TZ = 'Asia/Shanghai';

async function setup() {
  await importRoster(h.db, null, rosterCsv(), bj('2025-05-20T10:00:00'));
  await seedFestivals(h.db);
  const staff = await person(h.db, 900, '刘干事', 'staff');
  const [a, b, c] = (await listRoster(h.db)).slice(0, 3) as [any, any, any];
  // a links themself, then names a proxy who opens their own link; b has no Telegram but a family member links as proxy.
  const la = await linking.createRecipientLink(h.db, staff, a.id, bj('2025-05-25T10:00:00'));
  await person(h.db, 501, 'A');
  await linking.redeemLink(h.db, 501, la.code, null, bj('2025-05-25T11:00:00'));
  const pa = await linking.nameProxy(h.db, 501, a.id, '李明', bj('2025-05-25T12:00:00'));
  await person(h.db, 503, 'A的儿子');
  await linking.redeemLink(h.db, 503, pa.code, null, bj('2025-05-25T13:00:00'));
  const lb = await linking.createRecipientLink(h.db, staff, b.id, bj('2025-05-26T10:00:00'));
  await person(h.db, 502, 'B的女儿');
  await linking.redeemLink(h.db, 502, lb.code, '张红', bj('2025-05-26T11:00:00'));
  return { staff, a, b, c };
}

describe('linking', () => {
  it('a staff link works once; the second person to open it is refused', async () => {
    const { staff, c } = await setup();
    const l = await linking.createRecipientLink(h.db, staff, c.id, bj('2025-06-01T10:00:00'));
    await person(h.db, 601, 'C');
    await person(h.db, 602, 'X');
    await linking.redeemLink(h.db, 601, l.code, null, bj('2025-06-01T10:05:00'));
    await expect(linking.redeemLink(h.db, 602, l.code, null, bj('2025-06-01T10:06:00'))).rejects.toMatchObject({
      code: 'relief.linkUsed',
    });
    expect(await linking.representedBy(h.db, 602)).toEqual([]);
  });

  it('an expired link is refused and changes nothing', async () => {
    const { staff, c } = await setup();
    const l = await linking.createRecipientLink(h.db, staff, c.id, bj('2025-06-01T10:00:00'));
    await person(h.db, 601, 'C');
    await expect(linking.redeemLink(h.db, 601, l.code, null, bj('2025-06-16T10:00:00'))).rejects.toMatchObject({
      code: 'relief.linkExpired',
    });
    expect(await linking.representedBy(h.db, 601)).toEqual([]);
  });

  it('a recipient hears when their proxy opens the link, and cannot open their own proxy link', async () => {
    const { a } = await setup();
    const notices = (await reliefDeliveries(h.db)).filter((d) => d.content.key === 'relief.notify.proxyLinked');
    expect(notices.map((d) => [d.chat_id, d.content.params?.proxy])).toEqual([[501, '李明']]);
    const own = await linking.nameProxy(h.db, 501, a.id, '王五', bj('2025-06-01T10:00:00'));
    await expect(linking.redeemLink(h.db, 501, own.code, null, bj('2025-06-01T10:01:00'))).rejects.toMatchObject({
      code: 'relief.ownProxyLink',
    });
  });

  it('each person sees only themself and those they collect for; a proxy cannot name further proxies', async () => {
    const { a, b } = await setup();
    expect((await linking.representedBy(h.db, 501)).map((r) => [r.recipient.id, r.as])).toEqual([[a.id, 'self']]);
    expect((await linking.representedBy(h.db, 503)).map((r) => [r.recipient.id, r.as])).toEqual([[a.id, 'proxy']]);
    expect((await linking.representedBy(h.db, 502)).map((r) => [r.recipient.id, r.as])).toEqual([[b.id, 'proxy']]);
    expect(await linking.mayAct(h.db, 501, b.id)).toBeUndefined();
    await expect(linking.nameProxy(h.db, 503, a.id, '外人', bj('2025-06-01T10:00:00'))).rejects.toMatchObject({
      code: 'relief.recipientNotFound',
    });
  });

  it('the broadcast audience is the linked recipients and proxies, each once', async () => {
    await setup();
    expect(await reliefFeature.audiences!['relief.recipients']!.userIds(h.db, new Date(), 'Asia/Shanghai')).toEqual([
      501, 502, 503,
    ]);
  });
});

describe('check-in', () => {
  it('by code, then a second check-in the same month is refused with who and when of the first', async () => {
    const { staff, a } = await setup();
    const code = await codeFor(h.db, a.id, '2025-06');
    expect(code).toMatch(/^\d{6}$/);
    const found = await findForCheckin(h.db, code.replace(/(\d{3})/, '$1 '), bj('2025-06-05T09:12:00'), TZ);
    expect(found).toMatchObject({ kind: 'code', recipient: { id: a.id } });
    await checkIn(h.db, staff, a.id, {}, 'code', bj('2025-06-05T09:12:00'), TZ);
    const second = await checkIn(
      h.db,
      staff,
      a.id,
      { proxyName: '李明' },
      'search',
      bj('2025-06-05T15:00:00'),
      TZ,
    ).catch((e) => e);
    expect(second).toMatchObject({
      code: 'relief.alreadyCollected',
      params: { name: a.name, at: '2025-06-05 09:12', staff: '刘干事' },
    });
    // Next month is a new month.
    await expect(checkIn(h.db, staff, a.id, {}, 'search', bj('2025-07-05T09:00:00'), TZ)).resolves.toMatchObject({
      month: '2025-07',
    });
  });

  it('two desks confirming the same person at once record one pickup', async () => {
    const { staff, a } = await setup();
    const at = bj('2025-06-05T09:30:00');
    const results = await Promise.allSettled([
      checkIn(h.db, staff, a.id, {}, 'search', at, TZ),
      checkIn(h.db, staff, a.id, {}, 'search', at, TZ),
    ]);
    expect(results.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
    expect((await monthReport(h.db, '2025-06')).collectedSelf).toBe(1);
  });

  it("last month's code is not accepted this month", async () => {
    const { a } = await setup();
    const old = await codeFor(h.db, a.id, '2025-05');
    await codeFor(h.db, a.id, '2025-06');
    const r = await findForCheckin(h.db, old, bj('2025-06-05T09:00:00'), TZ).catch((e) => e);
    // Either no recipient has that code in June, or it is someone's June code by chance — never a's May code.
    if (r instanceof Error) expect(r).toMatchObject({ code: 'relief.codeNotFound' });
    else expect(r.recipient.id === a.id && old === (await codeFor(h.db, a.id, '2025-06'))).toBe(false);
  });

  it('finds people by part of a name or the last four phone digits', async () => {
    await setup();
    const byName = await findForCheckin(h.db, '秀英', bj('2025-06-05T09:00:00'), TZ);
    expect(
      byName.kind === 'list' && byName.recipients.every((r) => r.name.includes('秀英')) && byName.recipients.length > 0,
    ).toBe(true);
    const byPhone = await findForCheckin(h.db, '1000', bj('2025-06-05T09:00:00'), TZ);
    expect(byPhone.kind === 'list' && byPhone.recipients.map((r) => r.phone)).toEqual(['13900001000']);
    await expect(findForCheckin(h.db, '12', bj('2025-06-05T09:00:00'), TZ)).rejects.toMatchObject({
      code: 'relief.invalidSearch',
    });
  });

  it('an inactive recipient cannot be checked in', async () => {
    const { staff, c } = await setup();
    await h.db.updateTable('relief_recipients').set({ active: 0 }).where('id', '=', c.id).execute();
    await expect(checkIn(h.db, staff, c.id, {}, 'search', bj('2025-06-05T09:00:00'), TZ)).rejects.toMatchObject({
      code: 'relief.inactive',
    });
  });
});

describe('the monthly cycle, June 2025 (pickup on the 5th)', () => {
  it('announcement, reminders, no-show offers and the staff summary reach exactly the right people at the right times', async () => {
    const { staff, a, b } = await setup();
    const seen = new Map<number, Date>();
    const start = bj('2025-05-31T00:00:00').getTime();
    const end = bj('2025-06-09T00:00:00').getTime();
    // Every half hour, as a scheduler would (more often changes nothing but the run time).
    for (let t = start; t < end; t += 30 * 60_000) {
      const now = new Date(t);
      if (t === bj('2025-06-05T10:00:00').getTime()) await checkIn(h.db, staff, a.id, {}, 'code', now, TZ);
      if (t === bj('2025-06-05T19:30:00').getTime()) await promiseLater(h.db, 502, b.id, '2025-06', now);
      await runCycle(h.db, policy, now);
      for (const d of await reliefDeliveries(h.db)) if (!seen.has(d.id)) seen.set(d.id, now);
    }
    const all = await reliefDeliveries(h.db);
    const sent = (prefix: string) =>
      all
        .filter((d) => d.dedupe_key.startsWith(prefix))
        .map((d) => ({ to: d.chat_id, at: seen.get(d.id)!.toISOString(), key: d.content.key }));
    const at = (local: string) => bj(local).toISOString();
    expect(
      sent('relief:announce:')
        .map((s) => [s.to, s.at])
        .sort(),
    ).toEqual([
      [501, at('2025-06-02T09:00:00')],
      [502, at('2025-06-02T09:00:00')],
      [503, at('2025-06-02T09:00:00')],
    ]);
    expect(
      sent('relief:morning:')
        .map((s) => [s.to, s.at])
        .sort(),
    ).toEqual([
      [501, at('2025-06-05T08:00:00')],
      [502, at('2025-06-05T08:00:00')],
      [503, at('2025-06-05T08:00:00')],
    ]);
    // a collected at 10:00: only b's proxy is reminded in the afternoon and asked in the evening.
    expect(sent('relief:afternoon:')).toEqual([
      { to: 502, at: at('2025-06-05T15:00:00'), key: 'relief.notify.afternoonProxy' },
    ]);
    expect(sent('relief:evening:')).toEqual([
      { to: 502, at: at('2025-06-05T19:00:00'), key: 'relief.notify.noShowProxy' },
    ]);
    expect(
      sent('relief:collected:')
        .map((s) => s.to)
        .sort(),
    ).toEqual([501, 503]);
    expect(sent('relief:summary:')).toEqual([
      { to: staff, at: at('2025-06-06T08:30:00'), key: 'relief.notify.summary' },
    ]);
    const summary = all.find((d) => d.dedupe_key.startsWith('relief:summary:'))!.content.params!;
    expect(summary).toMatchObject({ collected: 1, total: 169, byProxy: 0, missingCount: 168, later: 1 });
    expect(summary.names).toContain(`${b.name}*`);
    // Nothing for July yet, nothing to anyone else, and the morning reminder carries the month's code.
    expect(all.every((d) => [501, 502, 503, staff].includes(d.chat_id))).toBe(true);
    const morningA = all.find((d) => d.dedupe_key === `relief:morning:2025-06:${a.id}:501`)!;
    expect(morningA.content.params!.code).toBe(await codeFor(h.db, a.id, '2025-06'));
    const offer = all.find((d) => d.dedupe_key.startsWith('relief:evening:'))!;
    expect(offer.content.buttons!.flat().map((x) => x.data)).toEqual([`rl:lt:${b.id}:202506`]);
  });

  it('a job that was down at 08:00 sends the morning reminder when it comes back, but not after the afternoon one', async () => {
    await setup();
    await runCycle(h.db, policy, bj('2025-06-05T16:00:00'));
    const keys = (await reliefDeliveries(h.db)).map((d) => d.dedupe_key.split(':')[1]);
    expect(keys.filter((k) => k === 'morning')).toEqual([]);
    expect(keys.filter((k) => k === 'afternoon')).toHaveLength(3);
    await runCycle(h.db, policy, bj('2025-06-05T16:05:00'));
    expect((await reliefDeliveries(h.db)).filter((d) => d.dedupe_key.includes(':afternoon:'))).toHaveLength(3);
  });

  it('the no-show offer lets the person themself name a proxy', async () => {
    const { a } = await setup();
    await runCycle(h.db, policy, bj('2025-06-05T19:00:00'));
    const mine = (await reliefDeliveries(h.db)).find((d) => d.dedupe_key === `relief:evening:2025-06:${a.id}:501`)!;
    expect(mine.content.key).toBe('relief.notify.noShow');
    expect(mine.content.buttons!.flat().map((x) => x.data)).toEqual([`rl:lt:${a.id}:202506`, `rl:px:${a.id}`]);
  });
});

describe('festivals and settings', () => {
  it('the October 2025 announcement mentions 中秋 and 重阳; September 2025 has none', async () => {
    await setup();
    await runCycle(h.db, policy, bj('2025-09-02T09:00:00'));
    await runCycle(h.db, policy, bj('2025-10-02T09:00:00'));
    const ann = (await reliefDeliveries(h.db)).filter(
      (d) => d.dedupe_key.startsWith('relief:announce:') && d.chat_id === 501,
    );
    expect(ann.map((d) => d.dedupe_key.split(':')[2])).toEqual(['2025-09', '2025-10']);
    expect(ann[0]!.content.params!.festival).toBe('');
    expect(ann[1]!.content.params!.festival.params.names['zh-CN']).toBe('中秋节、重阳节');
  });

  it('pickups in a festival month are counted as festival extras in the report, and the numbers add up', async () => {
    const { staff, a, b } = await setup();
    await checkIn(h.db, staff, a.id, {}, 'code', bj('2025-10-05T09:00:00'), TZ);
    const proxyId = (
      await h.db.selectFrom('relief_proxies').select('id').where('recipient_id', '=', b.id).executeTakeFirstOrThrow()
    ).id;
    await checkIn(h.db, staff, b.id, { proxyId }, 'search', bj('2025-10-05T09:05:00'), TZ);
    const r = await monthReport(h.db, '2025-10');
    expect(r).toMatchObject({ total: 169, collectedSelf: 1, collectedByProxy: 1, festivalExtras: 2 });
    expect(r.collectedSelf + r.collectedByProxy + r.notCollected.length).toBe(r.total);
    const csv = await monthReportCsv(h.db, '2025-10', TZ);
    expect(csv).toContain(`${b.id},${b.name},`);
    expect(csv).toMatch(new RegExp(`${b.id},${b.name},[^,]+,collected by proxy,2025-10-05 09:05,张红,刘干事,1`));
    expect(csv.split('\r\n').filter((l) => l.includes(',not collected,'))).toHaveLength(167);
  });

  it('moving the pickup day moves the whole cycle', async () => {
    const { staff } = await setup();
    await updateSetting(h.db, staff, 'day', '10', bj('2025-06-01T10:00:00'));
    await runCycle(h.db, policy, bj('2025-06-05T08:00:00'));
    expect(
      await reliefDeliveries(h.db).then((d) => d.filter((x) => x.dedupe_key.startsWith('relief:morning'))),
    ).toEqual([]);
    await runCycle(h.db, policy, bj('2025-06-07T09:00:00'));
    expect(
      (await reliefDeliveries(h.db)).filter((x) => x.dedupe_key.startsWith('relief:announce:2025-06')),
    ).toHaveLength(3);
  });

  it('bad settings and festival lines are refused', async () => {
    const { staff } = await setup();
    await expect(updateSetting(h.db, staff, 'day', '31', new Date())).rejects.toMatchObject({
      code: 'relief.invalidDay',
    });
    await expect(updateSetting(h.db, staff, 'hours', '11:30-09:00', new Date())).rejects.toMatchObject({
      code: 'relief.invalidHours',
    });
    expect(await updateSetting(h.db, staff, 'hours', '8:30～11：30', new Date())).toMatchObject({
      hours_from: '08:30',
      hours_to: '11:30',
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
