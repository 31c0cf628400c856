import { type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Database, DbOrTx } from '../../db/schema';

export type ServiceRow = Selectable<Database['market_services']>;
export type NewService = Insertable<Database['market_services']>;
export type MarketRow = Selectable<Database['market_days']>;
export type NewMarket = Insertable<Database['market_days']>;
export type OfferRow = Selectable<Database['market_offers']>;
export type BookingRow = Selectable<Database['market_bookings']>;
export type NewBooking = Insertable<Database['market_bookings']>;

/** Statuses that hold a place or a waitlist spot. */
export const ACTIVE = ['booked', 'waiting'] as const;

// ── catalogue ──────────────────────────────────────────────────────────────
export const listServices = (db: DbOrTx, activeOnly = true) => {
  let q = db.selectFrom('market_services').selectAll().orderBy('group_key').orderBy('id');
  if (activeOnly) q = q.where('active', '=', 1);
  return q.execute();
};

export const findService = (db: DbOrTx, id: number) =>
  db.selectFrom('market_services').selectAll().where('id', '=', id).executeTakeFirst();

export const upsertService = (db: DbOrTx, s: NewService) =>
  db
    .insertInto('market_services')
    .values(s)
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();

// ── market days ───────────────────────────────────────────────────────────
export const insertMarket = async (db: DbOrTx, m: NewMarket) =>
  (await db.insertInto('market_days').values(m).returning('id').executeTakeFirstOrThrow()).id;

export const findMarket = (db: DbOrTx, id: number) =>
  db.selectFrom('market_days').selectAll().where('id', '=', id).executeTakeFirst();

export const updateMarket = (db: DbOrTx, id: number, patch: Updateable<Database['market_days']>) =>
  db.updateTable('market_days').set(patch).where('id', '=', id).executeTakeFirst();

export const bumpRevision = (db: DbOrTx, id: number) =>
  db
    .updateTable('market_days')
    .set((eb) => ({ revision: eb('revision', '+', 1) }))
    .where('id', '=', id)
    .execute();

/** Published (or, with drafts, also unpublished) market days on or after a date, soonest first. */
export const marketsFrom = (db: DbOrTx, fromDate: string, statuses: string[]) =>
  db
    .selectFrom('market_days')
    .selectAll()
    .where('date', '>=', fromDate)
    .where('status', 'in', statuses)
    .orderBy('date')
    .orderBy('starts_at')
    .orderBy('id')
    .execute();

export const marketsOn = (db: DbOrTx, date: string) =>
  db.selectFrom('market_days').selectAll().where('date', '=', date).orderBy('id').execute();

export const recentMarkets = (db: DbOrTx, limit: number) =>
  db
    .selectFrom('market_days')
    .selectAll()
    .where('status', '!=', 'cancelled')
    .orderBy('date', 'desc')
    .orderBy('id', 'desc')
    .limit(limit)
    .execute();

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

// ── offers ────────────────────────────────────────────────────────────────
export const insertOffers = (db: DbOrTx, rows: { market_id: number; service_id: number; capacity: number }[]) =>
  rows.length ? db.insertInto('market_offers').values(rows).execute() : Promise.resolve();

export interface OfferView extends OfferRow {
  name_zh: string;
  name_en: string;
  ticket_prefix: string;
  needs_details: number;
  is_repair: number;
  minutes_per_ticket: number;
  bring_zh: string | null;
  bring_en: string | null;
  group_key: string;
  description_zh: string;
  description_en: string;
  booked: number;
  waiting: number;
}

const offerView = (db: DbOrTx) =>
  db
    .selectFrom('market_offers as o')
    .innerJoin('market_services as s', 's.id', 'o.service_id')
    .selectAll('o')
    .select([
      's.name_zh',
      's.name_en',
      's.ticket_prefix',
      's.needs_details',
      's.is_repair',
      's.minutes_per_ticket',
      's.bring_zh',
      's.bring_en',
      's.group_key',
      's.description_zh',
      's.description_en',
    ])
    .select((eb) => [
      // Served and no-show tickets keep their place: capacity is about the day's work, not the queue right now.
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
    ])
    .$castTo<OfferView>();

export const offersOf = (db: DbOrTx, marketId: number) =>
  offerView(db).where('o.market_id', '=', marketId).orderBy('s.group_key').orderBy('s.id').execute();

export const findOffer = (db: DbOrTx, offerId: number) => offerView(db).where('o.id', '=', offerId).executeTakeFirst();

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

// ── bookings ──────────────────────────────────────────────────────────────
export const insertBooking = async (db: DbOrTx, b: NewBooking) =>
  (await db.insertInto('market_bookings').values(b).returning('id').executeTakeFirstOrThrow()).id;

export const findBooking = (db: DbOrTx, id: number) =>
  db.selectFrom('market_bookings').selectAll().where('id', '=', id).executeTakeFirst();

export const updateBooking = (db: DbOrTx, id: number, patch: Updateable<Database['market_bookings']>) =>
  db.updateTable('market_bookings').set(patch).where('id', '=', id).executeTakeFirst();

