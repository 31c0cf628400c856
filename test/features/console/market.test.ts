import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { readTable } from '../../../src/core/sheets';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { listAudit } from '../../../src/identity/audit';
import { ADMIN, type ConsoleWorld, consoleWorld, DEPUTY, RESIDENT } from './support';
import { cellsOf } from './tables';

// The clock of consoleWorld is Tuesday 2026-03-10, 10:00 in Shanghai; the market day is that Saturday.
const DAY = '2026-03-14';
const ON_THE_DAY = new Date('2026-03-14T02:30:00Z'); // 10:30 in Shanghai

describe('the market pages', () => {
  let w: ConsoleWorld;
  let marketId: number;
  let venueId: number;
  let cookie: string;
  const english = () => `${cookie}; linli_lang=en`;
  const get = async (path: string) => (await w.request(path, { cookie: english() })).text();

  beforeEach(async () => {
    w = await consoleWorld();
    const { market, residents } = w.areas.services;
    await seedDemoPlaces(w.h.db);
    const [home] = await residents.compounds();
    const service = { needsPhoto: false, minutesPerTicket: 10 };
    const knife = await market.addService(ADMIN, {
      ...service,
      nameZh: '磨刀',
      nameEn: 'Knife sharpening',
      groupKey: 'daily',
      defaultCapacity: 2,
      needsDetails: false,
    });
    const appliance = await market.addService(ADMIN, {
      ...service,
      nameZh: '家电维修',
      nameEn: 'Appliance repair',
      groupKey: 'repair',
      defaultCapacity: 3,
      needsDetails: true,
    });
    const old = await market.addService(ADMIN, {
      ...service,
      nameZh: '配钥匙',
      nameEn: 'Key cutting',
      groupKey: 'daily',
      defaultCapacity: 4,
      needsDetails: false,
    });
    await market.retireService(ADMIN, old.id);
    const venue = await market.addVenue(ADMIN, {
      nameZh: '荷塘花园 3 栋前广场',
      nameEn: 'Square by Building 3',
      address: '',
      compoundId: home!.id,
      latitude: null,
      longitude: null,
    });
    venueId = venue.id;
    marketId = await market.createMarket(ADMIN, {
      date: DAY,
      startsAt: '09:00',
      endsAt: '12:00',
      venueId: venue.id,
      services: [{ serviceId: knife.id }, { serviceId: appliance.id }],
    });
    await market.publishMarket(ADMIN, marketId);
    for (const id of [401, 402, 403, 404]) {
      await w.platform.identity.touch({ id, first_name: `Resident${id}` });
      await residents.setHome(id, home!.id);
    }
    const offers = await market.offers(marketId);
    const knifeOffer = offers.find((o) => o.serviceId === knife.id)!;
    const applianceOffer = offers.find((o) => o.serviceId === appliance.id)!;
    const k1 = await market.book(401, knifeOffer.id, {});
    const k2 = await market.book(402, knifeOffer.id, {});
    await market.joinWaitlist(403, knifeOffer.id, {});
    await market.book(404, applianceOffer.id, { details: '<i>电扇</i>不转' });

    // The day itself: one knife served, one did not come, a walk-in's fan fixed; the booked fan is still to come.
    w.clock.set(ON_THE_DAY);
    await market.recordOutcome(ADMIN, k1.id, 'served');
    await market.recordOutcome(ADMIN, k2.id, 'no_show');
    const walkIn = await market.addWalkIn(ADMIN, applianceOffer.id, 1);
    await market.recordOutcome(ADMIN, walkIn.id, 'fixed');
    ({ cookie } = await w.signIn(ADMIN));
  });
  afterEach(() => w.close());

  it('the catalogue shows both names, the places a day and which services are retired', async () => {
    const page = await get('/market');
    expect(cellsOf(page, '磨刀')).toEqual(['磨刀', 'Knife sharpening', 'Daily life', '2', '10', 'offered']);
    expect(cellsOf(page, '家电维修')).toEqual(['家电维修', 'Appliance repair', 'Repairs', '3', '10', 'offered']);
    expect(cellsOf(page, '配钥匙')?.at(-1)).toBe('retired');
  });

  it('a market day is listed as coming until it is over, with its places booked of those offered', async () => {
    let page = await get('/market');
    const coming = page.slice(page.indexOf('Coming market days'), page.indexOf('Past market days'));
    expect(cellsOf(coming, DAY)).toEqual([
      DAY,
      '09:00–12:00',
      'Hetang Garden',
      'Square by Building 3',
      'published',
      '3 / 5',
    ]);
    w.clock.set(new Date('2026-03-20T02:00:00Z'));
    ({ cookie } = await w.signIn(ADMIN));
    page = await get('/market');
    const past = page.slice(page.indexOf('Past market days'), page.indexOf('Catalogue of services'));
    expect(cellsOf(past, DAY)?.[0]).toBe(DAY);
    expect(page).toContain('No market day is scheduled.');
  });

  it('staff see the market days fifty to a page, the latest dates first', async () => {
    const { market } = w.areas.services;
    const services = [{ serviceId: (await market.services())[0]!.id }];
    for (let n = 0; n < 50; n++) {
      const date = new Date(Date.UTC(2026, 3, 1 + n)).toISOString().slice(0, 10);
      await market.createMarket(ADMIN, { date, startsAt: '09:00', endsAt: '12:00', venueId, services });
    }
    const first = await get('/market');
    expect(cellsOf(first, '2026-05-20')).toBeDefined();
    expect(cellsOf(first, DAY)).toBeUndefined();
    expect(first).toContain('Page 1 of 2 (51 rows)');
    const second = await get('/market?page=1');
    expect(cellsOf(second, DAY)?.at(-1)).toBe('3 / 5');
    expect(cellsOf(second, '2026-05-20')).toBeUndefined();
  });

  it("a day's page shows booked against places, the queue's outcomes and the waitlist per service", async () => {
    const page = await get(`/market/days/${marketId}`);
    // service, booked / places, served, did not come, still to be called, walk-ins, on the waitlist
    expect(cellsOf(page, 'Knife sharpening')).toEqual(['Knife sharpening', '2 / 2', '1', '1', '0', '0', '1']);
    expect(cellsOf(page, 'Appliance repair')).toEqual(['Appliance repair', '1 / 3', '1', '0', '1', '1', '0']);
    expect(page).toContain('Waitlist (1)');
    expect(page).toMatch(/<li>Resident403<\/li>/);
    expect(page).toContain('did not come');
    expect(page).toContain('✅ Fixed');
    // A resident's words are text on the page, never markup.
    expect(page).toContain('&lt;i&gt;电扇&lt;/i&gt;不转');
    expect(page).not.toContain('<i>电扇');
  });

  it("a day's list downloads through the workbench's market export, and the download is recorded", async () => {
    const page = await get(`/market/days/${marketId}`);
    const href = /href="(\/files\/export\/market\?period=[^"]+)"/.exec(page)?.[1];
    expect(href).toBeDefined();
    const res = await w.request(href!.replaceAll('&amp;', '&'), { cookie: english() });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toContain(DAY);
    const rows = await readTable(Buffer.from(await res.arrayBuffer()));
    const names = rows.flat().map(String);
    expect(names).toEqual(expect.arrayContaining(['Resident401', 'Resident402', 'Resident403', 'Resident404']));
    const [audit] = await listAudit(w.h.db, { action: 'export' });
    expect(audit).toMatchObject({ actorId: ADMIN, subject: 'market' });
    expect(JSON.parse(audit!.details).period).toEqual({ kind: 'day', date: DAY });
  });

  it('a day that is no market day is not found', async () => {
    expect((await w.request(`/market/days/${marketId + 100}`, { cookie })).status).toBe(404);
    expect((await w.request('/market/days/abc', { cookie })).status).toBe(404);
  });

  it("a deputy's or a resident's valid initData gets 403 on the market pages, and each refusal is recorded", async () => {
    for (const who of [DEPUTY, RESIDENT])
      for (const path of ['/market', `/market/days/${marketId}`])
        expect((await w.request(path, { initData: w.initData(who) })).status, `${who} ${path}`).toBe(403);
    const denied = (await listAudit(w.h.db, { action: 'denied', limit: 100 })).map((a) => a.subject);
    expect(denied.filter((s) => s?.startsWith('console:GET /market'))).toHaveLength(4);
  });
});
