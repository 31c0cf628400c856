import { describe, expect, it } from 'vitest';
import { seedDemoMarket } from '../../../src/features/market/demo';
import { listAudit } from '../../../src/identity';
import { addVenue, at, type MarketBed, marketBed, STAFF, t0 } from './support';

let h: MarketBed['h'];
let market: MarketBed['market'];
let residents: MarketBed['residents'];
let platform: MarketBed['platform'];
let compounds: MarketBed['compounds'];
let resident: MarketBed['resident'];
let newMarket: MarketBed['newMarket'];
let offerOf: MarketBed['offerOf'];
let deliveries: MarketBed['deliveries'];
let venueId: number;
marketBed((bed) => {
  ({ h, market, residents, platform, compounds, resident, newMarket, offerOf, deliveries, venueId } = bed);
});

describe('scheduling', () => {
  it('the venue of the next compound in rotation is proposed after the last market day', async () => {
    const [v1, v2, vLast] = [
      await addVenue(market, compounds[1]!.id, '月塘新村活动室'),
      await addVenue(market, compounds[2]!.id, '三号院门口'),
      await addVenue(market, compounds.at(-1)!.id, '最后一个小区'),
    ];
    expect(await market.proposeVenue()).toBe(venueId);
    await newMarket({ venueId: v1 });
    expect(await market.proposeVenue()).toBe(v2);
    await newMarket({ date: '2026-12-12', venueId: vLast });
    expect(await market.proposeVenue()).toBe(venueId);
  });

  it('services without a capacity take the catalogue default, and the creation is audited', async () => {
    const id = await newMarket();
    expect((await offerOf(id, 'haircut')).capacity).toBe(25);
    expect((await offerOf(id, 'knife')).capacity).toBe(3);
    expect((await listAudit(h.db, { action: 'market.create' })).length).toBe(1);
  });

  it('a market day in the past or without services is refused', async () => {
    await expect(newMarket({ date: '2026-11-28' })).rejects.toThrow(/market.dateInPast/);
    await expect(newMarket({ services: [] })).rejects.toThrow(/market.noServices/);
    expect((await market.marketsPage(0, 8)).markets).toEqual([]);
  });

  it('publishing announces to the host compound and to subscribers, once', async () => {
    await resident(100); // host compound
    await resident(101); // host compound, takes no notices
    await residents.setNoticesOptOut(101, true);
    await resident(102, 1); // another compound
    await resident(103, 2); // another compound, wants to hear about any market
    await market.subscribe(103, 'any');
    await resident(104, 3); // another compound, only their own
    await market.subscribe(104, 'home');
    await resident(105); // host compound but blocked the bot
    await platform.identity.setReachable(105, false);
    const id = await newMarket();
    expect(await deliveries('market:announce')).toEqual([]); // a draft says nothing
    expect(await market.publishMarket(STAFF, id)).toBe(2);
    const sent = await deliveries('market:announce');
    expect(sent.map((d) => d.chatId)).toEqual([100, 103]);
    expect(sent[0]!.content).toMatchObject({
      key: 'market.notify.announce',
      // No English name given for the place: English readers see its own name, marked so (issue 13 item 10).
      params: {
        date: '2026-12-05',
        start: '09:00',
        location: { $t: 'market.view.localName', params: { name: '荷塘花园 3 栋前广场' } },
      },
    });
    expect(sent[0]!.content.params.services['zh-CN']).toContain('磨刀');
    await expect(market.publishMarket(STAFF, id)).rejects.toThrow(/alreadyPublished/);
    expect((await deliveries('market:announce')).length).toBe(2);
  });
});

