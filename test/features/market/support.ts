import { afterEach, beforeEach } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { seedCatalogue } from '../../../src/features/market/demo';
import { createMarketService, type MarketService, type NewMarketInput } from '../../../src/features/market/service';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { type Compound, createResidentsService, type ResidentsService } from '../../../src/features/residents/service';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';

// The market's services on a fresh database with the demo places and catalogue: what the service tests share.

/** Sunday 2026-11-29, 10:00 in Shanghai. */
export const t0 = new Date('2026-11-29T02:00:00Z');
export const at = (local: string) => new Date(`${local}+08:00`);
export const STAFF = 1;

export interface MarketBed {
  h: DbHandle;
  clock: ManualClock;
  platform: Platform;
  residents: ResidentsService;
  market: MarketService;
  compounds: Compound[];
  /** Catalogue code → service id. */
  services: Map<string, number>;
  /** A resident living in the `compound`-th demo compound. */
  resident(id: number, compound?: number, lang?: string): Promise<void>;
  /** The venue 荷塘花园 3 栋前广场 in the first compound. */
  venueId: number;
  /** A draft market day on Saturday 2026-12-05 at the first compound's venue: knives 3, appliances 2, haircuts. */
  newMarket(opts?: Partial<NewMarketInput>): Promise<number>;
  /** Runs `fn` with the clock at `when`, then puts it back. */
  atTime<T>(when: Date, fn: () => Promise<T>): Promise<T>;
  offerOf(
    marketId: number,
    code: string,
  ): Promise<MarketService extends { offers(id: number): Promise<(infer O)[]> } ? O : never>;
  /** Outbox messages whose dedupe key starts with `prefix`, content resolved. */
  deliveries(prefix: string): Promise<any[]>;
}

/** A venue for market days in a compound (what staff add in the chat), by its id. */
export const addVenue = async (
  market: MarketService,
  compoundId: number,
  nameZh: string,
  more: { nameEn?: string | null; address?: string; latitude?: number | null; longitude?: number | null } = {},
) =>
  (
    await market.addVenue(null, {
      nameZh,
      nameEn: more.nameEn ?? null,
      address: more.address ?? '',
      compoundId,
      latitude: more.latitude ?? null,
      longitude: more.longitude ?? null,
    })
  ).id;

/** Builds a fresh bed before each test (and closes it after); `use` receives it. */
export function marketBed(use: (bed: MarketBed) => void): void {
  let h: DbHandle | undefined;
  beforeEach(async () => {
    h = await freshDb();
    const db = h.db;
    const clock = new ManualClock(t0);
    const platform = testPlatform(db, { clock });
    const residents = createResidentsService(platform);
    const market = createMarketService(platform, residents);
    await seedDemoPlaces(db);
    await seedCatalogue(db);
    const compounds = await residents.compounds();
    const services = new Map((await market.services()).map((s) => [s.code, s.id]));
    await platform.identity.touch({ id: STAFF, first_name: 'Staff' });
    await platform.identity.grant(null, STAFF, 'staff');
    const venueId = await addVenue(market, compounds[0]!.id, '荷塘花园 3 栋前广场');
    use({
      venueId,
      h,
      clock,
      platform,
      residents,
      market,
      compounds,
      services,
      async resident(id, compound = 0, lang = 'zh-hans') {
        await platform.identity.touch({ id, first_name: `居民${id}`, language_code: lang });
        await residents.setHome(id, compounds[compound]!.id);
      },
      newMarket: (opts = {}) =>
        market.createMarket(STAFF, {
          date: '2026-12-05',
          startsAt: '09:00',
          endsAt: '12:00',
          venueId,
          services: [
            { serviceId: services.get('knife')!, capacity: 3 },
            { serviceId: services.get('appliance')!, capacity: 2 },
            { serviceId: services.get('haircut')! },
          ],
          ...opts,
        }),
      async atTime(when, fn) {
        const before = clock.now();
        clock.set(when);
        try {
          return await fn();
        } finally {
          clock.set(before);
        }
      },
      offerOf: async (marketId, code) =>
        (await market.offers(marketId)).find((o) => o.serviceId === services.get(code))!,
      deliveries: async (prefix) =>
        (await platform.outbox.list({ dedupePrefix: prefix })).map((d) => ({ ...d, content: d.content as any })),
    });
  });
  afterEach(() => h?.close());
}
