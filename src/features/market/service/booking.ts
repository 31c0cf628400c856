import { localDate } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import {
  AlreadyBooked,
  AlreadyWaiting,
  BookingClosed,
  BookingNotFound,
  CapacityBelowBooked,
  MarketCancelled,
  MarketFull,
  MarketNotFound,
  MarketNotOpen,
  MarketOver,
  NoServices,
} from '../errors';
import { parseDetails } from '../input';
import { marketState, marketTimes, placesLeft, ticketOf } from '../policy';
import * as store from '../store';
import { type BookingView, bookingView } from './booking-view';
import { getMarket, type MarketDeps, type Places, placesById } from './deps';
import * as messages from './messages';

export interface BookingInput {
  details?: string | null;
  photo?: string | null;
}

/** Tickets and the waitlist: booking, cancelling, changing what was booked, and places given by capacity. */
export function booking(deps: MarketDeps) {
  const { db, clock, outbox, policy } = deps;
  const tz = policy.timezone;

  const view = (trx: DbOrTx, b: store.Booking, places: Places) => bookingView(trx, b, places, tz);

  /** The offer and its market, if residents may take a place in it right now. */
  async function openOffer(trx: DbOrTx, offerId: number, now: Date) {
    const offer = await store.findOffer(trx, offerId);
    if (!offer) throw new MarketNotFound();
    const market = (await store.findMarket(trx, offer.marketId))!;
    const state = marketState(market, now, tz);
    if (state === 'cancelled') throw new MarketCancelled();
    if (state === 'over') throw new MarketOver();
    if (state === 'closed') throw new BookingClosed();
    if (state === 'draft') throw new MarketNotOpen();
    return { offer, market };
  }

  async function refuseDuplicate(trx: DbOrTx, offer: store.Offer, userId: number) {
    const existing = await store.activeBookingFor(trx, offer.id, userId);
    if (existing?.status === 'booked') throw new AlreadyBooked(ticketOf(offer, existing.ticketNo!));
    if (existing?.status === 'waiting')
      throw new AlreadyWaiting((await store.waitingAhead(trx, offer.id, existing.id)) + 1);
  }

  const cleanInput = (offer: store.Offer, input: BookingInput) => ({
    details: offer.needsDetails ? parseDetails(input.details ?? '') : null,
    photoFileId: offer.needsPhoto ? (input.photo ?? null) : null,
  });

  type Clean = ReturnType<typeof cleanInput>;
  async function insert(trx: DbOrTx, offer: store.Offer, userId: number, clean: Clean, now: Date) {
    const full = placesLeft(offer) <= 0;
    const id = await store.insertBooking(trx, {
      offerId: offer.id,
      marketId: offer.marketId,
      userId,
      status: full ? 'waiting' : 'booked',
      ticketNo: full ? null : await store.nextTicketNo(trx, offer.id),
      ...clean,
      walkIn: false,
      at: now.toISOString(),
    });
    return (await store.findBooking(trx, id))!;
  }

  /**
   * Takes a place for a resident, or (`wait`) joins the line when there is none — a place that freed up meanwhile is
   * booked instead. The capacity check and the insert share one transaction that first locks the offer (SQLite has a
   * single writer; PostgreSQL holds the row until commit), so fifty people pressing "book" for the last five places
   * get exactly five tickets.
   */
  async function take(userId: number, offerId: number, input: BookingInput, wait: boolean, done?: TxHook) {
    const now = clock.now();
    const places = await placesById(deps);
    return store.atomically(db, async (trx) => {
      await store.lockOffer(trx, offerId);
      const { offer } = await openOffer(trx, offerId, now);
      await refuseDuplicate(trx, offer, userId);
      const clean = cleanInput(offer, input);
      if (!wait && placesLeft(offer) <= 0) throw new MarketFull();
      const b = await insert(trx, offer, userId, clean, now);
      await runHooks(trx, done);
      return view(trx, b, places);
    });
  }

  /**
   * Gives free places to the first in line, in order, and tells each of them in the same transaction.
   * Called after a cancellation or a larger capacity; returns how many were promoted.
   */
  async function promoteWaiting(trx: DbOrTx, offerId: number, now: Date, places: Places) {
    let promoted = 0;
    for (;;) {
      const offer = (await store.findOffer(trx, offerId))!;
      const market = (await store.findMarket(trx, offer.marketId))!;
      const state = marketState(market, now, tz);
      if (market.status !== 'published' || state === 'over' || state === 'cancelled') return promoted;
      if (placesLeft(offer) <= 0) return promoted;
      const next = await store.firstWaiting(trx, offerId);
      if (!next || next.userId === null) return promoted;
      const ticketNo = await store.nextTicketNo(trx, offerId);
      await store.updateBooking(trx, next.id, { status: 'booked', ticketNo, updatedAt: now.toISOString() });
      const when = messages.whenParams(market, places.get(market.compoundId));
      const told = { ...next, userId: next.userId };
      await outbox.enqueue(trx, [messages.promoted(told, market, when, offer, ticketNo, tz)], now);
      promoted++;
    }
  }

  async function ownActive(trx: DbOrTx, userId: number, bookingId: number): Promise<store.Booking> {
    const b = await store.findBooking(trx, bookingId);
    if (!b || b.userId !== userId || !store.ACTIVE.includes(b.status)) throw new BookingNotFound();
    return b;
  }

  return {
    book: (userId: number, offerId: number, input: BookingInput, done?: TxHook) =>
      take(userId, offerId, input, false, done),
    /** Joins the line for a full service; if a place freed up meanwhile, books it instead. */
    joinWaitlist: (userId: number, offerId: number, input: BookingInput, done?: TxHook) =>
      take(userId, offerId, input, true, done),

    /**
     * Before asking a resident to describe their item: is the service open to them, and is there still a place?
     * (The real check happens again when they finish, inside the booking transaction.)
     */
    async checkBookable(userId: number, offerId: number) {
      const { offer, market } = await openOffer(db, offerId, clock.now());
      await refuseDuplicate(db, offer, userId);
      return { offer, market, full: placesLeft(offer) <= 0 };
    },

    /** A resident gives back their place (or leaves the line); the first in line gets the place and is told. */
    async cancelBooking(userId: number, bookingId: number): Promise<{ promoted: number; view: BookingView }> {
      const now = clock.now();
      const places = await placesById(deps);
      return store.atomically(db, async (trx) => {
        const b = await ownActive(trx, userId, bookingId);
        const market = (await store.findMarket(trx, b.marketId))!;
        if (marketState(market, now, tz) === 'over') throw new MarketOver();
        const patch = { status: 'cancelled' as const, updatedAt: now.toISOString() };
        if (!(await store.transitionBooking(trx, b.id, store.ACTIVE, patch))) throw new BookingNotFound();
        const promoted = b.status === 'booked' ? await promoteWaiting(trx, b.offerId, now, places) : 0;
        return { promoted, view: await view(trx, { ...b, status: 'cancelled' }, places) };
      });
    },

    /** New capacities: a larger one gives waiting residents places at once; a smaller one never drops a ticket. */
    async setCapacities(actorId: number, marketId: number, capacities: Map<number, number>, done?: TxHook) {
      const now = clock.now();
      const places = await placesById(deps);
      return store.atomically(db, async (trx) => {
        const m = await getMarket(trx, marketId);
        if (m.status === 'cancelled') throw new MarketCancelled();
        if (marketTimes(m, tz).end <= now) throw new MarketOver();
        const offers = await store.offersOf(trx, marketId);
        let promoted = 0;
        for (const [serviceId, capacity] of capacities) {
          const o = offers.find((x) => x.serviceId === serviceId);
          if (!o) throw new NoServices();
          if (capacity < o.booked) throw new CapacityBelowBooked(o.nameZh, o.booked);
          await store.setCapacity(trx, o.id, capacity);
          if (m.status === 'published') promoted += await promoteWaiting(trx, o.id, now, places);
        }
        const details = Object.fromEntries(capacities);
        await recordAudit(trx, { actorId, action: 'market.capacity', subject: `market:${marketId}`, details }, now);
        await runHooks(trx, done);
        return promoted;
      });
    },

    /** New description (and optionally a new photo) of the item, while bookings are still open. */
    async changeDetails(userId: number, bookingId: number, input: BookingInput, done?: TxHook): Promise<BookingView> {
      const now = clock.now();
      const places = await placesById(deps);
      return store.atomically(db, async (trx) => {
        const b = await ownActive(trx, userId, bookingId);
        const { offer } = await openOffer(trx, b.offerId, now);
        if (!offer.needsDetails) throw new BookingNotFound();
        const details = parseDetails(input.details ?? '');
        const photo = input.photo === undefined ? {} : { photoFileId: input.photo };
        await store.updateBooking(trx, b.id, { details, ...photo, updatedAt: now.toISOString() });
        await runHooks(trx, done);
        return view(trx, (await store.findBooking(trx, b.id))!, places);
      });
    },

    /** A resident's own booking, or BookingNotFound for anyone else's (a forged button learns nothing). */
    async ownBooking(userId: number, bookingId: number): Promise<BookingView> {
      return view(db, await ownActive(db, userId, bookingId), await placesById(deps));
    },

    /** The resident's ticket or waitlist place for this service, if they hold one: a repeated confirmation finds it. */
    async activeBooking(userId: number, offerId: number): Promise<BookingView | null> {
      const b = await store.activeBookingFor(db, offerId, userId);
      return b ? view(db, b, await placesById(deps)) : null;
    },

    /** Tickets and waitlist places of markets that have not ended. */
    async myBookings(userId: number): Promise<BookingView[]> {
      const now = clock.now();
      const places = await placesById(deps);
      const rows = await store.activeBookingsOfUser(db, userId, localDate(now, tz));
      const views = await Promise.all(rows.map((b) => view(db, b, places)));
      return views.filter((v) => marketState(v.market, now, tz) !== 'over');
    },
  };
}
