import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { seedCatalogue } from '../../../src/features/market/demo';
import type { MarketService } from '../../../src/features/market/service';
import * as store from '../../../src/features/market/store';
import type { RecordedCall } from '../../../src/playground/fake-api/types';
import { alertOf as alert, button, buttons, say, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { addVenue } from './support';

// Issue 13 item 2 (market) and issue 14 item 1: every market card edits itself to its new state, and a booking
// confirmation that arrives again books nothing. Over the fake Bot API.
const STAFF = 6001;
const WANG = 6101;
const LI = 6102;
const at = (local: string) => new Date(`${local}+08:00`);

let tb: TestBot;
let market: MarketService;
let marketId: number;
const offer: Record<string, number> = {};

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-29T10:00:00')) });
  market = tb.services.market;
  await seedCatalogue(tb.db);
  const compounds = await tb.services.residents.compounds();
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.resident(WANG, { first_name: '王阿姨' });
  await tb.resident(LI, { first_name: '李师傅' });
  const services = new Map((await market.services()).map((s) => [s.code, s.id]));
  marketId = await market.createMarket(STAFF, {
    date: '2026-12-05',
    startsAt: '09:00',
    endsAt: '12:00',
    venueId: await addVenue(market, compounds[0]!.id, '荷塘花园 3 栋前广场'),
    services: [
      { serviceId: services.get('knife')! },
      { serviceId: services.get('appliance')!, capacity: 2 },
      { serviceId: services.get('haircut')! },
    ],
  });
  for (const o of await market.offers(marketId)) offer[o.ticketPrefix] = o.id;
});
afterAll(() => tb.stop());

/** The id of the message a call sent (or edited). */
const idOf = (out: RecordedCall[], method = 'sendMessage') =>
  out.find((c) => c.method === method)!.result.message_id as number;
/** A message as the chat shows it now, after every edit. */
const now = (chat: number, id: number) => tb.api.messages(chat).find((m) => m.message_id === id)!;
const labels = (chat: number, id: number) =>
  ((now(chat, id).reply_markup?.inline_keyboard ?? []).flat() as { text: string }[]).map((b) => b.text);

