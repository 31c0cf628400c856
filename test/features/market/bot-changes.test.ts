import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { seedCatalogue } from '../../../src/features/market/demo';
import type { MarketService } from '../../../src/features/market/service';
import * as store from '../../../src/features/market/store';
import type { Compound } from '../../../src/features/residents/service';
import { alertOf as alert, button, say, seen, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { addVenue } from './support';

// A market day that changes after residents booked, then is cancelled, over the fake Bot API.
const STAFF = 5001;
const FAR = 5103; // lives in another compound than the market's
const at = (local: string) => new Date(`${local}+08:00`);

let tb: TestBot;
let market: MarketService;
let compounds: Compound[];

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-29T10:00:00')) });
  market = tb.services.market;
  await seedCatalogue(tb.db);
  compounds = await tb.services.residents.compounds();
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.resident(FAR, { compound: compounds[2]!.id });
});
afterAll(() => tb.stop());

/** Texts the bot has sent to a chat (direct replies and outbox messages). */
const inbox = (chatId: number) => seen(tb, chatId).map((m) => m.text ?? m.caption ?? '');
const serviceId = async (code: string) => (await market.services()).find((s) => s.code === code)!.id;

describe('changing and cancelling a market day', () => {
  it(
    'bookers are told of a change and of a cancellation; ' + 'the old announcement button then says it was cancelled',
    async () => {
      tb.clock.set(at('2027-01-02T10:00:00'));
      const id = await market.createMarket(STAFF, {
        date: '2027-01-09',
        startsAt: '09:00',
        endsAt: '12:00',
        venueId: await addVenue(market, compounds[1]!.id, '月塘新村活动室'),
        services: [{ serviceId: await serviceId('haircut') }],
      });
      // The resident asked to hear of every market day: the announcement, and its button, come to them too.
      const far = tb.user(FAR);
      await (await far.click(button(await say(far, '🛠 市集预约'), '每次市集都告诉我'))).reply();
      // Staff work from the market list, as in the chat.
      const staff = tb.user(STAFF);
      await (await staff.command('/market')).reply();
      await (await staff.click(`mk:puby:${id}`)).reply();
      await tb.delivered();
      const haircut = (await market.offers(id))[0]!;
      let out = await (await tb.user(FAR).click(`mk:v:${id}`)).reply();
      out = await (await tb.user(FAR).click(button(out, '理发'))).reply();
      expect(texts(out)).toContain('理发-01');

      out = await (await staff.click(`mk:m:${id}`)).reply();
      out = await (await staff.click(button(out, '时间'))).reply();
      out = await (await staff.send('下午')).reply();
      expect(texts(out)).toContain('没看懂这个时间');
      out = await (await staff.send('14:00-17:00')).reply();
      expect(texts(out)).toContain('将通知 1 位');
      await tb.delivered();
      expect(inbox(FAR).at(-1)).toContain('14:00–17:00');
      // The announcement they hold is edited in place to the new hours (issue 13 item 2: cards others see).
      const announcement = seen(tb, FAR).find((m) => (m.text ?? '').includes('野享市集要来了'))!;
      expect(announcement.text).toContain('时间或地点已更新');
      expect(announcement.text).toContain('14:00–17:00');

      out = await (await staff.click(`mk:cx:${id}`)).reply();
      out = await (await staff.click(button(out, '确认'))).reply();
      expect(texts(out)).toContain('已取消市集');
      await tb.delivered();
      expect(inbox(FAR).at(-1)).toContain('取消了');
      const held = seen(tb, FAR).find((m) => m.message_id === announcement.message_id)!;
      expect(held.text).toContain('这次野享市集取消了');
      expect(held.reply_markup?.inline_keyboard ?? []).toEqual([]);
      expect(alert(await (await tb.user(FAR).click(`mk:v:${id}`)).reply())).toContain('已经取消');
      expect(alert(await (await tb.user(FAR).click(`mk:b:${haircut.id}`)).reply())).toContain('已经取消');
      expect(await store.bookingsOfMarket(tb.db, id, ['booked', 'waiting'])).toEqual([]);
    },
  );
});
