import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { seedCatalogue } from '../../../src/features/market/demo';
import type { MarketService } from '../../../src/features/market/service';
import { listAudit } from '../../../src/identity';
import { alertOf as alert, button, buttons, say, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { addVenue } from './support';

// The catalogue of market services kept in the chat by staff (issue 15).
const STAFF = 7301;
const WANG = 7401;
const at = (local: string) => new Date(`${local}+08:00`);

let tb: TestBot;
let market: MarketService;
let venueId: number;
const byName = async (nameZh: string) => (await market.catalogue()).find((s) => s.nameZh === nameZh)!;

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-29T10:00:00')) });
  market = tb.services.market;
  await seedCatalogue(tb.db);
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.resident(WANG, { first_name: '王阿姨' });
  venueId = await addVenue(market, (await tb.services.residents.compounds())[0]!.id, '荷塘花园 3 栋前广场');
});
afterAll(() => tb.stop());

describe('the market’s service catalogue in the chat', () => {
  it('staff page through the twenty services and open one, with a button for each thing that can change', async () => {
    const staff = tb.user(STAFF);
    let out = await (await staff.command('/catalogue')).reply();
    expect(texts(out)).toContain('在用 20 项');
    expect(buttons(out).map((b) => b.text)).toContain('1/3');
    out = await tap(staff, button(out, '▶'));
    expect(buttons(out).map((b) => b.text)).toContain('2/3');
    out = await tap(staff, `mk:sv:${(await byName('磨刀')).id}`);
    expect(texts(out)).toContain('磨刀');
    for (const label of ['名字', '名额', '分钟', '分类', '说明：', '照片：', '停用']) button(out, label);
  });

  it(
    'a new service is added by typed names and tapped answers, ' + 'audited, and offered for a new market day',
    async () => {
      const staff = tb.user(STAFF);
      let out = await (await staff.command('/catalogue')).reply();
      out = await tap(staff, button(out, '添加服务'));
      expect(texts(out)).toContain('第一行中文');
      out = await say(staff, '修轮椅');
      expect(texts(out)).toContain('第二行英文');
      out = await say(staff, '修轮椅\nWheelchair repair');
      out = await tap(staff, button(out, '维修'));
      expect(texts(out)).toContain('默认几个名额');
      out = await say(staff, '十个');
      expect(texts(out)).toContain('1 到 500');
      out = await say(staff, '12');
      out = await tap(staff, button(out, '15'));
      out = await tap(staff, button(out, '说明和照片'));
      expect(texts(out)).toContain('已添加到服务目录');
      const s = await byName('修轮椅');
      expect(s).toMatchObject({
        nameEn: 'Wheelchair repair',
        groupKey: 'repair',
        defaultCapacity: 12,
        minutesPerTicket: 15,
        needsDetails: true,
        needsPhoto: true,
        isRepair: true,
        active: true,
      });
      // The same last button again adds nothing.
      await tap(staff, 'mk:snn:b');
      expect((await market.catalogue()).filter((x) => x.nameZh === '修轮椅').length).toBe(1);
      expect((await market.services()).some((x) => x.id === s.id)).toBe(true);
      expect((await listAudit(tb.db, { action: 'market.service.add', actorId: STAFF })).length).toBe(1);
    },
  );

  it('a renamed service leaves a booked ticket its old name; places, minutes and group change', async () => {
    const knife = await byName('磨刀');
    const marketId = await market.createMarket(STAFF, {
      date: '2026-12-05',
      startsAt: '09:00',
      endsAt: '12:00',
      venueId,
      services: [{ serviceId: knife.id }],
    });
    await market.publishMarket(STAFF, marketId);
    const offer = (await market.offers(marketId))[0]!;
    await market.book(WANG, offer.id, {});

    const staff = tb.user(STAFF);
    let out = await tap(staff, `mk:sv:${knife.id}`);
    out = await tap(staff, button(out, '名字'));
    expect(texts(out)).toContain('现在叫：磨刀 / Knife sharpening');
    out = await say(staff, '磨刀磨剪\nKnives and scissors');
    expect(texts(out)).toContain('已保存');
    expect(await market.service(knife.id)).toMatchObject({ nameZh: '磨刀磨剪', nameEn: 'Knives and scissors' });
    expect((await market.offers(marketId))[0]).toMatchObject({ nameZh: '磨刀', ticketPrefix: '磨刀' });
    const mine = await (await tb.user(WANG, { first_name: '王阿姨' }).command('/mybookings')).reply();
    expect(texts(mine)).toContain('磨刀-01');

    out = await tap(staff, `mk:sve:${knife.id}:c`);
    out = await say(staff, '25');
    out = await tap(staff, `mk:sve:${knife.id}:m`);
    out = await say(staff, '8分钟');
    out = await tap(staff, `mk:svg:${knife.id}`);
    out = await tap(staff, button(out, '生活'));
    out = await tap(staff, button(out, '照片：'));
    expect(await market.service(knife.id)).toMatchObject({
      defaultCapacity: 25,
      minutesPerTicket: 8,
      groupKey: 'daily',
      needsPhoto: !knife.needsPhoto,
    });
    const edits = await listAudit(tb.db, { action: 'market.service.edit', actorId: STAFF });
    expect(edits.length).toBe(5);
  });

  it('a retired service is offered for no new market day, keeps its bookings, and can be brought back', async () => {
    const knife = await byName('磨刀磨剪');
    const staff = tb.user(STAFF);
    let out = await tap(staff, `mk:sv:${knife.id}`);
    out = await tap(staff, button(out, '停用'));
    expect(texts(out)).toContain('已经排好的市集和预约不受影响');
    const confirm = button(out, '确认停用');
    out = await tap(staff, confirm);
    expect(texts(out)).toContain('已停用');
    await tap(staff, confirm); // tapped twice: retired once
    expect((await listAudit(tb.db, { action: 'market.service.retire' })).length).toBe(1);
    expect((await market.services()).some((s) => s.id === knife.id)).toBe(false);
    out = await (await staff.command('/catalogue')).reply();
    expect(texts(out)).toContain('已停用 1 项');
    const mine = await (await tb.user(WANG, { first_name: '王阿姨' }).command('/mybookings')).reply();
    expect(texts(mine)).toContain('磨刀-01');
    out = await tap(staff, `mk:svu:${knife.id}`);
    expect(texts(out)).toContain('已恢复');
    expect((await market.services()).some((s) => s.id === knife.id)).toBe(true);
  });

  it('residents are refused every catalogue command and button, forged too, and each refusal is audited', async () => {
    const wang = tb.user(WANG, { first_name: '王阿姨' });
    const s = await byName('修轮椅');
    const out = await (await wang.command('/catalogue')).reply();
    expect(texts(out)).toContain('只对社区工作人员开放');
    const forged = [
      'mk:cat:0',
      `mk:sv:${s.id}`,
      'mk:sva',
      `mk:sve:${s.id}:n`,
      `mk:svf:${s.id}:d`,
      `mk:svg:${s.id}`,
      `mk:svg:${s.id}:care`,
      `mk:svr:${s.id}`,
      `mk:svry:${s.id}`,
      `mk:svu:${s.id}`,
      'mk:sng:care',
      'mk:snm:10',
      'mk:snn:0',
    ];
    for (const data of forged) expect(alert(await tap(wang, data)), data).toContain('只对社区工作人员开放');
    expect(await market.service(s.id)).toEqual(s);
    expect((await listAudit(tb.db, { actorId: WANG, action: 'denied' })).length).toBe(forged.length + 1);
  });
});
