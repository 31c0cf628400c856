import { beforeEach, describe, expect, it } from 'vitest';
import { exportCsv } from '../../../src/features/market/views/export';
import { listAudit } from '../../../src/identity';
import { at, type MarketBed, marketBed, STAFF, t0 } from './support';

let h: MarketBed['h'];
let clock: MarketBed['clock'];
let market: MarketBed['market'];
let platform: MarketBed['platform'];
let resident: MarketBed['resident'];
let newMarket: MarketBed['newMarket'];
let offerOf: MarketBed['offerOf'];
let atTime: MarketBed['atTime'];
marketBed((bed) => {
  ({ h, clock, market, platform, resident, newMarket, offerOf, atTime } = bed);
});

describe('the day itself', () => {
  let id: number;
  beforeEach(async () => {
    for (let u = 100; u < 106; u++) await resident(u);
    id = await newMarket();
    await market.publishMarket(STAFF, id);
  });

  it('staff work the queue in ticket order; outcomes, notes, walk-ins and no-shows add up in the summary', async () => {
    const appl = await offerOf(id, 'appliance');
    const knife = await offerOf(id, 'knife');
    const a1 = await market.book(100, appl.id, { details: '电扇不转' });
    const a2 = await market.book(101, appl.id, { details: '电饭煲不热' });
    const k1 = await market.book(102, knife.id, {});
    const k2 = await market.book(103, knife.id, {});
    const k3 = await market.book(104, knife.id, {});
    const onDay = at('2026-12-05T09:30:00');
    clock.set(onDay);
    const walk = await market.addWalkIn(STAFF, knife.id, 3);
    expect(walk.ticket['zh-CN']).toBe('磨刀-04'); // beyond capacity 3: they are already here
    await expect(market.addWalkIn(STAFF, knife.id, 3)).rejects.toThrow(/alreadyRecorded/); // double tap
    const q = await market.serviceQueue(knife.id);
    expect(q.entries.map((e) => e.ticket?.['zh-CN'])).toEqual(['磨刀-01', '磨刀-02', '磨刀-03', '磨刀-04']);

    await market.recordOutcome(STAFF, a1.id, 'fixed');
    await market.recordOutcome(STAFF, a2.id, 'needs_parts');
    await market.addNote(STAFF, a2.id, '需要换温控器');
    await expect(market.recordOutcome(STAFF, a1.id, 'not_fixable')).rejects.toThrow(/alreadyRecorded/);
    await market.recordOutcome(STAFF, k2.id, 'no_show');
    await expect(market.recordOutcome(STAFF, k1.id, 'fixed')).rejects.toThrow(); // sharpening is served, not "fixed"
    await market.recordOutcome(STAFF, walk.id, 'served');
    await market.recordOutcome(STAFF, k3.id, 'served');
    const hc = await atTime(t0, async () => market.book(105, (await offerOf(id, 'haircut')).id, {}));
    await market.recordOutcome(STAFF, hc.id, 'served');

    const s = await market.summary(id);
    expect(s).toMatchObject({ served: 5, residents: 5, solved: 4, noShows: 1, walkIns: 1 });
    const applS = s.services.find((x) => x.nameZh === '家电维修')!;
    expect(applS).toMatchObject({ booked: 2, served: 2, fixed: 1, needsParts: 1, notFixable: 0 });
    expect((await market.queueEntry(a2.id)).entry.note).toBe('需要换温控器');
    expect((await listAudit(h.db, { action: 'market.outcome' })).length).toBe(6);
  });

  it('the community report counts the market days held so far, with residents served and problems solved', async () => {
    const appl = await offerOf(id, 'appliance');
    const knife = await offerOf(id, 'knife');
    const a1 = await market.book(100, appl.id, { details: '电扇不转' });
    const k1 = await market.book(101, knife.id, {});
    const k2 = await market.book(102, knife.id, {});
    await newMarket({ date: '2026-12-12' }); // a draft is not held
    const later = await newMarket({ date: '2026-12-19' });
    await market.publishMarket(STAFF, later); // published, but not yet held
    clock.set(at('2026-12-05T10:00:00'));
    await market.recordOutcome(STAFF, a1.id, 'not_fixable');
    await market.recordOutcome(STAFF, k1.id, 'served');
    await market.recordOutcome(STAFF, k2.id, 'no_show');
    await market.addWalkIn(STAFF, knife.id, 2);
    expect(await market.marketDays('2026-12-01', '2027-01-01', '2026-12-05')).toEqual({
      held: 1,
      served: 2,
      residents: 2,
      solved: 1,
    });
    expect(await market.marketDays('2026-12-01', '2027-01-01', '2026-12-31')).toMatchObject({ held: 2, served: 2 });
    expect(await market.marketDays('2026-12-06', '2027-01-01', '2026-12-31')).toMatchObject({ held: 1, served: 0 });
    expect(await market.marketDays('2026-11-01', '2026-12-05', '2026-12-31')).toMatchObject({ held: 0 });
  });

  it('the report figures read every held day with its walk-ins and services; a resident who came twice is one helped', async () => {
    const knife = await offerOf(id, 'knife');
    const k1 = await market.book(100, knife.id, {});
    const k2 = await market.book(101, knife.id, {});
    const second = await newMarket({ date: '2026-12-12' });
    await market.publishMarket(STAFF, second);
    const h1 = await market.book(102, (await offerOf(second, 'haircut')).id, {});
    const h2 = await market.book(100, (await offerOf(second, 'haircut')).id, {});
    clock.set(at('2026-12-05T10:00:00'));
    await market.recordOutcome(STAFF, k1.id, 'served');
    await market.recordOutcome(STAFF, k2.id, 'no_show');
    const walk = await market.addWalkIn(STAFF, knife.id, 2);
    await market.recordOutcome(STAFF, walk.id, 'served');
    clock.set(at('2026-12-12T10:00:00'));
    await market.recordOutcome(STAFF, h1.id, 'served');
    await market.recordOutcome(STAFF, h2.id, 'served');

    const { days } = await market.reportFigures('2026-12-01', '2027-01-01', '2026-12-12');
    expect(days.map((d) => [d.date, d.served, d.walkIns])).toEqual([
      ['2026-12-05', 2, 1],
      ['2026-12-12', 2, 0],
    ]);
    // 100 on the 5th and the 12th, 102 on the 12th; the walk-in has no account
    expect(await market.residentsServed('2026-12-01', '2027-01-01', '2026-12-12')).toBe(2);
    expect(await market.residentsServed('2026-12-01', '2027-01-01', '2026-12-11')).toBe(1);
    const service = (day: number, nameZh: string) => days[day]!.services.find((s) => s.nameZh === nameZh);
    expect(service(0, '磨刀')).toMatchObject({ booked: 2, served: 2 });
    expect(service(0, '理发')).toMatchObject({ booked: 0, served: 0 });
    expect(service(1, '理发')).toMatchObject({ booked: 2, served: 2 });
    expect(service(1, '磨刀')).toMatchObject({ booked: 0, served: 0 });
    // a day not yet held is not counted
    const before = await market.reportFigures('2026-12-01', '2027-01-01', '2026-12-11');
    expect(before.days.map((d) => d.date)).toEqual(['2026-12-05']);
  });

  it('the report counts a day as its summary counts it booking by booking: served, solved, people, each service', async () => {
    const knife = await offerOf(id, 'knife');
    const appl = await offerOf(id, 'appliance');
    const hair = await offerOf(id, 'haircut');
    const k1 = await market.book(100, knife.id, {});
    const k2 = await market.book(101, knife.id, {});
    const a1 = await market.book(100, appl.id, { details: '电扇不转' });
    const a2 = await market.book(102, appl.id, { details: '收音机' });
    await market.book(103, hair.id, {});
    clock.set(at('2026-12-05T10:00:00'));
    await market.recordOutcome(STAFF, k1.id, 'served');
    await market.recordOutcome(STAFF, k2.id, 'no_show');
    await market.recordOutcome(STAFF, a1.id, 'fixed');
    await market.recordOutcome(STAFF, a2.id, 'not_fixable');
    const walk = await market.addWalkIn(STAFF, hair.id, 1);
    await market.recordOutcome(STAFF, walk.id, 'served');
    await market.addWalkIn(STAFF, hair.id, 2); // still waiting: not served, not booked

    const [day] = (await market.reportFigures('2026-12-01', '2027-01-01', '2026-12-05')).days;
    const summary = await market.summary(id);
    // resident 100 came for two services: one person helped, two people served
    expect(day).toMatchObject({ served: summary.served, solved: summary.solved, walkIns: 1 });
    const residents = await market.residentsServed('2026-12-01', '2027-01-01', '2026-12-05');
    expect(residents).toBe(2); // 100 and 102
    expect(residents + day!.walkIns).toBe(summary.residents);
    expect(day!.services.map((s) => [s.serviceId, s.booked, s.served])).toEqual(
      summary.services.map((s) => [s.serviceId, s.booked, s.served]),
    );
    expect(summary).toMatchObject({ served: 4, solved: 3, residents: 3 });
  });

  it('two weeks after a fix the resident is asked once whether it held; the answer counts in the summary', async () => {
    const appl = await offerOf(id, 'appliance');
    const a1 = await market.book(100, appl.id, { details: '电扇不转' });
    const a2 = await market.book(101, appl.id, { details: '收音机' });
    const servedAt = at('2026-12-05T10:00:00');
    clock.set(servedAt);
    await market.recordOutcome(STAFF, a1.id, 'fixed');
    await market.recordOutcome(STAFF, a2.id, 'not_fixable');
    expect(await market.queueHoldChecks(at('2026-12-19T09:59:00'))).toBe(0);
    expect(await market.queueHoldChecks(at('2026-12-19T10:00:00'))).toBe(1);
    expect(await market.queueHoldChecks(at('2026-12-19T10:05:00'))).toBe(0);
    const asked = await platform.outbox.find(`market:hold:${a1.id}`);
    expect(asked?.chatId).toBe(100);
    await expect(market.answerHold(101, a1.id, false)).rejects.toThrow(/bookingNotFound/);
    await market.answerHold(100, a1.id, true);
    await expect(market.answerHold(100, a1.id, false)).rejects.toThrow(/alreadyAnswered/);
    expect(await market.summary(id)).toMatchObject({ heldYes: 1, heldNo: 0 });
  });

  it('the export is UTF-8 CSV with a byte-order mark, quoted, and safe to open in a spreadsheet', async () => {
    const appl = await offerOf(id, 'appliance');
    await platform.identity.touch({ id: 100, first_name: '王"阿姨"' });
    const b = await market.book(100, appl.id, { details: '=HYPERLINK("x"),电扇\n不转' });
    clock.set(at('2026-12-05T09:10:00'));
    await market.recordOutcome(STAFF, b.id, 'fixed');
    const zh = { t: platform.i18n.getFixedT('zh-CN'), locale: 'zh-CN' as const };
    const csv = exportCsv(zh, await market.exportRows('2026-12-05'), 'Asia/Shanghai');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    // The export follows the language of whoever asked (issue 13 item 10): Chinese headers and values here.
    expect(lines[0]).toBe('日期,号码,服务,状态,结果,备注,现场登记,姓名,电话,说明,预约时间,服务时间,两周回访');
    expect(lines[1]).toContain('2026-12-05,家电-01,家电维修,已服务,修好了,,否,"王""阿姨""",');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""),电扇\n不转"`);
    expect(lines[1]).toContain('2026-12-05 09:10');
    const en = exportCsv(
      { t: platform.i18n.getFixedT('en'), locale: 'en' },
      await market.exportRows('2026-12-05'),
      'UTC',
    );
    expect(en.slice(1).split('\r\n')[1]).toContain('2026-12-05,Appliance-01,Appliance repair,served,fixed,,no,');
    await expect(market.exportRows('2026-12-06')).rejects.toThrow(/market.notFound/);
  });
});
