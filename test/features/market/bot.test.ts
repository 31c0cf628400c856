import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { seedCatalogue } from '../../../src/features/market/demo';
import type { MarketService } from '../../../src/features/market/service';
import * as store from '../../../src/features/market/store';
import type { Compound } from '../../../src/features/residents/service';
import { listAudit } from '../../../src/identity';
import { alertOf as alert, button, buttons, say, seen, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { addVenue } from './support';

// One month of a market day, clicked through over the fake Bot API with an injected clock.
const STAFF = 5001;
const WANG = 5101; // 王阿姨, host compound, Chinese
const TOM = 5102; // host compound, English
const FAR = 5103; // another compound, asked to hear about every market
const OTHER = 5104; // another compound, not subscribed
const at = (local: string) => new Date(`${local}+08:00`);

let tb: TestBot;
let market: MarketService;
let marketId: number;
const offer: Record<string, number> = {};
let compounds: Compound[];

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-29T10:00:00')) });
  market = tb.services.market;
  await seedCatalogue(tb.db);
  compounds = await tb.services.residents.compounds();
  await addVenue(market, compounds[0]!.id, '荷塘花园 3 栋前广场', { latitude: 27.84, longitude: 113.18 });
  await addVenue(market, compounds[1]!.id, '月塘新村活动室');
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.resident(WANG, { first_name: '王阿姨' });
  await tb.resident(TOM, { first_name: 'Tom', language_code: 'en' });
  await tb.resident(FAR, { compound: compounds[2]!.id });
  await tb.resident(OTHER, { compound: compounds[3]!.id });
});
afterAll(() => tb.stop());

/** Texts the bot has sent to a chat (direct replies and outbox messages). */
const inbox = (chatId: number) => seen(tb, chatId).map((m) => m.text ?? m.caption ?? '');
/** The same Telegram profile every time: the bot updates a user's language and name from each update. */
const wangUser = () => tb.user(WANG, { first_name: '王阿姨' });
const tomUser = () => tb.user(TOM, { first_name: 'Tom', language_code: 'en' });
const serviceId = async (code: string) => (await market.services()).find((s) => s.code === code)!.id;

