import { sql, type Updateable } from 'kysely';
import type { Database, DbOrTx } from '../../../db/schema';
import { ACTIVE, type Booking, type BookingStatus, toBooking } from './types';

// Tickets, waitlist places and their results.

export type NewBooking = Pick<
  Booking,
  'offerId' | 'marketId' | 'userId' | 'status' | 'ticketNo' | 'details' | 'photoFileId' | 'walkIn'
> & { at: string };

export const insertBooking = async (db: DbOrTx, b: NewBooking) =>
  (
    await db
      .insertInto('market_bookings')
      .values({
        offer_id: b.offerId,
        market_id: b.marketId,
        user_id: b.userId,
        status: b.status,
        ticket_no: b.ticketNo,
        details: b.details,
        photo_file_id: b.photoFileId,
        walk_in: b.walkIn ? 1 : 0,
        created_at: b.at,
        updated_at: b.at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export type BookingPatch = Partial<
  Pick<
    Booking,
    | 'status'
    | 'ticketNo'
    | 'details'
    | 'photoFileId'
    | 'outcome'
    | 'outcomeNote'
    | 'updatedAt'
    | 'servedAt'
    | 'outcomeAt'
    | 'holdAskedAt'
    | 'holdAnswer'
    | 'holdAnsweredAt'
  >
>;

// Kysely leaves out what is undefined: only the fields given are written.
const columns = (p: BookingPatch): Updateable<Database['market_bookings']> => ({
  status: p.status,
  ticket_no: p.ticketNo,
  details: p.details,
  photo_file_id: p.photoFileId,
  outcome: p.outcome,
  outcome_note: p.outcomeNote,
  updated_at: p.updatedAt,
  served_at: p.servedAt,
  outcome_at: p.outcomeAt,
  hold_asked_at: p.holdAskedAt,
  hold_answer: p.holdAnswer,
  hold_answered_at: p.holdAnsweredAt,
});

export const findBooking = async (db: DbOrTx, id: number): Promise<Booking | undefined> => {
  const r = await db.selectFrom('market_bookings').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toBooking(r);
};

export const updateBooking = (db: DbOrTx, id: number, patch: BookingPatch) =>
  db.updateTable('market_bookings').set(columns(patch)).where('id', '=', id).execute();

/** Changes a booking only if it is still in one of the expected states: a double tap finds nothing to change. */
export const transitionBooking = async (
  db: DbOrTx,
  id: number,
  from: readonly BookingStatus[],
  patch: BookingPatch,
): Promise<boolean> =>
  (
    await db
      .updateTable('market_bookings')
      .set(columns(patch))
      .where('id', '=', id)
      .where('status', 'in', [...from])
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

export const activeBookingFor = async (db: DbOrTx, offerId: number, userId: number) => {
  const r = await db
    .selectFrom('market_bookings')
    .selectAll()
    .where('offer_id', '=', offerId)
    .where('user_id', '=', userId)
    .where('status', 'in', [...ACTIVE])
    .executeTakeFirst();
  return r && toBooking(r);
};

export const firstWaiting = async (db: DbOrTx, offerId: number) => {
  const r = await db
    .selectFrom('market_bookings')
    .selectAll()
    .where('offer_id', '=', offerId)
    .where('status', '=', 'waiting')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return r && toBooking(r);
};

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

export const bookingsOfMarket = async (db: DbOrTx, marketId: number, statuses: readonly BookingStatus[]) =>
  (
    await db
      .selectFrom('market_bookings')
      .selectAll()
      .where('market_id', '=', marketId)
      .where('status', 'in', [...statuses])
      .orderBy('id')
      .execute()
  ).map(toBooking);

/** One service's tickets in ticket order, the waitlist last in line order; cancelled ones only if asked for. */
export const ticketsOf = async (db: DbOrTx, offerId: number, withCancelled = false) => {
  let q = db.selectFrom('market_bookings').selectAll().where('offer_id', '=', offerId);
  if (!withCancelled) q = q.where('status', '!=', 'cancelled');
  const rows = await q.orderBy(sql`ticket_no is null`).orderBy('ticket_no').orderBy('id').execute();
  return rows.map(toBooking);
};

/** A user's bookings on published markets from `fromDate` on, still active. */
export const activeBookingsOfUser = async (db: DbOrTx, userId: number, fromDate: string) =>
  (
    await db
      .selectFrom('market_bookings as b')
      .innerJoin('market_days as m', 'm.id', 'b.market_id')
      .selectAll('b')
      .where('b.user_id', '=', userId)
      .where('b.status', 'in', [...ACTIVE])
      .where('m.date', '>=', fromDate)
      .where('m.status', '=', 'published')
      .orderBy('m.date')
      .orderBy('b.id')
      .execute()
  ).map(toBooking);

/** Tickets of a market day still waiting to be served (walk-ins included). */
export const countWaiting = async (db: DbOrTx, marketId: number) =>
  Number(
    (
      await db
        .selectFrom('market_bookings')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('market_id', '=', marketId)
        .where('status', '=', 'booked')
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Residents holding a ticket (not a waitlist place) for a market day. */
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
  ).flatMap((r) => (r.user_id === null ? [] : [r.user_id]));

/**
 * Fixed repairs whose "did it hold?" question is due (served on or before `servedBefore`) and not yet asked, at most
 * `limit`. The condition is written as the partial index market_bookings_hold_due states it (literals, not bound
 * values), so SQLite reads only the open questions, however long the history.
 */
export const holdChecksDueQuery = (db: DbOrTx, servedBefore: string, limit: number) =>
  db
    .selectFrom('market_bookings')
    .selectAll()
    .where(sql<boolean>`outcome = 'fixed' and hold_asked_at is null and user_id is not null`)
    .where('served_at', '<=', servedBefore)
    .orderBy('served_at')
    .limit(limit);

export const holdChecksDue = async (db: DbOrTx, servedBefore: string, limit: number) =>
  (await holdChecksDueQuery(db, servedBefore, limit).execute()).map(toBooking);

/** Records that the "did it hold?" question was queued for these repairs. */
export const markHoldAsked = async (db: DbOrTx, ids: readonly number[], at: string) => {
  if (ids.length) await db.updateTable('market_bookings').set({ hold_asked_at: at }).where('id', 'in', ids).execute();
};

export type ReminderKind = 'eve' | 'morn';
const REMINDED = { eve: 'reminded_eve_on', morn: 'reminded_morn_on' } as const;

/** Tickets of a market day whose reminder of this kind has not been queued for its current date. */
export const remindersDue = async (db: DbOrTx, marketId: number, kind: ReminderKind, date: string) =>
  (
    await db
      .selectFrom('market_bookings')
      .selectAll()
      .where('market_id', '=', marketId)
      .where('status', '=', 'booked')
      .where('user_id', 'is not', null)
      .where('ticket_no', 'is not', null)
      .where((eb) => eb.or([eb(REMINDED[kind], 'is', null), eb(REMINDED[kind], '!=', date)]))
      .orderBy('id')
      .execute()
  ).map(toBooking);

/** Records that these tickets' reminder of this kind was queued for the market on `date`. */
export const markReminded = async (db: DbOrTx, ids: readonly number[], kind: ReminderKind, date: string) => {
  for (let i = 0; i < ids.length; i += 500)
    await db
      .updateTable('market_bookings')
      .set({ [REMINDED[kind]]: date })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
};