describe('the announcement residents hold', () => {
  it('a change edits it to the new time and place; a cancellation turns it into one, without a button', async () => {
    await resident(100);
    const id = await newMarket();
    await market.publishMarket(STAFF, id);
    await market.changeMarket(STAFF, id, { startsAt: '14:00', endsAt: '17:00' });
    const [first, changed] = await deliveries(`market:announce:${id}:100`);
    expect(changed).toMatchObject({
      dedupeKey: `market:announce:${id}:100:r1`,
      content: { key: 'market.notify.announceChanged', replaces: first.dedupeKey, params: { start: '14:00' } },
    });
    expect(changed.content.buttons).toHaveLength(1);
    await market.cancelMarket(STAFF, id);
    const cancelled = (await deliveries(`market:announce:${id}:100`)).at(-1);
    expect(cancelled).toMatchObject({
      dedupeKey: `market:announce:${id}:100:x`,
      content: { key: 'market.notify.announceCancelled', replaces: first.dedupeKey },
    });
    expect(cancelled.content.buttons).toBeUndefined();
  });
});

describe('reminders', () => {
  it('the evening before and the morning of, each once, with the ticket and what to bring', async () => {
    await resident(100);
    await resident(101, 0, 'en');
    const id = await newMarket();
    await market.publishMarket(STAFF, id);
    await market.book(100, (await offerOf(id, 'knife')).id, {});
    await market.book(101, (await offerOf(id, 'haircut')).id, {});
    const appl = (await offerOf(id, 'appliance')).id; // capacity 2: the third waits
    for (const u of [102, 103]) {
      await resident(u);
      await market.book(u, appl, { details: '台灯不亮' });
    }
    await resident(104);
    await market.joinWaitlist(104, appl, { details: '台灯不亮' });
    expect(await market.queueReminders(at('2026-12-04T17:59:00'))).toBe(0);
    expect(await market.queueReminders(at('2026-12-04T18:00:00'))).toBe(4); // the waiting one gets none
    expect(await market.queueReminders(at('2026-12-04T18:05:00'))).toBe(0);
    const eve = await deliveries('market:remind-eve');
    expect(eve[0]!.content).toMatchObject({
      key: 'market.remind.evening',
      // Tickets in both languages (issue 13 item 10): 磨刀-01 for Chinese readers, Knife-01 for English ones.
      params: {
        ticket: { 'zh-CN': '磨刀-01', en: 'Knife-01' },
        time: '09:00',
        bring: { 'zh-CN': '刀具用报纸或布包好' },
      },
    });
    expect(eve[1]!.content.params.bring).toEqual({ $t: 'market.remind.bringNothing' });
    expect(await market.queueReminders(at('2026-12-05T07:59:00'))).toBe(0);
    // a restart that missed 08:00 still catches up at 08:40
    expect(await market.queueReminders(at('2026-12-05T08:40:00'))).toBe(4);
    expect(await market.queueReminders(at('2026-12-05T08:45:00'))).toBe(0);
    expect(await market.queueReminders(at('2026-12-05T12:30:00'))).toBe(0);
  });
});

describe('subscriptions and demo data', () => {
  it('"my compound" needs a home compound; "any" and "stop" work for everyone', async () => {
    await platform.identity.touch({ id: 200, first_name: 'New' });
    await expect(market.subscribe(200, 'home')).rejects.toThrow(/noHome/);
    expect(await market.subscribe(200, 'any')).toBe('any');
    expect(await market.subscriptionOf(200)).toBe('any');
    await market.subscribe(200, 'none');
    expect(await market.subscriptionOf(200)).toBe('none');
  });

  it('seed demo adds the twenty-service catalogue and one market day, and is safe to run twice', async () => {
    const first = await seedDemoMarket(h.db, market);
    await seedDemoMarket(h.db, market);
    expect(first).toContain('20 services');
    const all = await market.services();
    expect(all.length).toBe(20);
    expect(all.map((s) => s.nameZh)).toEqual(
      expect.arrayContaining([
        '磨刀',
        '理发',
        '缝补',
        '修鞋',
        '家电维修',
        '家政服务',
        '量血压',
        '法律咨询',
        '手机使用教学',
        '配钥匙',
      ]),
    );
    expect(new Set(all.map((s) => s.ticketPrefix)).size).toBe(20);
    const next = await market.nextMarket(t0);
    expect(next?.status).toBe('published');
    expect(new Date(`${next!.date}T12:00:00Z`).getUTCDay()).toBe(6);
    expect((await market.offers(next!.id)).length).toBe(20);
    expect((await market.marketsPage(0, 8)).markets.length).toBe(1);
  });
});