describe('a card always shows the current state', () => {
  it('publishing from the panel leaves the panel published, without the publish button', async () => {
    const staff = tb.user(STAFF);
    let out = await (await staff.command('/market')).reply();
    const panel = idOf(out);
    out = await (await staff.click(`mk:m:${marketId}`, { messageId: panel })).reply();
    expect(now(STAFF, panel).text).toContain('草稿');
    out = await (await staff.click(button(out, '发布'), { messageId: panel })).reply();
    expect(now(STAFF, panel).text).toContain('发布 2026-12-05（周六）');
    out = await (await staff.click(`mk:puby:${marketId}`, { messageId: panel })).reply();
    expect(texts(out)).toContain('已发布');
    expect(now(STAFF, panel).text).toContain('状态：已发布');
    expect(now(STAFF, panel).text).not.toContain('草稿');
    expect(labels(STAFF, panel)).not.toContain('📢 发布');
    expect(labels(STAFF, panel)).toContain('📋 当天队列');
    // A publish button on a card drawn before (another staff member's panel) is refused and changes nothing.
    out = await (await staff.click(`mk:pub:${marketId}`, { messageId: panel })).reply();
    expect(alert(out)).toContain('已经发布过了');
    expect(now(STAFF, panel).text).toContain('状态：已发布');
  });

  it('booking from the market card turns the service button into the ticket', async () => {
    // The announcement of the publishing above reaches 王阿姨 first, so that the card below is the reply she asked for.
    await tb.delivered();
    const wang = tb.user(WANG, { first_name: '王阿姨' });
    const out = await say(wang, '🛠 市集预约');
    const card = idOf(out);
    const reply = await tap(wang, `mk:b:${offer.磨刀}`);
    expect(texts(reply)).toContain('预约成功');
    expect(labels(WANG, card)).toContain('✅ 磨刀-01');
    expect(labels(WANG, card).some((l) => /^磨刀 \(\d+\)$/.test(l))).toBe(false);
    expect(now(WANG, card).text).toContain('您的磨刀号码 磨刀-01');
  });

  it('a cancelled booking disappears from the list it was cancelled from', async () => {
    const wang = tb.user(WANG, { first_name: '王阿姨' });
    await market.book(WANG, offer.理发!, {});
    const out = await (await wang.command('/mybookings')).reply();
    const list = idOf(out);
    expect(labels(WANG, list)).toContain('❌ 取消 磨刀-01');
    const knife = (await store.activeBookingFor(tb.db, offer.磨刀!, WANG))!.id;
    await (await wang.click(`mk:c:${knife}`, { messageId: list })).reply();
    expect(now(WANG, list).text).toContain('确定要取消「磨刀」（磨刀-01）吗');
    const done = await (await wang.click(`mk:cy:${knife}`, { messageId: list })).reply();
    expect(texts(done)).toContain('已取消「磨刀」的预约');
    expect(now(WANG, list).text).not.toContain('磨刀-01');
    expect(now(WANG, list).text).toContain('理发-01');
    expect(labels(WANG, list)).not.toContain('❌ 取消 磨刀-01');
    expect(labels(WANG, list)).toContain('❌ 取消 理发-01');
  });

  it('"不发照片，直接预约" is gone once the photo is sent, and once it is pressed', async () => {
    const wang = tb.user(WANG, { first_name: '王阿姨' });
    await tap(wang, `mk:b:${offer.家电}`);
    let out = await say(wang, '电饭煲，插电后不加热');
    const question = idOf(out);
    expect(labels(WANG, question)).toEqual(['不发照片，直接预约']);
    out = await (await wang.photo()).reply();
    expect(texts(out)).toContain('家电-01');
    expect(labels(WANG, question)).toEqual([]);
    expect(now(WANG, question).text).toContain('照片收到了');

    const li = tb.user(LI, { first_name: '李师傅' });
    await tap(li, `mk:b:${offer.家电}`);
    out = await say(li, '收音机没声音');
    const asked = idOf(out);
    out = await (await li.click('mk:ps', { messageId: asked })).reply();
    expect(texts(out)).toContain('家电-02');
    expect(labels(LI, asked)).toEqual([]);
    expect(now(LI, asked).text).toContain('不发照片');
  });
});

describe('a confirmation that arrives again', () => {
  it('a booking confirmation arriving again answers "already booked" with the ticket and books nothing', async () => {
    const li = tb.user(LI, { first_name: '李师傅' });
    const before = (await store.bookingsOfMarket(tb.db, marketId, ['booked', 'waiting'])).length;
    // The same "no photo" press again (a second tap, or Telegram redelivering it after a crash) …
    let out = await (await li.click('mk:ps')).reply();
    expect(alert(out)).toContain('已经约好了');
    expect(alert(out)).toContain('家电-02');
    // … and the photo sent again after the booking was made.
    out = await (await li.photo()).reply();
    expect(texts(out)).toContain('已经约好了：家电维修 号码 家电-02');
    expect((await store.bookingsOfMarket(tb.db, marketId, ['booked', 'waiting'])).length).toBe(before);
    expect((await store.findOffer(tb.db, offer.家电!))!.ticketsIssued).toBe(2);
  });

  it('a waitlist confirmation arriving again says the place in line and adds nothing', async () => {
    const tom = await tb.resident(6103, { first_name: 'Tom', language_code: 'en' });
    let out = await (await tom.send('🛠 Market day')).reply();
    expect(buttons(out).map((b) => b.text)).toContain('🕒 Join the waitlist: Appliance repair');
    out = await tap(tom, `mk:w:${offer.家电}`);
    out = await say(tom, 'Radio, no sound');
    out = await tap(tom, 'mk:ps');
    expect(texts(out)).toContain('number 1 in line');
    out = await tap(tom, `mk:w:${offer.家电}`);
    expect(alert(out)).toContain('Already on the waitlist for Appliance repair, number 1');
    expect((await store.findOffer(tb.db, offer.家电!))!.waiting).toBe(1);
  });
});
