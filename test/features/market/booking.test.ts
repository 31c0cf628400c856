import { beforeEach, describe, expect, it } from 'vitest';
import type { BookingView } from '../../../src/features/market/service';
import { listAudit } from '../../../src/identity';
import { addVenue, at, type MarketBed, marketBed, STAFF, t0 } from './support';

let h: MarketBed['h'];
let market: MarketBed['market'];
let services: MarketBed['services'];
let resident: MarketBed['resident'];
let newMarket: MarketBed['newMarket'];
let offerOf: MarketBed['offerOf'];
let deliveries: MarketBed['deliveries'];
let atTime: MarketBed['atTime'];
marketBed((bed) => {
  ({ h, market, services, resident, newMarket, offerOf, deliveries, atTime } = bed);
});

describe('booking', () => {
  let id: number;
  beforeEach(async () => {
    for (let u = 100; u < 110; u++) await resident(u);
    id = await newMarket();
    await market.publishMarket(STAFF, id);
  });

  it('a booking gets the next ticket and an estimated time', async () => {
    const knife = await offerOf(id, 'knife');
    const a = await market.book(100, knife.id, {});
    const b = await market.book(101, knife.id, {});
    expect([a.ticket?.['zh-CN'], a.estimate]).toEqual(['磨刀-01', '09:00']);
    expect([b.ticket?.['zh-CN'], b.estimate]).toEqual(['磨刀-02', '09:05']);
  });

  it('one active booking per service per person: a double tap gets the same ticket back as an error', async () => {
    const knife = await offerOf(id, 'knife');
    await market.book(100, knife.id, {});
    await expect(market.book(100, knife.id, {})).rejects.toMatchObject({
      code: 'market.alreadyBooked',
      params: { ticket: '磨刀-01' },
    });
    expect((await offerOf(id, 'knife')).booked).toBe(1);
    // another service is fine
    await market.book(100, (await offerOf(id, 'haircut')).id, {});
  });

  it('fifty residents pressing "book" for the last five places at once get exactly five tickets', async () => {
    const m2 = await newMarket({ date: '2026-12-06', services: [{ serviceId: services.get('bp')!, capacity: 10 }] });
    await market.publishMarket(STAFF, m2);
    const bp = await offerOf(m2, 'bp');
    for (let u = 100; u < 105; u++) await market.book(u, bp.id, {});
    const crowd = Array.from({ length: 50 }, (_, i) => 1000 + i);
    for (const u of crowd) await resident(u);
    const results = await Promise.allSettled(crowd.map((u) => market.book(u, bp.id, {})));
    const won = results.filter((r) => r.status === 'fulfilled');
    const full = results.filter(
      (r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'market.full',
    );
    expect(won.length).toBe(5);
    expect(full.length).toBe(45);
    const tickets = won.map((r) => (r as PromiseFulfilledResult<BookingView>).value.ticket?.['zh-CN']).sort();
    expect(tickets).toEqual(['血压-06', '血压-07', '血压-08', '血压-09', '血压-10']);
    expect((await offerOf(m2, 'bp')).booked).toBe(10);
  });

  it('a full service offers the waitlist; a cancellation promotes the first in line and tells them', async () => {
    const appl = await offerOf(id, 'appliance'); // capacity 2
    const details = { details: '电饭煲不加热' };
    const first = await market.book(100, appl.id, details);
    await market.book(101, appl.id, details);
    await expect(market.book(102, appl.id, details)).rejects.toThrow(/market.full/);
    const w1 = await market.joinWaitlist(102, appl.id, details);
    const w2 = await market.joinWaitlist(103, appl.id, details);
    expect([w1.status, w1.position, w2.position]).toEqual(['waiting', 1, 2]);
    await expect(market.joinWaitlist(102, appl.id, details)).rejects.toMatchObject({
      code: 'market.alreadyWaiting',
      params: { position: 1 },
    });

    const r = await market.cancelBooking(100, first.id);
    expect(r.promoted).toBe(1);
    const promoted = await market.ownBooking(102, w1.id);
    expect([promoted.status, promoted.ticket?.['zh-CN']]).toEqual(['booked', '家电-03']); // numbers are never reused
    expect((await market.ownBooking(103, w2.id)).position).toBe(1);
    const told = await deliveries('market:promoted');
    expect(told.map((d) => d.chatId)).toEqual([102]);
    expect(told[0]!.content.params).toMatchObject({ ticket: { 'zh-CN': '家电-03' }, time: '09:30' });
    // a second tap on "cancel" changes nothing more
    await expect(market.cancelBooking(100, first.id)).rejects.toThrow(/bookingNotFound/);
    expect((await deliveries('market:promoted')).length).toBe(1);
  });

  it("a resident cannot cancel someone else's booking", async () => {
    const b = await market.book(100, (await offerOf(id, 'knife')).id, {});
    await expect(market.cancelBooking(101, b.id)).rejects.toThrow(/bookingNotFound/);
    expect((await market.ownBooking(100, b.id)).status).toBe('booked');
  });

  it('a larger capacity gives waiting residents places; a smaller one than already booked is refused', async () => {
    const knife = await offerOf(id, 'knife');
    for (const u of [100, 101, 102]) await market.book(u, knife.id, {});
    await market.joinWaitlist(103, knife.id, {});
    await expect(market.setCapacities(STAFF, id, new Map([[services.get('knife')!, 2]]))).rejects.toThrow(
      /capacityBelowBooked/,
    );
    expect(await market.setCapacities(STAFF, id, new Map([[services.get('knife')!, 5]]))).toBe(1);
    expect((await market.myBookings(103))[0]).toMatchObject({ status: 'booked', ticket: { 'zh-CN': '磨刀-04' } });
  });

  it('repair bookings need a description; empty, invisible or over-long ones change nothing', async () => {
    const appl = await offerOf(id, 'appliance');
    for (const d of ['', '   ', '\u200b\u200f', '长'.repeat(301)]) {
      await expect(market.book(100, appl.id, { details: d })).rejects.toThrow(/details(Empty|TooLong)/);
    }
    expect((await offerOf(id, 'appliance')).booked).toBe(0);
    const ok = await market.book(100, appl.id, { details: '  风扇不转 ', photo: 'PHOTO-1' });
    expect([ok.details, ok.photo]).toEqual(['风扇不转', 'PHOTO-1']);
    const changed = await market.changeDetails(100, ok.id, { details: '风扇不转，有焦味' });
    expect([changed.details, changed.photo]).toEqual(['风扇不转，有焦味', 'PHOTO-1']);
  });

  it('bookings close the configured hours before the start; a past market says it is over', async () => {
    const knife = await offerOf(id, 'knife');
    // 09:00 start, closes 12 hours before: 21:00 the evening before
    await atTime(at('2026-12-04T20:59:00'), () => market.book(100, knife.id, {}));
    await expect(atTime(at('2026-12-04T21:00:00'), () => market.book(101, knife.id, {}))).rejects.toThrow(
      /market.closed/,
    );
    await expect(atTime(at('2026-12-05T12:00:00'), () => market.book(101, knife.id, {}))).rejects.toThrow(
      /market.over/,
    );
    expect((await offerOf(id, 'knife')).booked).toBe(1);
  });

  it('a draft or cancelled market cannot be booked', async () => {
    const draft = await newMarket({ date: '2026-12-12' });
    await expect(market.book(100, (await offerOf(draft, 'knife')).id, {})).rejects.toThrow(/market.notOpen/);
    await market.cancelMarket(STAFF, id);
    await expect(market.book(100, (await offerOf(id, 'knife')).id, {})).rejects.toThrow(/market.cancelled/);
  });

  it(
    'a change of time or place tells every ticket and waitlist holder; ' +
      'a cancellation tells them and ends their bookings',
    async () => {
      const appl = await offerOf(id, 'appliance');
      for (const u of [100, 101]) await market.book(u, appl.id, { details: '收音机没声音' });
      await market.joinWaitlist(102, appl.id, { details: '收音机没声音' });
      const venueId = await addVenue(market, (await market.compounds())[0]!.id, '月塘新村活动室');
      expect(await market.changeMarket(STAFF, id, { startsAt: '14:00', endsAt: '17:00', venueId })).toBe(3);
      const changed = await deliveries('market:changed');
      expect(changed.map((d) => d.chatId)).toEqual([100, 101, 102]);
      expect(changed[0]!.content.params).toMatchObject({
        start: '14:00',
        location: { params: { name: '月塘新村活动室' } },
      });
      expect(await market.changeMarket(STAFF, id, { date: '2026-12-06' })).toBe(3); // each change is its own notice
      expect((await deliveries('market:changed')).length).toBe(6);
      expect(await market.cancelMarket(STAFF, id)).toBe(3);
      expect((await deliveries('market:cancelled')).map((d) => d.chatId)).toEqual([100, 101, 102]);
      expect(await market.myBookings(100)).toEqual([]);
      expect((await listAudit(h.db, { actorId: STAFF })).map((a) => a.action)).toEqual(
        expect.arrayContaining(['market.change', 'market.cancel', 'market.publish']),
      );
    },
  );

  it('the "booked on the next market day" audience is exactly the ticket holders', async () => {
    const knife = await offerOf(id, 'knife');
    for (const u of [100, 101, 102]) await market.book(u, knife.id, {});
    await market.joinWaitlist(103, knife.id, {});
    const c = await market.book(104, (await offerOf(id, 'haircut')).id, {});
    await market.cancelBooking(104, c.id);
    expect(await market.bookedOnNextMarket(t0)).toEqual([100, 101, 102]);
  });
});
