import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../src/db/client';
import { listAudit } from '../../../src/features/audit/store';
import { contentOf, findDelivery } from '../../../src/features/delivery/service';
import * as booking from '../../../src/features/market/booking';
import * as day from '../../../src/features/market/day';
import { seedCatalogue, seedDemoMarket } from '../../../src/features/market/demo';
import { exportCsv } from '../../../src/features/market/export';
import * as reminders from '../../../src/features/market/reminders';
import * as market from '../../../src/features/market/service';
import * as store from '../../../src/features/market/store';
import * as residents from '../../../src/features/residents/service';
import { freshDb } from '../../support/db';

const policy: market.Policy = { timezone: 'Asia/Shanghai', remindEvening: '18:00', remindMorning: '08:00' };
/** Sunday 2026-11-29, 10:00 in Shanghai. */
const t0 = new Date('2026-11-29T02:00:00Z');
const at = (local: string) => new Date(`${local}+08:00`);
const STAFF = 1;

let h: DbHandle;
let compounds: Awaited<ReturnType<typeof residents.listCompounds>>;
let services: Map<string, number>;

async function resident(id: number, compound = 0, lang = 'zh-hans') {
  await residents.touchUser(h.db, { id, first_name: `居民${id}`, language_code: lang }, t0);
  await residents.setHome(h.db, id, compounds[compound]!.id);
}

async function newMarket(opts: Partial<market.NewMarketInput> = {}) {
  return market.createMarket(
    h.db,
    STAFF,
    {
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
    },
    t0,
    policy,
  );
}

const offerOf = async (marketId: number, code: string) =>
  (await store.offersOf(h.db, marketId)).find((o) => o.service_id === services.get(code))!;
const deliveries = async (prefix: string) =>
  Promise.all(
    (
      await h.db.selectFrom('deliveries').selectAll().where('dedupe_key', 'like', `${prefix}%`).orderBy('id').execute()
    ).map(async (d) => ({ ...d, content: (await contentOf(h.db, d)) as any })),
  );

beforeEach(async () => {
  h = await freshDb();
  await residents.seedDemoPlaces(h.db);
  await seedCatalogue(h.db);
  compounds = await residents.listCompounds(h.db);
  services = new Map((await store.listServices(h.db)).map((s) => [s.code, s.id]));
  await residents.touchUser(h.db, { id: STAFF, first_name: 'Staff' }, t0);
  await residents.grantRole(h.db, null, STAFF, 'staff', t0);
});
afterEach(() => h.close());

describe('scheduling', () => {
  it('the next compound in rotation is proposed after the last market day', async () => {
    expect(await market.proposeCompound(h.db)).toBe(compounds[0]!.id);
    await newMarket({ compoundId: compounds[1]!.id });
    expect(await market.proposeCompound(h.db)).toBe(compounds[2]!.id);
    await newMarket({ date: '2026-12-12', compoundId: compounds.at(-1)!.id });
    expect(await market.proposeCompound(h.db)).toBe(compounds[0]!.id);
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
    expect(await market.recentMarkets(h.db)).toEqual([]);
  });

  it('publishing announces to the host compound and to subscribers, once', async () => {
    await resident(100); // host compound
    await resident(101); // host compound, takes no notices
    await residents.setNoticesOptOut(h.db, 101, true);
    await resident(102, 1); // another compound
    await resident(103, 2); // another compound, wants to hear about any market
    await booking.subscribe(h.db, 103, 'any', t0);
    await resident(104, 3); // another compound, only their own
    await booking.subscribe(h.db, 104, 'home', t0);
    await resident(105); // host compound but blocked the bot
    await residents.setReachable(h.db, 105, false);
    const id = await newMarket();
    expect(await deliveries('market:announce')).toEqual([]); // a draft says nothing
    expect(await market.publishMarket(h.db, STAFF, id, t0, policy)).toBe(2);
    const sent = await deliveries('market:announce');
    expect(sent.map((d) => d.chat_id)).toEqual([100, 103]);
    expect(sent[0]!.content).toMatchObject({
      key: 'market.notify.announce',
      params: { date: '2026-12-05', start: '09:00', location: '荷塘花园 3 栋前广场' },
    });
    expect(sent[0]!.content.params.services['zh-CN']).toContain('磨刀');
    await expect(market.publishMarket(h.db, STAFF, id, t0, policy)).rejects.toThrow(/alreadyPublished/);
    expect((await deliveries('market:announce')).length).toBe(2);
  });
});

