import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { seedCatalogue } from '../../../src/features/market/demo';
import type { MarketService } from '../../../src/features/market/service';
import * as store from '../../../src/features/market/store';
import type { RecordedCall } from '../../../src/playground/fake-api/types';
import { alertOf as alert, button, buttons, say, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { addVenue } from './support';

// Issue 13 items 4, 9, 10 and 11 for the market, as residents and staff see them over the fake Bot API.
const STAFF = 6201; // Chinese
const STAFF_EN = 6202;
const WANG = 6301;
const TOM = 6302; // English
const LI = 6303;
const at = (local: string) => new Date(`${local}+08:00`);

let tb: TestBot;
let market: MarketService;
let marketId: number;
const offer: Record<string, number> = {};
const serviceId = async (code: string) => (await market.services()).find((s) => s.code === code)!.id;

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-29T10:00:00')) });
  market = tb.services.market;
  await seedCatalogue(tb.db);
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.withRole(STAFF_EN, 'staff', { first_name: 'Anna', language_code: 'en' });
  await tb.resident(WANG, { first_name: '王阿姨' });
  await tb.resident(TOM, { first_name: 'Tom', language_code: 'en' });
  await tb.resident(LI, { first_name: '李师傅' });
  await addVenue(market, (await tb.services.residents.compounds())[0]!.id, '荷塘花园 3 栋前广场');
});
afterAll(() => tb.stop());

const labels = (out: RecordedCall[]) => buttons(out).map((b) => b.text);
const csvOf = (out: RecordedCall[]) => {
  // The export sends the XLSX and then the same sheet as CSV.
  const doc = out.find((x) => x.method === 'sendDocument' && x.result.document.file_name.endsWith('.csv'))!;
  return tb.api.chats.file(doc.result.document.file_id)!.bytes.toString('utf8');
};

describe('dates: one parser, echoed back (item 11)', () => {
  it("a new market's date is typed as people say it and echoed back in words", async () => {
    const staff = tb.user(STAFF);
    let out = await (await staff.command('/market')).reply();
    out = await tap(staff, button(out, '新建市集'));
    out = await say(staff, '下周六');
    expect(texts(out)).toContain('好的，12月5日（周六）');
    out = await say(staff, '9点到12点');
    out = await tap(staff, buttons(out).find((b) => b.text.startsWith('★'))!.callback_data!);
    for (const code of ['knife', 'haircut']) out = await tap(staff, `mk:ns:${await serviceId(code)}`);
    out = await tap(staff, 'mk:nsd');
    out = await tap(staff, 'mk:ncd');
    const m = (await store.marketsFrom(tb.db, '2026-12-01', ['draft']))[0]!;
    expect(m.date).toBe('2026-12-05');
    marketId = m.id;
    for (const o of await market.offers(marketId)) offer[o.ticketPrefix] = o.id;

    out = await tap(staff, `mk:ed:${marketId}:d`);
    out = await say(staff, '昨天');
    expect(texts(out)).toContain('这个时间已经过去了');
    out = await say(staff, '12月5号');
    expect(texts(out)).toContain('已改为：12月5日（周六）');
    await market.publishMarket(STAFF, marketId);
  });
});

describe('both languages (item 10)', () => {
  it(
    'an English reader gets English tickets and the place’s own name marked; ' +
      'each staff member exports in their own language',
    async () => {
      const tom = tb.user(TOM, { first_name: 'Tom', language_code: 'en' });
      let out = await say(tom, '🛠 Market day');
      expect(texts(out)).toContain('荷塘花园 3 栋前广场 (local name)');
      out = await tap(tom, `mk:b:${offer.磨刀}`);
      expect(texts(out)).toContain('Knife-01');
      expect(texts(out)).not.toContain('磨刀');
      expect(labels(await say(tom, '🛠 Market day'))).toContain('✅ Knife-01');
      expect(alert(await tap(tom, `mk:b:${offer.磨刀}`))).toContain('Already booked: Knife sharpening ticket Knife-01');

      const en = tb.user(STAFF_EN, { first_name: 'Anna', language_code: 'en' });
      out = await (await en.command('/market')).reply();
      out = await tap(en, `mk:m:${marketId}`);
      const english = csvOf(await tap(en, button(out, 'Export')));
      expect(english.split('\r\n')[0]).toBe(
        '\ufeffDate,Ticket,Service,Status,Result,Note,Walk-in,Name,Phone,Description,Booked at,Served at,' +
          'Two-week check',
      );
      expect(english).toContain('2026-12-05,Knife-01,Knife sharpening,waiting to be served,,,no,Tom,');

      const zh = tb.user(STAFF);
      out = await (await zh.command('/market')).reply();
      out = await tap(zh, `mk:m:${marketId}`);
      const chinese = csvOf(await tap(zh, button(out, '导出')));
      expect(chinese.split('\r\n')[0]).toContain('日期,号码,服务,状态');
      expect(chinese).toContain('2026-12-05,磨刀-01,磨刀,等待服务,,,否,Tom,');
    },
  );
});

