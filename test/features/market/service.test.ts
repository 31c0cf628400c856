import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { seedCatalogue, seedDemoMarket } from '../../../src/features/market/demo';
import {
  type BookingView,
  createMarketService,
  type MarketService,
  type NewMarketInput,
} from '../../../src/features/market/service';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { type Compound, createResidentsService, type ResidentsService } from '../../../src/features/residents/service';
import { listAudit } from '../../../src/identity';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';

/** Sunday 2026-11-29, 10:00 in Shanghai. */
const t0 = new Date('2026-11-29T02:00:00Z');
const at = (local: string) => new Date(`${local}+08:00`);
const STAFF = 1;

let h: DbHandle;
let clock: ManualClock;
let platform: Platform;
let residents: ResidentsService;
let market: MarketService;
let compounds: Compound[];
let services: Map<string, number>;

async function resident(id: number, compound = 0, lang = 'zh-hans') {
  await platform.identity.touch({ id, first_name: `居民${id}`, language_code: lang });
  await residents.setHome(id, compounds[compound]!.id);
}

async function newMarket(opts: Partial<NewMarketInput> = {}) {
  return market.createMarket(STAFF, {
    date: '2026-12-05',
    startsAt: '09:00',
    endsAt: '12:00',
    compoundId: compounds[0]!.id,
    location: '荷塘花园 3 栋前广场',
    latitude: null,
    longitude: null,
    services: [
      { serviceId: services.get('knife')!, capacity: 3 },
      { serviceId: services.get('appliance')!, capacity: 2 },
      { serviceId: services.get('haircut')! },
    ],
    ...opts,
  });
}

/** Runs `fn` with the clock at `when`, then puts it back. */
async function atTime<T>(when: Date, fn: () => Promise<T>): Promise<T> {
  const before = clock.now();
  clock.set(when);
  try {
    return await fn();
  } finally {
    clock.set(before);
  }
}

const offerOf = async (marketId: number, code: string) =>
  (await market.offers(marketId)).find((o) => o.serviceId === services.get(code))!;
const deliveries = async (prefix: string) =>
  (await platform.outbox.list({ dedupePrefix: prefix })).map((d) => ({ ...d, content: d.content as any }));

beforeEach(async () => {
  h = await freshDb();
  clock = new ManualClock(t0);
  platform = testPlatform(h.db, { clock });
  residents = createResidentsService(platform);
  market = createMarketService(platform, residents);
  await seedDemoPlaces(h.db);
  await seedCatalogue(h.db);
  compounds = await residents.compounds();
  services = new Map((await market.services()).map((s) => [s.code, s.id]));
  await platform.identity.touch({ id: STAFF, first_name: 'Staff' });
  await platform.identity.grant(null, STAFF, 'staff');
});
afterEach(() => h.close());

describe('scheduling', () => {
  it('the next compound in rotation is proposed after the last market day', async () => {
    expect(await market.proposeCompound()).toBe(compounds[0]!.id);
    await newMarket({ compoundId: compounds[1]!.id });
    expect(await market.proposeCompound()).toBe(compounds[2]!.id);
    await newMarket({ date: '2026-12-12', compoundId: compounds.at(-1)!.id });
    expect(await market.proposeCompound()).toBe(compounds[0]!.id);
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
    expect(await market.recentMarkets()).toEqual([]);
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
      params: { date: '2026-12-05', start: '09:00', location: '荷塘花园 3 栋前广场' },
    });
    expect(sent[0]!.content.params.services['zh-CN']).toContain('磨刀');
    await expect(market.publishMarket(STAFF, id)).rejects.toThrow(/alreadyPublished/);
    expect((await deliveries('market:announce')).length).toBe(2);
  });
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
    expect([a.ticket, a.estimate]).toEqual(['磨刀-01', '09:00']);
    expect([b.ticket, b.estimate]).toEqual(['磨刀-02', '09:05']);
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
    const tickets = won.map((r) => (r as PromiseFulfilledResult<BookingView>).value.ticket).sort();
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
    expect([promoted.status, promoted.ticket]).toEqual(['booked', '家电-03']); // numbers are never reused
    expect((await market.ownBooking(103, w2.id)).position).toBe(1);
    const told = await deliveries('market:promoted');
    expect(told.map((d) => d.chatId)).toEqual([102]);
    expect(told[0]!.content.params).toMatchObject({ ticket: '家电-03', time: '09:30' });
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
    expect((await market.myBookings(103))[0]).toMatchObject({ status: 'booked', ticket: '磨刀-04' });
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
      expect(
        await market.changeMarket(STAFF, id, { startsAt: '14:00', endsAt: '17:00', location: '月塘新村活动室' }),
      ).toBe(3);
      const changed = await deliveries('market:changed');
      expect(changed.map((d) => d.chatId)).toEqual([100, 101, 102]);
      expect(changed[0]!.content.params).toMatchObject({ start: '14:00', location: '月塘新村活动室' });
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
      params: { ticket: '磨刀-01', time: '09:00', bring: { 'zh-CN': '刀具用报纸或布包好' } },
    });
    expect(eve[1]!.content.params.bring).toEqual({ $t: 'market.remind.bringNothing' });
    expect(await market.queueReminders(at('2026-12-05T07:59:00'))).toBe(0);
    // a restart that missed 08:00 still catches up at 08:40
    expect(await market.queueReminders(at('2026-12-05T08:40:00'))).toBe(4);
    expect(await market.queueReminders(at('2026-12-05T08:45:00'))).toBe(0);
    expect(await market.queueReminders(at('2026-12-05T12:30:00'))).toBe(0);
  });
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
    expect(walk.ticket).toBe('磨刀-04'); // beyond capacity 3: they are already here
    await expect(market.addWalkIn(STAFF, knife.id, 3)).rejects.toThrow(/alreadyRecorded/); // double tap
    const q = await market.serviceQueue(knife.id);
    expect(q.entries.map((e) => e.ticket)).toEqual(['磨刀-01', '磨刀-02', '磨刀-03', '磨刀-04']);

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
    const csv = await market.exportCsv('2026-12-05');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'ticket,service_zh,service_en,status,outcome,note,walk_in,name,phone,details,booked_at,served_at,fix_held',
    );
    expect(lines[1]).toContain('家电-01,家电维修,Appliance repair,served,fixed,,0,"王""阿姨""",');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""),电扇\n不转"`);
    await expect(market.exportCsv('2026-12-06')).rejects.toThrow(/market.notFound/);
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
    expect((await market.recentMarkets()).length).toBe(1);
  });
});