describe('booking', () => {
  let id: number;
  beforeEach(async () => {
    for (let u = 100; u < 110; u++) await resident(u);
    id = await newMarket();
    await market.publishMarket(h.db, STAFF, id, t0, policy);
  });

  it('a booking gets the next ticket and an estimated time', async () => {
    const knife = await offerOf(id, 'knife');
    const a = await booking.book(h.db, 100, knife.id, {}, t0, policy);
    const b = await booking.book(h.db, 101, knife.id, {}, t0, policy);
    expect([a.ticket, a.estimate]).toEqual(['磨刀-01', '09:00']);
    expect([b.ticket, b.estimate]).toEqual(['磨刀-02', '09:05']);
  });

  it('one active booking per service per person: a double tap gets the same ticket back as an error', async () => {
    const knife = await offerOf(id, 'knife');
    await booking.book(h.db, 100, knife.id, {}, t0, policy);
    await expect(booking.book(h.db, 100, knife.id, {}, t0, policy)).rejects.toMatchObject({
      code: 'market.alreadyBooked',
      params: { ticket: '磨刀-01' },
    });
    expect((await offerOf(id, 'knife')).booked).toBe(1);
    // another service is fine
    await booking.book(h.db, 100, (await offerOf(id, 'haircut')).id, {}, t0, policy);
  });

  it('fifty residents pressing "book" for the last five places at once get exactly five tickets', async () => {
    const m2 = await newMarket({ date: '2026-12-06', services: [{ serviceId: services.get('bp')!, capacity: 10 }] });
    await market.publishMarket(h.db, STAFF, m2, t0, policy);
    const bp = await offerOf(m2, 'bp');
    for (let u = 100; u < 105; u++) await booking.book(h.db, u, bp.id, {}, t0, policy);
    const crowd = Array.from({ length: 50 }, (_, i) => 1000 + i);
    for (const u of crowd) await resident(u);
    const results = await Promise.allSettled(crowd.map((u) => booking.book(h.db, u, bp.id, {}, t0, policy)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const full = results.filter(
      (r) => r.status === 'rejected' && (r.reason as { code?: string }).code === 'market.full',
    );
    expect(won.length).toBe(5);
    expect(full.length).toBe(45);
    const tickets = won.map((r) => (r as PromiseFulfilledResult<booking.BookingView>).value.ticket).sort();
    expect(tickets).toEqual(['血压-06', '血压-07', '血压-08', '血压-09', '血压-10']);
    expect((await offerOf(m2, 'bp')).booked).toBe(10);
  });

  it('a full service offers the waitlist; a cancellation promotes the first in line and tells them', async () => {
    const appl = await offerOf(id, 'appliance'); // capacity 2
    const details = { details: '电饭煲不加热' };
    const first = await booking.book(h.db, 100, appl.id, details, t0, policy);
    await booking.book(h.db, 101, appl.id, details, t0, policy);
    await expect(booking.book(h.db, 102, appl.id, details, t0, policy)).rejects.toThrow(/market.full/);
    const w1 = await booking.joinWaitlist(h.db, 102, appl.id, details, t0, policy);
    const w2 = await booking.joinWaitlist(h.db, 103, appl.id, details, t0, policy);
    expect([w1.status, w1.position, w2.position]).toEqual(['waiting', 1, 2]);
    await expect(booking.joinWaitlist(h.db, 102, appl.id, details, t0, policy)).rejects.toMatchObject({
      code: 'market.alreadyWaiting',
      params: { position: 1 },
    });

    const r = await booking.cancelBooking(h.db, 100, first.id, t0, policy);
    expect(r.promoted).toBe(1);
    const promoted = await booking.ownBooking(h.db, 102, w1.id, policy);
    expect([promoted.status, promoted.ticket]).toEqual(['booked', '家电-03']); // numbers are never reused
    expect((await booking.ownBooking(h.db, 103, w2.id, policy)).position).toBe(1);
    const told = await deliveries('market:promoted');
    expect(told.map((d) => d.chat_id)).toEqual([102]);
    expect(told[0]!.content.params).toMatchObject({ ticket: '家电-03', time: '09:30' });
    // a second tap on "cancel" changes nothing more
    await expect(booking.cancelBooking(h.db, 100, first.id, t0, policy)).rejects.toThrow(/bookingNotFound/);
    expect((await deliveries('market:promoted')).length).toBe(1);
  });

  it("a resident cannot cancel someone else's booking", async () => {
    const b = await booking.book(h.db, 100, (await offerOf(id, 'knife')).id, {}, t0, policy);
    await expect(booking.cancelBooking(h.db, 101, b.id, t0, policy)).rejects.toThrow(/bookingNotFound/);
    expect((await booking.ownBooking(h.db, 100, b.id, policy)).status).toBe('booked');
  });

  it('a larger capacity gives waiting residents places; a smaller one than already booked is refused', async () => {
    const knife = await offerOf(id, 'knife');
    for (const u of [100, 101, 102]) await booking.book(h.db, u, knife.id, {}, t0, policy);
    await booking.joinWaitlist(h.db, 103, knife.id, {}, t0, policy);
    await expect(
      booking.setCapacities(h.db, STAFF, id, new Map([[services.get('knife')!, 2]]), t0, policy),
    ).rejects.toThrow(/capacityBelowBooked/);
    expect(await booking.setCapacities(h.db, STAFF, id, new Map([[services.get('knife')!, 5]]), t0, policy)).toBe(1);
    expect((await booking.myBookings(h.db, 103, t0, policy))[0]).toMatchObject({ status: 'booked', ticket: '磨刀-04' });
  });

  it('repair bookings need a description; empty, invisible or over-long ones change nothing', async () => {
    const appl = await offerOf(id, 'appliance');
    for (const d of ['', '   ', '\u200b\u200f', '长'.repeat(301)]) {
      await expect(booking.book(h.db, 100, appl.id, { details: d }, t0, policy)).rejects.toThrow(
        /details(Empty|TooLong)/,
      );
    }
    expect((await offerOf(id, 'appliance')).booked).toBe(0);
    const ok = await booking.book(h.db, 100, appl.id, { details: '  风扇不转 ', photo: 'PHOTO-1' }, t0, policy);
    expect([ok.details, ok.photo]).toEqual(['风扇不转', 'PHOTO-1']);
    const changed = await booking.changeDetails(h.db, 100, ok.id, { details: '风扇不转，有焦味' }, t0, policy);
    expect([changed.details, changed.photo]).toEqual(['风扇不转，有焦味', 'PHOTO-1']);
  });

  it('bookings close the configured hours before the start; a past market says it is over', async () => {
    const knife = await offerOf(id, 'knife');
    // 09:00 start, closes 12 hours before: 21:00 the evening before
    await booking.book(h.db, 100, knife.id, {}, at('2026-12-04T20:59:00'), policy);
    await expect(booking.book(h.db, 101, knife.id, {}, at('2026-12-04T21:00:00'), policy)).rejects.toThrow(
      /market.closed/,
    );
    await expect(booking.book(h.db, 101, knife.id, {}, at('2026-12-05T12:00:00'), policy)).rejects.toThrow(
      /market.over/,
    );
    expect((await offerOf(id, 'knife')).booked).toBe(1);
  });

  it('a draft or cancelled market cannot be booked', async () => {
    const draft = await newMarket({ date: '2026-12-12' });
    await expect(booking.book(h.db, 100, (await offerOf(draft, 'knife')).id, {}, t0, policy)).rejects.toThrow(
      /market.notOpen/,
    );
    await market.cancelMarket(h.db, STAFF, id, t0, policy);
    await expect(booking.book(h.db, 100, (await offerOf(id, 'knife')).id, {}, t0, policy)).rejects.toThrow(
      /market.cancelled/,
    );
  });

  it('a change of time or place tells every ticket and waitlist holder; a cancellation tells them and ends their bookings', async () => {
    const appl = await offerOf(id, 'appliance');
    for (const u of [100, 101]) await booking.book(h.db, u, appl.id, { details: '收音机没声音' }, t0, policy);
    await booking.joinWaitlist(h.db, 102, appl.id, { details: '收音机没声音' }, t0, policy);
    expect(
      await market.changeMarket(
        h.db,
        STAFF,
        id,
        { startsAt: '14:00', endsAt: '17:00', location: '月塘新村活动室' },
        t0,
        policy,
      ),
    ).toBe(3);
    const changed = await deliveries('market:changed');
    expect(changed.map((d) => d.chat_id)).toEqual([100, 101, 102]);
    expect(changed[0]!.content.params).toMatchObject({ start: '14:00', location: '月塘新村活动室' });
    expect(await market.changeMarket(h.db, STAFF, id, { date: '2026-12-06' }, t0, policy)).toBe(3); // each change is its own notice
    expect((await deliveries('market:changed')).length).toBe(6);
    expect(await market.cancelMarket(h.db, STAFF, id, t0, policy)).toBe(3);
    expect((await deliveries('market:cancelled')).map((d) => d.chat_id)).toEqual([100, 101, 102]);
    expect(await booking.myBookings(h.db, 100, t0, policy)).toEqual([]);
    expect((await listAudit(h.db, { actorId: STAFF })).map((a) => a.action)).toEqual(
      expect.arrayContaining(['market.change', 'market.cancel', 'market.publish']),
    );
  });

  it('the "booked on the next market day" audience is exactly the ticket holders', async () => {
    const knife = await offerOf(id, 'knife');
    for (const u of [100, 101, 102]) await booking.book(h.db, u, knife.id, {}, t0, policy);
    await booking.joinWaitlist(h.db, 103, knife.id, {}, t0, policy);
    const c = await booking.book(h.db, 104, (await offerOf(id, 'haircut')).id, {}, t0, policy);
    await booking.cancelBooking(h.db, 104, c.id, t0, policy);
    expect(await market.bookedOnNextMarket(h.db, t0, policy.timezone)).toEqual([100, 101, 102]);
  });
});

describe('reminders', () => {
  it('the evening before and the morning of, each once, with the ticket and what to bring', async () => {
    await resident(100);
    await resident(101, 0, 'en');
    const id = await newMarket();
    await market.publishMarket(h.db, STAFF, id, t0, policy);
    await booking.book(h.db, 100, (await offerOf(id, 'knife')).id, {}, t0, policy);
    await booking.book(h.db, 101, (await offerOf(id, 'haircut')).id, {}, t0, policy);
    const appl = (await offerOf(id, 'appliance')).id; // capacity 2: the third waits
    for (const u of [102, 103]) {
      await resident(u);
      await booking.book(h.db, u, appl, { details: '台灯不亮' }, t0, policy);
    }
    await resident(104);
    await booking.joinWaitlist(h.db, 104, appl, { details: '台灯不亮' }, t0, policy);
    expect(await reminders.queueReminders(h.db, at('2026-12-04T17:59:00'), policy)).toBe(0);
    expect(await reminders.queueReminders(h.db, at('2026-12-04T18:00:00'), policy)).toBe(4); // the waiting one gets none
    expect(await reminders.queueReminders(h.db, at('2026-12-04T18:05:00'), policy)).toBe(0);
    const eve = await deliveries('market:remind-eve');
    expect(eve[0]!.content).toMatchObject({
      key: 'market.remind.evening',
      params: { ticket: '磨刀-01', time: '09:00', bring: { 'zh-CN': '刀具用报纸或布包好' } },
    });
    expect(eve[1]!.content.params.bring).toEqual({ $t: 'market.remind.bringNothing' });
    expect(await reminders.queueReminders(h.db, at('2026-12-05T07:59:00'), policy)).toBe(0);
    // a restart that missed 08:00 still catches up at 08:40
    expect(await reminders.queueReminders(h.db, at('2026-12-05T08:40:00'), policy)).toBe(4);
    expect(await reminders.queueReminders(h.db, at('2026-12-05T08:45:00'), policy)).toBe(0);
    expect(await reminders.queueReminders(h.db, at('2026-12-05T12:30:00'), policy)).toBe(0);
  });
});

describe('the day itself', () => {
  let id: number;
  beforeEach(async () => {
    for (let u = 100; u < 106; u++) await resident(u);
    id = await newMarket();
    await market.publishMarket(h.db, STAFF, id, t0, policy);
  });

  it('staff work the queue in ticket order; outcomes, notes, walk-ins and no-shows add up in the summary', async () => {
    const appl = await offerOf(id, 'appliance');
    const knife = await offerOf(id, 'knife');
    const a1 = await booking.book(h.db, 100, appl.id, { details: '电扇不转' }, t0, policy);
    const a2 = await booking.book(h.db, 101, appl.id, { details: '电饭煲不热' }, t0, policy);
    const k1 = await booking.book(h.db, 102, knife.id, {}, t0, policy);
    const k2 = await booking.book(h.db, 103, knife.id, {}, t0, policy);
    const k3 = await booking.book(h.db, 104, knife.id, {}, t0, policy);
    const onDay = at('2026-12-05T09:30:00');
    const walk = await day.addWalkIn(h.db, STAFF, knife.id, 3, onDay);
    expect(walk.ticket).toBe('磨刀-04'); // beyond capacity 3: they are already here
    await expect(day.addWalkIn(h.db, STAFF, knife.id, 3, onDay)).rejects.toThrow(/alreadyRecorded/); // double tap
    const q = await day.serviceQueue(h.db, knife.id);
    expect(q.entries.map((e) => e.ticket)).toEqual(['磨刀-01', '磨刀-02', '磨刀-03', '磨刀-04']);

    await day.recordOutcome(h.db, STAFF, a1.id, 'fixed', onDay);
    await day.recordOutcome(h.db, STAFF, a2.id, 'needs_parts', onDay);
    await day.addNote(h.db, STAFF, a2.id, '需要换温控器', onDay);
    await expect(day.recordOutcome(h.db, STAFF, a1.id, 'not_fixable', onDay)).rejects.toThrow(/alreadyRecorded/);
    await day.recordOutcome(h.db, STAFF, k2.id, 'no_show', onDay);
    await expect(day.recordOutcome(h.db, STAFF, k1.id, 'fixed', onDay)).rejects.toThrow(); // sharpening is served, not "fixed"
    await day.recordOutcome(h.db, STAFF, walk.id, 'served', onDay);
    await day.recordOutcome(h.db, STAFF, k3.id, 'served', onDay);
    const hc = await booking.book(h.db, 105, (await offerOf(id, 'haircut')).id, {}, t0, policy);
    await day.recordOutcome(h.db, STAFF, hc.id, 'served', onDay);

    const s = await day.summary(h.db, id);
    expect(s).toMatchObject({ served: 5, residents: 5, solved: 4, noShows: 1, walkIns: 1 });
    const applS = s.services.find((x) => x.name_zh === '家电维修')!;
    expect(applS).toMatchObject({ booked: 2, served: 2, fixed: 1, needsParts: 1, notFixable: 0 });
    expect((await day.queueEntry(h.db, a2.id)).entry.note).toBe('需要换温控器');
    expect((await listAudit(h.db, { action: 'market.outcome' })).length).toBe(6);
  });

  it('two weeks after a fix the resident is asked once whether it held; the answer counts in the summary', async () => {
    const appl = await offerOf(id, 'appliance');
    const a1 = await booking.book(h.db, 100, appl.id, { details: '电扇不转' }, t0, policy);
    const a2 = await booking.book(h.db, 101, appl.id, { details: '收音机' }, t0, policy);
    const servedAt = at('2026-12-05T10:00:00');
    await day.recordOutcome(h.db, STAFF, a1.id, 'fixed', servedAt);
    await day.recordOutcome(h.db, STAFF, a2.id, 'not_fixable', servedAt);
    expect(await reminders.queueHoldChecks(h.db, at('2026-12-19T09:59:00'), policy)).toBe(0);
    expect(await reminders.queueHoldChecks(h.db, at('2026-12-19T10:00:00'), policy)).toBe(1);
    expect(await reminders.queueHoldChecks(h.db, at('2026-12-19T10:05:00'), policy)).toBe(0);
    const asked = await findDelivery(h.db, `market:hold:${a1.id}`);
    expect(asked?.chat_id).toBe(100);
    await expect(reminders.answerHold(h.db, 101, a1.id, false, servedAt)).rejects.toThrow(/bookingNotFound/);
    await reminders.answerHold(h.db, 100, a1.id, true, servedAt);
    await expect(reminders.answerHold(h.db, 100, a1.id, false, servedAt)).rejects.toThrow(/alreadyAnswered/);
    expect(await day.summary(h.db, id)).toMatchObject({ heldYes: 1, heldNo: 0 });
  });

  it('the export is UTF-8 CSV with a byte-order mark, quoted, and safe to open in a spreadsheet', async () => {
    const appl = await offerOf(id, 'appliance');
    await residents.touchUser(h.db, { id: 100, first_name: '王"阿姨"' }, t0);
    const b = await booking.book(h.db, 100, appl.id, { details: '=HYPERLINK("x"),电扇\n不转' }, t0, policy);
    await day.recordOutcome(h.db, STAFF, b.id, 'fixed', at('2026-12-05T09:10:00'));
    const csv = await exportCsv(h.db, '2026-12-05');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    const lines = csv.slice(1).split('\r\n');
    expect(lines[0]).toBe(
      'ticket,service_zh,service_en,status,outcome,note,walk_in,name,phone,details,booked_at,served_at,fix_held',
    );
    expect(lines[1]).toContain('家电-01,家电维修,Appliance repair,served,fixed,,0,"王""阿姨""",');
    expect(lines[1]).toContain(`"'=HYPERLINK(""x""),电扇\n不转"`);
    await expect(exportCsv(h.db, '2026-12-06')).rejects.toThrow(/market.notFound/);
  });
});

describe('subscriptions and demo data', () => {
  it('"my compound" needs a home compound; "any" and "stop" work for everyone', async () => {
    await residents.touchUser(h.db, { id: 200, first_name: 'New' }, t0);
    await expect(booking.subscribe(h.db, 200, 'home', t0)).rejects.toThrow(/noHome/);
    expect(await booking.subscribe(h.db, 200, 'any', t0)).toBe('any');
    expect(await booking.subscriptionOf(h.db, 200)).toBe('any');
    await booking.subscribe(h.db, 200, 'none', t0);
    expect(await booking.subscriptionOf(h.db, 200)).toBe('none');
  });

  it('seed demo adds the twenty-service catalogue and one market day, and is safe to run twice', async () => {
    const first = await seedDemoMarket(h.db, t0, policy);
    await seedDemoMarket(h.db, t0, policy);
    expect(first).toContain('20 services');
    const all = await store.listServices(h.db);
    expect(all.length).toBe(20);
    expect(all.map((s) => s.name_zh)).toEqual(
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
    expect(new Set(all.map((s) => s.ticket_prefix)).size).toBe(20);
    const next = await market.nextMarket(h.db, t0, policy.timezone);
    expect(next?.status).toBe('published');
    expect(new Date(`${next!.date}T12:00:00Z`).getUTCDay()).toBe(6);
    expect((await store.offersOf(h.db, next!.id)).length).toBe(20);
    expect((await market.recentMarkets(h.db)).length).toBe(1);
  });
});
