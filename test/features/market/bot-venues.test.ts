import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { seedCatalogue } from '../../../src/features/market/demo';
import type { MarketService } from '../../../src/features/market/service';
import * as store from '../../../src/features/market/store';
import type { Compound } from '../../../src/features/residents/service';
import { listAudit } from '../../../src/identity';
import { SETUP_NEXT } from '../../../src/telegram/workbench';
import { alertOf as alert, button, buttons, say, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// The market's venues kept in the chat (issue 15): the set-up step, adding, changing and retiring a venue, and a
// market day scheduled at one by tapping.
const ADMIN = 7101;
const STAFF = 7102;
const WANG = 7201;
const at = (local: string) => new Date(`${local}+08:00`);

let tb: TestBot;
let market: MarketService;
let compounds: Compound[];
const setupStep = () => tb.app.features.find((f) => f.name === 'market')!.setup![0]!;

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-29T10:00:00')) });
  market = tb.services.market;
  await seedCatalogue(tb.db);
  compounds = await tb.services.residents.compounds();
  await tb.withRole(ADMIN, 'admin', { first_name: '陈主任' });
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.resident(WANG, { first_name: '王阿姨' });
});
afterAll(() => tb.stop());

describe('market venues in the chat', () => {
  it('the set-up step adds a venue by taps and typed answers, and ends on the set-up’s next-step button', async () => {
    expect(setupStep()).toMatchObject({ key: 'market-venues', titleKey: 'market.setup.title' });
    expect(await setupStep().isDone()).toBe(false);
    const admin = tb.user(ADMIN);
    let out = await tap(admin, 'mk:vna:s');
    expect(texts(out)).toContain('场地在哪个小区');
    out = await tap(admin, button(out, compounds[1]!.nameZh));
    expect(texts(out)).toContain('场地叫什么');
    out = await say(admin, '月塘新村活动室\nYuetang activity room');
    expect(texts(out)).toContain('地址是什么');
    out = await say(admin, '雨湖区月塘路 8 号');
    expect(texts(out)).toContain('地图位置');
    out = await (await admin.location(27.85, 113.19)).reply();
    expect(texts(out)).toContain('已添加场地');
    expect(buttons(out).map((b) => b.callback_data)).toContain(SETUP_NEXT);
    expect(await setupStep().isDone()).toBe(true);
    const [v] = await market.venues();
    expect(v).toMatchObject({
      nameZh: '月塘新村活动室',
      nameEn: 'Yuetang activity room',
      address: '雨湖区月塘路 8 号',
      compoundId: compounds[1]!.id,
      latitude: 27.85,
      active: true,
    });
    expect((await listAudit(tb.db, { action: 'market.venue.add', actorId: ADMIN })).length).toBe(1);
  });

  it('staff add a second venue from the list, skipping the map; the list pages show both', async () => {
    const staff = tb.user(STAFF);
    let out = await (await staff.command('/market')).reply();
    out = await tap(staff, button(out, '场地'));
    expect(texts(out)).toContain('在用 1 个');
    out = await tap(staff, button(out, '添加场地'));
    out = await tap(staff, button(out, compounds[0]!.nameZh));
    out = await say(staff, '荷塘花园 3 栋前广场');
    out = await say(staff, '荷塘路 12 号');
    out = await tap(staff, button(out, '跳过'));
    expect(texts(out)).toContain('已添加场地');
    out = await tap(staff, 'mk:vn:0');
    expect(texts(out)).toContain('在用 2 个');
    expect(buttons(out).some((b) => b.text.includes('荷塘花园 3 栋前广场'))).toBe(true);
  });

  it('a market day is scheduled by tapping a date and a venue; the venue’s place and address are its own', async () => {
    const staff = tb.user(STAFF);
    let out = await (await staff.command('/market')).reply();
    out = await tap(staff, button(out, '新建市集'));
    expect(texts(out)).toContain('点下面的日期');
    out = await tap(staff, button(out, '12月5日（周六）'));
    expect(texts(out)).toContain('好的，12月5日（周六）');
    out = await say(staff, '9点到12点');
    expect(texts(out)).toContain('在哪个场地办');
    out = await tap(staff, button(out, '月塘新村活动室'));
    out = await tap(staff, `mk:ns:${(await market.services())[0]!.id}`);
    out = await tap(staff, 'mk:nsd');
    out = await tap(staff, 'mk:ncd');
    expect(texts(out)).toContain('月塘新村活动室（雨湖区月塘路 8 号）');
    const m = (await store.marketsFrom(tb.db, '2026-12-01', ['draft']))[0]!;
    const venue = (await market.venues()).find((v) => v.nameZh === '月塘新村活动室')!;
    expect(m).toMatchObject({ date: '2026-12-05', venueId: venue.id, compoundId: compounds[1]!.id });
  });

  it('changing a venue is audited and leaves the market days already scheduled there as they were', async () => {
    const staff = tb.user(STAFF);
    const venue = (await market.venues()).find((v) => v.nameZh === '月塘新村活动室')!;
    let out = await tap(staff, `mk:vc:${venue.id}`);
    out = await tap(staff, button(out, '地址'));
    out = await say(staff, '雨湖区月塘路 10 号');
    expect(texts(out)).toContain('已保存');
    expect((await market.venue(venue.id)).address).toBe('雨湖区月塘路 10 号');
    const m = (await store.marketsFrom(tb.db, '2026-12-01', ['draft']))[0]!;
    expect(m.address).toBe('雨湖区月塘路 8 号');
    const audit = await listAudit(tb.db, { action: 'market.venue.edit', actorId: STAFF });
    expect(JSON.parse(String(audit[0]!.details))).toMatchObject({
      was: { address: '雨湖区月塘路 8 号' },
      now: { address: '雨湖区月塘路 10 号' },
    });
  });

  it('the panel’s “place” button moves a market day to another venue, picked from the list', async () => {
    const staff = tb.user(STAFF);
    const m = (await store.marketsFrom(tb.db, '2026-12-01', ['draft']))[0]!;
    let out = await tap(staff, `mk:m:${m.id}`);
    out = await tap(staff, button(out, '地点'));
    expect(texts(out)).toContain('改到哪个场地');
    out = await tap(staff, button(out, '荷塘花园 3 栋前广场'));
    expect(texts(out)).toContain('已改场地');
    expect(texts(out)).toContain('荷塘花园 3 栋前广场（荷塘路 12 号）');
    expect(await store.findMarket(tb.db, m.id)).toMatchObject({
      compoundId: compounds[0]!.id,
      address: '荷塘路 12 号',
    });
  });

  it('a retired venue is offered for no new market day, keeps its days, and can be brought back', async () => {
    const staff = tb.user(STAFF);
    const venue = (await market.venues()).find((v) => v.nameZh === '荷塘花园 3 栋前广场')!;
    let out = await tap(staff, `mk:vc:${venue.id}`);
    out = await tap(staff, button(out, '停用'));
    expect(texts(out)).toContain('停用场地');
    const confirm = button(out, '确认停用');
    out = await tap(staff, confirm);
    expect(texts(out)).toContain('已停用');
    await tap(staff, confirm); // tapped twice: retired once
    out = await (await staff.command('/market')).reply();
    out = await tap(staff, button(out, '新建市集'));
    out = await tap(staff, button(out, '12月12日'));
    out = await say(staff, '9点到12点');
    expect(buttons(out).some((b) => b.text.includes('荷塘花园'))).toBe(false);
    // An old button for the retired venue changes nothing.
    expect(alert(await tap(staff, `mk:nv:${venue.id}`))).toContain('过期');
    await tb.user(STAFF).command('/cancel');
    out = await tap(staff, `mk:vnu:${venue.id}`);
    expect(texts(out)).toContain('已恢复');
    expect((await market.venue(venue.id)).active).toBe(true);
    expect((await listAudit(tb.db, { action: 'market.venue.retire' })).length).toBe(1);
    expect((await listAudit(tb.db, { action: 'market.venue.restore' })).length).toBe(1);
  });

  it('residents are refused every venue button, forged too, and each refusal is audited', async () => {
    const wang = tb.user(WANG);
    const venue = (await market.venues())[0]!;
    const before = await market.venues();
    const forged = [
      'mk:vn:0',
      `mk:vc:${venue.id}`,
      'mk:vna',
      'mk:vna:s',
      `mk:vne:${venue.id}:n`,
      `mk:vne:${venue.id}:c`,
      `mk:vpc:${compounds[0]!.id}`,
      'mk:vpp:1',
      'mk:vnl',
      `mk:vnr:${venue.id}`,
      `mk:vnry:${venue.id}`,
      `mk:vnu:${venue.id}`,
      `mk:nv:${venue.id}`,
      'mk:nd:2026-12-19',
    ];
    for (const data of forged) expect(alert(await tap(wang, data)), data).toContain('只对社区工作人员开放');
    expect(await market.venues()).toEqual(before);
    expect((await listAudit(tb.db, { actorId: WANG, action: 'denied' })).length).toBe(forged.length);
  });
});
