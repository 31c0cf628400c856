import type { DbOrTx } from '../../../db/schema';
import { type Market, type MarketStatus, type Offer, type Service, toMarket, toOffer } from './types';

// Market days and what each day offers.

export interface NewMarket {
  date: string;
  startsAt: string;
  endsAt: string;
  compoundId: number;
  location: string;
  locationEn: string | null;
  address: string;
  venueId: number | null;
  latitude: number | null;
  longitude: number | null;
  closeHoursBefore: number;
  createdBy: number | null;
  createdAt: string;
}

export const insertMarket = async (db: DbOrTx, m: NewMarket) =>
  (
    await db
      .insertInto('market_days')
      .values({
        date: m.date,
        starts_at: m.startsAt,
        ends_at: m.endsAt,
        compound_id: m.compoundId,
        location: m.location,
        location_en: m.locationEn,
        address: m.address,
        venue_id: m.venueId,
        latitude: m.latitude,
        longitude: m.longitude,
        close_hours_before: m.closeHoursBefore,
        created_by: m.createdBy,
        created_at: m.createdAt,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export const findMarket = async (db: DbOrTx, id: number): Promise<Market | undefined> => {
  const r = await db.selectFrom('market_days').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toMarket(r);
};

export const setMarketStatus = (db: DbOrTx, id: number, status: 'published' | 'cancelled', at: string) =>
  db
    .updateTable('market_days')
    .set(status === 'published' ? { status, published_at: at } : { status, cancelled_at: at })
    .where('id', '=', id)
    .execute();

/** When and where, after a change; the revision is the caller's, one more than before. */
export const updateMarketTimes = (
  db: DbOrTx,
  m: Omit<Market, 'closeHoursBefore' | 'status' | 'createdBy' | 'createdAt' | 'publishedAt' | 'cancelledAt'>,
) =>
  db
    .updateTable('market_days')
    .set({
      date: m.date,
      starts_at: m.startsAt,
      ends_at: m.endsAt,
      compound_id: m.compoundId,
      location: m.location,
      location_en: m.locationEn,
      address: m.address,
      venue_id: m.venueId,
      latitude: m.latitude,
      longitude: m.longitude,
      revision: m.revision,
    })
    .where('id', '=', m.id)
    .execute();

/** Market days in these states on or after a date, soonest first. */
export const marketsFrom = async (db: DbOrTx, fromDate: string, statuses: readonly MarketStatus[]) =>
  (
    await db
      .selectFrom('market_days')
      .selectAll()
      .where('date', '>=', fromDate)
      .where('status', 'in', [...statuses])
      .orderBy('date')
      .orderBy('starts_at')
      .orderBy('id')
      .execute()
  ).map(toMarket);

export const marketsOn = async (db: DbOrTx, date: string) =>
  (await db.selectFrom('market_days').selectAll().where('date', '=', date).orderBy('id').execute()).map(toMarket);

/** Published market days with a date in [from, to), for the community report. */
export const publishedBetween = async (db: DbOrTx, from: string, to: string) =>
  (
    await db
      .selectFrom('market_days')
      .selectAll()
      .where('status', '=', 'published')
      .where('date', '>=', from)
      .where('date', '<', to)
      .orderBy('date')
      .orderBy('id')
      .execute()
  ).map(toMarket);

/** Market days newest first, a page at a time (cancelled ones too: staff look back at them). */
export const marketsPage = async (db: DbOrTx, offset: number, limit: number) =>
  (
    await db
      .selectFrom('market_days')
      .selectAll()
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .offset(offset)
      .execute()
  ).map(toMarket);

export const countMarkets = async (db: DbOrTx) =>
  Number(
    (
      await db
        .selectFrom('market_days')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Published market days before `date`, newest first: what the export can offer when a date had none. */
export const heldBefore = async (db: DbOrTx, date: string, limit: number) =>
  (
    await db
      .selectFrom('market_days')
      .selectAll()
      .where('status', '=', 'published')
      .where('date', '<=', date)
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .limit(limit)
      .execute()
  ).map(toMarket);

/** The compound of the most recent market that was not cancelled: rotation continues after it. */
export const lastHostCompound = async (db: DbOrTx) =>
  (
    await db
      .selectFrom('market_days')
      .select('compound_id')
      .where('status', '!=', 'cancelled')
      .orderBy('date', 'desc')
      .orderBy('id', 'desc')
      .limit(1)
      .executeTakeFirst()
  )?.compound_id ?? null;

/** A day's offers, each with the service's names and ticket prefixes as they are now (kept with the offer). */
export const insertOffers = async (db: DbOrTx, marketId: number, rows: { service: Service; capacity: number }[]) => {
  if (rows.length === 0) return;
  await db
    .insertInto('market_offers')
    .values(
      rows.map(({ service: s, capacity }) => ({
        market_id: marketId,
        service_id: s.id,
        capacity,
        name_zh: s.nameZh,
        name_en: s.nameEn,
        ticket_prefix: s.ticketPrefix,
        ticket_prefix_en: s.ticketPrefixEn,
      })),
    )
    .execute();
};

const offerQuery = (db: DbOrTx) =>
  db
    .selectFrom('market_offers as o')
    .innerJoin('market_services as s', 's.id', 'o.service_id')
    .select(['o.id', 'o.market_id', 'o.service_id', 'o.capacity', 'o.tickets_issued'])
    .select((eb) => [
      eb.fn.coalesce('o.name_zh', 's.name_zh').as('name_zh'),
      eb.fn.coalesce('o.name_en', 's.name_en').as('name_en'),
      eb.fn.coalesce('o.ticket_prefix', 's.ticket_prefix').as('ticket_prefix'),
      eb.fn.coalesce('o.ticket_prefix_en', 's.ticket_prefix_en').as('ticket_prefix_en'),
    ])
    .select([
      's.needs_details',
      's.needs_photo',
      's.is_repair',
      's.minutes_per_ticket',
      's.bring_zh',
      's.bring_en',
      's.description_zh',
      's.description_en',
    ])
    .select((eb) => [
      eb
        .selectFrom('market_bookings as b')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('b.offer_id', '=', 'o.id')
        .where('b.status', 'in', ['booked', 'served', 'no_show'])
        .where('b.walk_in', '=', 0)
        .as('booked'),
      eb
        .selectFrom('market_bookings as b')
        .select((e) => e.fn.countAll<number>().as('n'))
        .whereRef('b.offer_id', '=', 'o.id')
        .where('b.status', '=', 'waiting')
        .as('waiting'),
    ]);

/** What a market day offers, in catalogue order (by group, then service). */
export const offersOf = async (db: DbOrTx, marketId: number): Promise<Offer[]> =>
  (await offerQuery(db).where('o.market_id', '=', marketId).orderBy('s.group_key').orderBy('s.id').execute()).map(
    toOffer,
  );

export const findOffer = async (db: DbOrTx, offerId: number): Promise<Offer | undefined> => {
  const r = await offerQuery(db).where('o.id', '=', offerId).executeTakeFirst();
  return r && toOffer(r);
};

export const setCapacity = (db: DbOrTx, offerId: number, capacity: number) =>
  db.updateTable('market_offers').set({ capacity }).where('id', '=', offerId).execute();

/** Takes the next ticket number of a service; runs inside the booking transaction. */
export async function nextTicketNo(db: DbOrTx, offerId: number): Promise<number> {
  const r = await db
    .updateTable('market_offers')
    .set((eb) => ({ tickets_issued: eb('tickets_issued', '+', 1) }))
    .where('id', '=', offerId)
    .returning('tickets_issued')
    .executeTakeFirstOrThrow();
  return r.tickets_issued;
}

/**
 * Takes the offer's row lock for the rest of the transaction (a write that changes nothing: both engines accept it),
 * so that the places counted next are not being taken by another booking at the same moment.
 */
export const lockOffer = (db: DbOrTx, offerId: number) =>
  db
    .updateTable('market_offers')
    .set((eb) => ({ tickets_issued: eb.ref('tickets_issued') }))
    .where('id', '=', offerId)
    .execute();