/** Changes a booking only if it is still in one of the expected states: a double tap finds nothing to change. */
export const transitionBooking = async (
  db: DbOrTx,
  id: number,
  from: readonly string[],
  patch: Updateable<Database['market_bookings']>,
) =>
  (
    await db
      .updateTable('market_bookings')
      .set(patch)
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

export const activeBookingFor = (db: DbOrTx, offerId: number, userId: number) =>
  db
    .selectFrom('market_bookings')
    .selectAll()
    .where('offer_id', '=', offerId)
    .where('user_id', '=', userId)
    .where('status', 'in', [...ACTIVE])
    .executeTakeFirst();

export const firstWaiting = (db: DbOrTx, offerId: number) =>
  db
    .selectFrom('market_bookings')
    .selectAll()
    .where('offer_id', '=', offerId)
    .where('status', '=', 'waiting')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();

export const waitingAhead = async (db: DbOrTx, offerId: number, bookingId: number) =>
  Number(
    (
      await db
        .selectFrom('market_bookings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('offer_id', '=', offerId)
        .where('status', '=', 'waiting')
        .where('id', '<', bookingId)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const bookingsOfMarket = (db: DbOrTx, marketId: number, statuses: readonly string[]) =>
  db
    .selectFrom('market_bookings')
    .selectAll()
    .where('market_id', '=', marketId)
    .where('status', 'in', [...statuses])
    .orderBy('id')
    .execute();

/** One service's tickets in ticket order (waitlist last, in line order). */
export const queueOf = (db: DbOrTx, offerId: number) =>
  db
    .selectFrom('market_bookings as b')
    .leftJoin('users as u', 'u.id', 'b.user_id')
    .selectAll('b')
    .select(['u.first_name', 'u.last_name', 'u.phone'])
    .where('b.offer_id', '=', offerId)
    .where('b.status', '!=', 'cancelled')
    .orderBy(sql`b.ticket_no is null`)
    .orderBy('b.ticket_no')
    .orderBy('b.id')
    .execute();

/** A user's bookings on markets from `fromDate` on, still active. */
export const activeBookingsOfUser = (db: DbOrTx, userId: number, fromDate: string) =>
  db
    .selectFrom('market_bookings as b')
    .innerJoin('market_days as m', 'm.id', 'b.market_id')
    .selectAll('b')
    .where('b.user_id', '=', userId)
    .where('b.status', 'in', [...ACTIVE])
    .where('m.date', '>=', fromDate)
    .where('m.status', '=', 'published')
    .orderBy('m.date')
    .orderBy('b.id')
    .execute();

export const bookedUserIds = async (db: DbOrTx, marketId: number) =>
  (
    await db
      .selectFrom('market_bookings')
      .select('user_id')
      .distinct()
      .where('market_id', '=', marketId)
      .where('status', '=', 'booked')
      .where('user_id', 'is not', null)
      .orderBy('user_id')
      .execute()
  ).map((r) => r.user_id!);

/** Fixed repairs whose "did it hold?" question is due (served on or before `servedBefore`) and not yet asked. */
export const holdChecksDue = (db: DbOrTx, servedBefore: string) =>
  db
    .selectFrom('market_bookings')
    .selectAll()
    .where('outcome', '=', 'fixed')
    .where('user_id', 'is not', null)
    .where('hold_asked_at', 'is', null)
    .where('served_at', '<=', servedBefore)
    .orderBy('id')
    .execute();

export interface ExportRow extends BookingRow {
  name_zh: string;
  name_en: string;
  ticket_prefix: string;
  first_name: string | null;
  last_name: string | null;
  phone: string | null;
}

export const bookingsForExport = (db: DbOrTx, marketId: number) =>
  db
    .selectFrom('market_bookings as b')
    .innerJoin('market_offers as o', 'o.id', 'b.offer_id')
    .innerJoin('market_services as s', 's.id', 'o.service_id')
    .leftJoin('users as u', 'u.id', 'b.user_id')
    .selectAll('b')
    .select(['s.name_zh', 's.name_en', 's.ticket_prefix', 'u.first_name', 'u.last_name', 'u.phone'])
    .where('b.market_id', '=', marketId)
    .orderBy('s.group_key')
    .orderBy('s.id')
    .orderBy(sql`b.ticket_no is null`)
    .orderBy('b.ticket_no')
    .orderBy('b.id')
    .$castTo<ExportRow>()
    .execute();

// ── subscriptions ─────────────────────────────────────────────────────────
export const subscriptionsOf = (db: DbOrTx, userId: number) =>
  db.selectFrom('market_subscriptions').selectAll().where('user_id', '=', userId).orderBy('id').execute();

export const addSubscription = (db: DbOrTx, userId: number, compoundId: number | null, at: string) =>
  db
    .insertInto('market_subscriptions')
    .values({ user_id: userId, compound_id: compoundId, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();

export const clearSubscriptions = (db: DbOrTx, userId: number) =>
  db.deleteFrom('market_subscriptions').where('user_id', '=', userId).execute();

export interface Recipient {
  id: number;
}

/** Who hears about a market at a compound: its reachable residents who take notices, and everyone subscribed to it or to any compound. */
export async function announcementRecipients(db: DbOrTx, compoundId: number): Promise<{ id: number }[]> {
  const residents = await db
    .selectFrom('users')
    .select('id')
    .where('compound_id', '=', compoundId)
    .where('reachable', '=', 1)
    .where('notices_opt_out', '=', 0)
    .execute();
  const subscribers = await db
    .selectFrom('market_subscriptions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select('u.id')
    .where('u.reachable', '=', 1)
    .where((eb) => eb.or([eb('s.compound_id', '=', compoundId), eb('s.compound_id', 'is', null)]))
    .execute();
  const ids = new Set([...residents, ...subscribers].map((r) => r.id));
  return [...ids].sort((a, b) => a - b).map((id) => ({ id }));
}

/** Runs `fn` in a transaction, joining the caller's if there is one (SQLite has one writer; this keeps it one step). */
export const atomically = <T>(db: DbOrTx, fn: (trx: DbOrTx) => Promise<T>): Promise<T> =>
  db.isTransaction ? fn(db) : db.transaction().execute(fn);