describe('market day (items 9 and 4)', () => {
  it("on market day 🛠 shows today's market with the resident's ticket and next month's market to book", async () => {
    await market.book(WANG, offer.理发!, {}); // 理发-01, about 09:00
    await market.book(LI, offer.理发!, {}); // 理发-02, about 09:15
    const next = await market.createMarket(STAFF, {
      date: '2027-01-09',
      startsAt: '09:00',
      endsAt: '12:00',
      venueId: await addVenue(market, (await tb.services.residents.compounds())[1]!.id, '月塘新村活动室', {
        nameEn: 'Yuetang Xincun activity room',
      }),
      services: [{ serviceId: await serviceId('knife') }],
    });
    await market.publishMarket(STAFF, next);

    tb.clock.set(at('2026-12-05T08:30:00'));
    const wang = tb.user(WANG, { first_name: '王阿姨' });
    let out = await say(wang, '🛠 市集预约');
    expect(texts(out)).toContain('2026-12-05（周六）');
    expect(texts(out)).toContain('您的理发号码 <b>理发-01</b>，大约 09:00');
    expect(texts(out)).toContain('2027-01-09（周六）');
    const january = (await market.offers(next))[0]!;
    expect(labels(out)).toContain('磨刀 (30)');
    out = await tap(wang, `mk:b:${january.id}`);
    expect(texts(out)).toContain('预约成功');
    expect(texts(out)).toContain('2027-01-09');
  });

  it("a no-show can be marked only from the ticket's time on, after a confirmation, and undone that day", async () => {
    tb.clock.set(at('2026-12-05T08:55:00'));
    const li = (await store.activeBookingFor(tb.db, offer.理发!, LI))!;
    const staff = tb.user(STAFF);
    let out = await tap(staff, `mk:t:${li.id}`);
    expect(texts(out)).toContain('09:15 起才能记为「没来」');
    expect(labels(out)).not.toContain('🚫 没来');
    out = await tap(staff, `mk:r:${li.id}:n`);
    expect(alert(out)).toContain('还没到 09:15');
    expect((await store.findBooking(tb.db, li.id))!.status).toBe('booked');

    tb.clock.set(at('2026-12-05T09:15:00'));
    out = await tap(staff, `mk:t:${li.id}`);
    out = await tap(staff, button(out, '🚫 没来'));
    expect(texts(out)).toContain('确定 理发-02（约 09:15）没来吗');
    expect((await store.findBooking(tb.db, li.id))!.status).toBe('booked');
    out = await tap(staff, button(out, '确认没来'));
    expect(texts(out)).toContain('状态：未到');
    out = await tap(staff, button(out, '撤销'));
    expect(alert(out)).toContain('已撤销');
    expect(texts(out)).toContain('状态：等待服务');
    expect(labels(out)).toContain('🚫 没来');
    expect((await store.findBooking(tb.db, li.id))!.status).toBe('booked');

    // Served by mistake is undone the same way; the next day a result is the record.
    out = await tap(staff, button(out, '已服务'));
    expect(texts(out)).toContain('状态：已服务');
    tb.clock.set(at('2026-12-06T09:00:00'));
    out = await tap(staff, `mk:u:${li.id}`);
    expect(alert(out)).toContain('只能在记录的当天撤销');
    expect((await store.findBooking(tb.db, li.id))!.status).toBe('served');
  });
});
