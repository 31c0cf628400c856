import { weekdayOf } from '../../../core/calendar';
import { addDays } from '../../../core/time';
import type { Db } from '../../../db/schema';
import type { MarketService } from '../service';
import * as store from '../store';
import { demoServices } from './catalogue';

export async function seedCatalogue(db: Db): Promise<number> {
  const services = demoServices();
  await store.atomically(db, async (trx) => {
    for (const s of services) await store.upsertService(trx, s);
  });
  return services.length;
}

/** The demo's venue at the first compound, added once. */
async function demoVenue(market: MarketService, compoundId: number): Promise<number> {
  const nameZh = '中心广场（篮球场旁）';
  const there = (await market.venues()).find((v) => v.nameZh === nameZh && v.compoundId === compoundId);
  if (there) return there.id;
  const v = await market.addVenue(null, {
    nameZh,
    nameEn: 'Central Square (by the basketball court)',
    address: '',
    compoundId,
    latitude: 27.8407,
    longitude: 113.1801,
  });
  return v.id;
}

/**
 * The catalogue plus one published market day on the second Saturday from now at the first demo compound.
 * Safe to run again: a market already scheduled from today on is left as it is.
 */
export async function seedDemoMarket(db: Db, market: MarketService): Promise<string> {
  const n = await seedCatalogue(db);
  const today = market.today();
  if ((await store.marketsFrom(db, today, ['draft', 'published'])).length > 0)
    return `market: ${n} services; a market day is already scheduled`;
  const compound = (await market.compounds())[0];
  if (!compound) return `market: ${n} services (no compounds, so no market day)`;
  let date = addDays(today, 8);
  while (weekdayOf(date) !== 6) date = addDays(date, 1);
  const services = (await market.services()).map((s) => ({ serviceId: s.id }));
  const venueId = await demoVenue(market, compound.id);
  const id = await market.createMarket(null, { date, startsAt: '09:00', endsAt: '12:00', venueId, services });
  await market.publishMarket(null, id);
  return `market: ${n} services; market day ${date} at ${compound.nameZh}`;
}
