import type { Expression, SqlBool } from 'kysely';
import { type ReadQueries, readCompiled } from '../../../db/reads';
import type { DbOrTx } from '../../../db/schema';

// The community report's market figures counted by SQL on the read connection: a year's bookings fetched into
// JavaScript and counted there held the event loop 10–20 ms (issue 14 item 9). summarise() (service/summary.ts)
// counts the same from the rows, for the day's panel; a test holds the two together.

/** Per market day and service: places taken (not the waitlist, not walk-ins), people served, problems solved. */
export interface OfferCount {
  marketId: number;
  offerId: number;
  booked: number;
  served: number;
  solved: number;
  /** Served walk-ins without an account (each visit is one person). */
  walkIns: number;
}

const COUNTED = ['booked', 'waiting', 'served', 'no_show'];

export async function offerCounts(db: DbOrTx, reads: ReadQueries, marketIds: readonly number[]) {
  if (marketIds.length === 0) return [];
  const q = db
    .selectFrom('market_bookings')
    .select((eb) => {
      const n = (cond: Expression<SqlBool>) => eb.fn.sum<number>(eb.case().when(cond).then(1).else(0).end());
      const served = eb('status', '=', 'served');
      return [
        'market_id',
        'offer_id',
        n(eb.and([eb('walk_in', '=', 0), eb('status', '!=', 'waiting')])).as('booked'),
        n(served).as('served'),
        n(eb.and([served, eb('outcome', 'in', ['served', 'fixed'])])).as('solved'),
        n(eb.and([served, eb('user_id', 'is', null)])).as('walk_ins'),
      ];
    })
    .where('market_id', 'in', [...marketIds])
    .where('status', 'in', COUNTED)
    .groupBy(['market_id', 'offer_id'])
    .compile();
  type Row = { market_id: number; offer_id: number; booked: number; served: number; solved: number; walk_ins: number };
  return (await readCompiled<Row>(reads, q)).map(
    (r): OfferCount => ({
      marketId: Number(r.market_id),
      offerId: Number(r.offer_id),
      booked: Number(r.booked),
      served: Number(r.served),
      solved: Number(r.solved),
      walkIns: Number(r.walk_ins),
    }),
  );
}

/** What each market day offered, in catalogue order (by group, then service): only what the report shows. */
export async function reportOffers(db: DbOrTx, reads: ReadQueries, marketIds: readonly number[]) {
  if (marketIds.length === 0) return [];
  const q = db
    .selectFrom('market_offers as o')
    .innerJoin('market_services as s', 's.id', 'o.service_id')
    .select(['o.id', 'o.market_id', 'o.service_id', 'o.capacity'])
    .select((eb) => [
      eb.fn.coalesce('o.name_zh', 's.name_zh').as('name_zh'),
      eb.fn.coalesce('o.name_en', 's.name_en').as('name_en'),
    ])
    .where('o.market_id', 'in', [...marketIds])
    .orderBy('o.market_id')
    .orderBy('s.group_key')
    .orderBy('s.id')
    .compile();
  type Row = { id: number; market_id: number; service_id: number; capacity: number; name_zh: string; name_en: string };
  return (await readCompiled<Row>(reads, q)).map((r) => ({
    id: Number(r.id),
    marketId: Number(r.market_id),
    serviceId: Number(r.service_id),
    capacity: Number(r.capacity),
    nameZh: r.name_zh,
    nameEn: r.name_en,
  }));
}

/**
 * Residents (by account) served at least once on these market days, each counted once however often they came.
 * Counted by the database: the year's 5,000 (day, resident) pairs sent to the bot to be counted there took the year
 * report 7 ms (bench -- scale).
 */
export async function residentsServed(db: DbOrTx, reads: ReadQueries, marketIds: readonly number[]): Promise<number> {
  if (marketIds.length === 0) return 0;
  const q = db
    .selectFrom('market_bookings')
    .select((eb) => eb.fn.count<number>('user_id').distinct().as('n'))
    .where('market_id', 'in', [...marketIds])
    .where('status', '=', 'served')
    .compile();
  const [row] = await readCompiled<{ n: number | string }>(reads, q);
  return Number(row?.n ?? 0);
}