describe('a market day, from scheduling to the "did it hold?" question', () => {
  it('staff schedule a market day step by step, with the venue of the next compound in rotation proposed', async () => {
    const staff = tb.user(STAFF);
    let out = await (await staff.command('/market')).reply();
    out = await (await staff.click(button(out, '新建市集'))).reply();
    expect(texts(out)).toContain('市集哪天办');
    out = await (await staff.send('明天下午')).reply();
    expect(texts(out)).toContain('没看懂这个日期');
    out = await (await staff.send('2026-12-05')).reply();
    expect(texts(out)).toContain('几点到几点');
    out = await (await staff.send('12点到9点')).reply();
    expect(texts(out)).toContain('开始要早于结束');
    out = await (await staff.send('9点到12点')).reply();
    expect(texts(out)).toContain('在哪个场地办');
    const proposed = buttons(out).find((b) => b.text.startsWith('★'))!;
    expect(proposed.text).toContain(compounds[0]!.nameZh);
    expect(proposed.text).toContain('荷塘花园 3 栋前广场');
    out = await (await staff.click(proposed.callback_data!)).reply();
    expect(texts(out)).toContain('这次提供哪些服务');
    for (const code of ['knife', 'appliance', 'haircut'])
      await (await staff.click(`mk:ns:${await serviceId(code)}`)).reply();
    out = await (await staff.click('mk:nsd')).reply();
    expect(texts(out)).toContain('磨刀 30');
    out = await (await staff.send('家电维修 1')).reply();
    expect(texts(out)).toContain('已记下 1 项');
    out = await (await staff.click('mk:ncd')).reply();
    expect(texts(out)).toContain('已建好（草稿）');
    expect(texts(out)).toContain('家电维修：已约 0/1');
    const m = (await store.marketsFrom(tb.db, '2026-12-01', ['draft']))[0]!;
    marketId = m.id;
    expect(m).toMatchObject({
      date: '2026-12-05',
      startsAt: '09:00',
      endsAt: '12:00',
      compoundId: compounds[0]!.id,
      latitude: 27.84,
    });
    for (const o of await market.offers(marketId)) offer[o.ticketPrefix] = o.id;
  });

  it('publishing announces the market to the host compound and to subscribers, in each one’s language', async () => {
    // FAR asks, from the market button, to hear of every market day.
    const far = tb.user(FAR);
    await (await far.click(button(await say(far, '🛠 市集预约'), '每次市集都告诉我'))).reply();
    const staff = tb.user(STAFF);
    let out = await (await staff.click(`mk:pub:${marketId}`)).reply();
    expect(texts(out)).toContain('发布 2026-12-05（周六）');
    out = await (await staff.click(`mk:puby:${marketId}`)).reply();
    expect(texts(out)).toContain('将通知 4 位居民'); // 王阿姨, Tom and the staff member live there; plus the subscriber
    await tb.delivered();
    expect(inbox(WANG).join('\n')).toContain('野享市集要来了');
    expect(inbox(TOM).join('\n')).toContain('Market day is coming');
    expect(inbox(TOM).join('\n')).toContain('Knife sharpening');
    expect(inbox(FAR).join('\n')).toContain('野享市集要来了');
    expect(inbox(OTHER).join('\n')).not.toContain('野享市集要来了');
    out = await (await staff.click(`mk:puby:${marketId}`)).reply();
    expect(alert(out)).toContain('已经发布过了');
  });

  it(
    'a resident books a repair with a description and a photo and gets a ticket and a time; ' +
      'wrong input is re-asked',
    async () => {
      const wang = wangUser();
      let out = await (await wang.send('🛠 市集预约')).reply();
      expect(texts(out)).toContain('家电维修：还剩 1 个名额');
      out = await (await wang.click(`mk:b:${offer.家电}`)).reply();
      expect(texts(out)).toContain('请打字告诉我');
      out = await (await wang.photo()).reply();
      expect(texts(out)).toContain('需要先打字');
      out = await (await wang.send('\u200b')).reply();
      expect(texts(out)).toContain('说明不能是空的');
      out = await (await wang.send('长'.repeat(301))).reply();
      expect(texts(out)).toContain('300 个字以内');
      out = await (await wang.send('电饭煲，插电后不加热')).reply();
      expect(texts(out)).toContain('发一张照片');
      out = await (await wang.send('没有照片')).reply();
      expect(texts(out)).toContain('这一步请发照片');
      out = await (await wang.photo()).reply();
      expect(texts(out)).toContain('预约成功');
      expect(texts(out)).toContain('家电-01');
      expect(texts(out)).toContain('大约 09:00');
      const b = (await store.bookingsOfMarket(tb.db, marketId, ['booked']))[0]!;
      expect(b).toMatchObject({ userId: WANG, details: '电饭煲，插电后不加热' });
      expect(b.photoFileId).toBeTruthy();
      // a double tap on the same service gets the existing ticket back, not a second one
      out = await (await wang.click(`mk:b:${offer.家电}`)).reply();
      expect(alert(out)).toContain('家电-01');
      out = await (await wang.click(`mk:b:${offer.磨刀}`)).reply();
      expect(texts(out)).toContain('磨刀-01');
    },
  );

  it('a full service offers the waitlist; a cancellation promotes the first in line and tells them', async () => {
    const tom = tomUser();
    let out = await (await tom.click(`mk:b:${offer.家电}`)).reply();
    expect(texts(out)).toContain('fully booked');
    out = await (await tom.click(button(out, 'Join the waitlist'))).reply();
    out = await (await tom.send('Radio, no sound')).reply();
    out = await (await tom.click('mk:ps')).reply();
    expect(texts(out)).toContain('number 1 in line');

    const wang = wangUser();
    out = await (await wang.click('mk:my')).reply();
    expect(texts(out)).toContain('家电-01');
    out = await (await wang.click(button(out, '取消 家电-01'))).reply();
    out = await (await wang.click(button(out, '确认取消'))).reply();
    expect(texts(out)).toContain('已取消「家电维修」');
    await tb.delivered();
    expect(inbox(TOM).join('\n')).toContain('A place opened up');
    // English readers get English tickets (issue 13 item 10): Appliance-02, not 家电-02.
    expect(inbox(TOM).join('\n')).toContain('Appliance-02');
    // the old confirmation pressed again changes nothing
    const wangBookings = await store.bookingsOfMarket(tb.db, marketId, ['cancelled']);
    out = await (await wang.click(`mk:cy:${wangBookings[0]!.id}`)).reply();
    expect(alert(out)).toContain('没有找到这个预约');
    expect((await store.findOffer(tb.db, offer.家电!))!.booked).toBe(1);
  });

  it('residents are refused every staff command, button and confirmation, even with forged callback data', async () => {
    const wang = wangUser();
    const tomBooking = (await store.bookingsOfMarket(tb.db, marketId, ['booked'])).find((b) => b.userId === TOM)!;
    const out = await (await wang.command('/market')).reply();
    expect(texts(out)).toContain('只对社区工作人员开放');
    for (const data of [
      'mk:adm',
      'mk:new',
      `mk:pub:${marketId}`,
      `mk:puby:${marketId}`,
      `mk:cxy:${marketId}`,
      `mk:cap:${marketId}`,
      `mk:q:${marketId}`,
      `mk:r:${tomBooking.id}:f`,
      `mk:wiy:${offer.磨刀}:1`,
      `mk:sum:${marketId}`,
      `mk:t:${tomBooking.id}`,
    ]) {
      expect(alert(await (await wang.click(data)).reply()), data).toContain('只对社区工作人员开放');
    }
    // and a resident cannot cancel someone else's booking
    expect(alert(await (await wang.click(`mk:cy:${tomBooking.id}`)).reply())).toContain('没有找到这个预约');
    expect((await store.findBooking(tb.db, tomBooking.id))!.status).toBe('booked');
    expect((await store.findMarket(tb.db, marketId))!.status).toBe('published');
    expect((await listAudit(tb.db, { actorId: WANG, action: 'denied' })).length).toBe(12);
  });

  it(
    'reminders arrive the evening before and the morning of, ' + 'once each, with the ticket and what to bring',
    async () => {
      tb.clock.set(at('2026-12-04T17:55:00'));
      await tb.runJobs();
      await tb.delivered();
      expect(inbox(WANG).join('\n')).not.toContain('明天是野享市集');
      tb.clock.set(at('2026-12-04T18:00:00'));
      await tb.runJobs();
      await tb.runJobs();
      await tb.delivered();
      const eve = inbox(WANG).filter((t) => t.includes('明天是野享市集'));
      expect(eve.length).toBe(1);
      expect(eve[0]).toContain('磨刀-01');
      expect(eve[0]).toContain('刀具用报纸或布包好');
      expect(inbox(TOM).filter((t) => t.includes('Market day is tomorrow')).length).toBe(1);
      tb.clock.set(at('2026-12-05T08:00:00'));
      await tb.runJobs();
      await tb.delivered();
      expect(
        inbox(TOM)
          .filter((t) => t.includes('Market day is today'))
          .join(),
      ).toContain('Appliance-02');
    },
  );

  it('after bookings close, a booking button says so and changes nothing', async () => {
    const out = await (await tb.user(OTHER).click(`mk:b:${offer.磨刀}`)).reply();
    expect(alert(out)).toContain('网上预约已经截止');
    expect((await store.findOffer(tb.db, offer.磨刀!))!.booked).toBe(1);
  });

  it('on the day staff work the queue in ticket order: fixed with a note, served, and a walk-in', async () => {
    tb.clock.set(at('2026-12-05T09:30:00'));
    const staff = tb.user(STAFF);
    let out = await (await staff.click(`mk:q:${marketId}`)).reply();
    out = await (await staff.click(button(out, '家电维修'))).reply();
    expect(texts(out)).toContain('共 1 个号');
    out = await (await staff.click(button(out, '家电-02'))).reply();
    expect(texts(out)).toContain('Radio, no sound');
    out = await (await staff.click(button(out, '修好了'))).reply();
    expect(texts(out)).toContain('需要备注吗');
    out = await (await staff.send('换了喇叭线')).reply();
    expect(texts(out)).toContain('备注已保存');
    out = await (await staff.click(`mk:qs:${offer.磨刀}:0`)).reply();
    out = await (await staff.click(button(out, '现场登记'))).reply();
    const confirm = button(out, '确认');
    out = await (await staff.click(confirm)).reply();
    expect(texts(out)).toContain('磨刀-02');
    out = await (await staff.click(confirm)).reply();
    expect(alert(out)).toContain('已经记录过了');
    const knife = await market.serviceQueue(offer.磨刀!);
    expect(knife.entries.map((e) => e.ticket?.['zh-CN'])).toEqual(['磨刀-01', '磨刀-02']);
    for (const e of knife.entries) await (await staff.click(`mk:r:${e.id}:s`)).reply();
    out = await (await staff.click(`mk:r:${knife.entries[0]!.id}:s`)).reply();
    expect(alert(out)).toContain('已经记录过了');
  });

  it(
    'after the day the summary counts residents served, problems solved and no-shows; ' + 'the CSV export has a BOM',
    async () => {
      tb.clock.set(at('2026-12-05T13:00:00'));
      const out = await (await tb.user(STAFF).click(`mk:sum:${marketId}`)).reply();
      expect(texts(out)).toContain('服务居民 3 人（3 次），解决问题 3 个');
      expect(texts(out)).toContain('现场登记 1，未到 0');
      expect(texts(out)).toContain('家电维修：预约 1，现场 0，修好 1');
      const lines: string[] = [];
      const cli = tb.app.features.find((f) => f.name === 'market')!.cli!;
      await cli['market export']!.run(['2026-12-05'], (l) => lines.push(l));
      const csv = lines.join('\n');
      expect(csv.charCodeAt(0)).toBe(0xfeff);
      // The command line's export is in the deployment's language (issue 13 item 10: exports follow the reader).
      expect(csv).toContain('家电-02,家电维修,已服务,修好了,换了喇叭线');
      // a past market's buttons say it is over
      expect(alert(await (await tb.user(OTHER).click(`mk:b:${offer.磨刀}`)).reply())).toContain('已经结束');
    },
  );

  it('two weeks after the repair the resident is asked whether the fix held, and the answer counts', async () => {
    tb.clock.set(at('2026-12-19T09:00:00'));
    await tb.runJobs();
    await tb.delivered();
    expect(inbox(TOM).join('\n')).not.toContain('still working');
    tb.clock.set(at('2026-12-19T09:35:00'));
    await tb.runJobs();
    await tb.runJobs();
    await tb.delivered();
    const asked = inbox(TOM).filter((t) => t.includes('Is it still working'));
    expect(asked.length).toBe(1);
    const tom = tomUser();
    const tomBooking = (await store.bookingsOfMarket(tb.db, marketId, ['served'])).find((b) => b.userId === TOM)!;
    expect(alert(await (await wangUser().click(`mk:h:${tomBooking.id}:n`)).reply())).toContain('没有找到这个预约');
    const out = await (await tom.click(`mk:h:${tomBooking.id}:y`)).reply();
    expect(texts(out)).toContain('thank you');
    expect(alert(await (await tom.click(`mk:h:${tomBooking.id}:n`)).reply())).toContain('already answered');
    expect(await market.summary(marketId)).toMatchObject({ heldYes: 1, heldNo: 0 });
  });
});
