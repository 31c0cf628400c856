import { DomainError } from '../../core/errors';
import { localDate } from '../../core/time';
import type { DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { enqueue } from '../delivery/service';
import { getUser } from '../residents/service';
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
} from './errors';
import { parseDetails } from './input';
import {
  estimateTime,
  getMarket,
  marketState,
  marketTimes,
  type Policy,
  placesLeft,
  ticketCode,
  whenParams,
} from './service';
import type { BookingRow, MarketRow, OfferView } from './store';
import * as store from './store';

export class NoHome extends DomainError {
  constructor() {
    super('market.noHome');
  }
}

export interface BookingView {
  id: number;
  status: string;
  ticket: string | null;
  estimate: string | null;
  /** Place in the waitlist (1 = next), for waiting bookings. */
  position: number | null;
  details: string | null;
  photo: string | null;
  offer: OfferView;
  market: MarketRow;
}

export interface BookingInput {
  details?: string | null;
  photo?: string | null;
}

async function view(db: DbOrTx, b: BookingRow, policy: Policy): Promise<BookingView> {
  const offer = (await store.findOffer(db, b.offer_id))!;
  const market = (await store.findMarket(db, b.market_id))!;
  return {
    id: b.id,
    status: b.status,
    ticket: b.ticket_no === null ? null : ticketCode(offer.ticket_prefix, b.ticket_no),
    estimate:
      b.ticket_no === null ? null : estimateTime(market, offer.minutes_per_ticket, b.ticket_no, policy.timezone),
    position: b.status === 'waiting' ? (await store.waitingAhead(db, b.offer_id, b.id)) + 1 : null,
    details: b.details,
    photo: b.photo_file_id,
    offer,
    market,
  };
}

/** The offer and its market, if residents may take a place in it right now. */
async function openOffer(db: DbOrTx, offerId: number, now: Date, policy: Policy) {
  const offer = await store.findOffer(db, offerId);
  if (!offer) throw new MarketNotFound();
  const market = (await store.findMarket(db, offer.market_id))!;
  const state = marketState(market, now, policy.timezone);
  if (state === 'cancelled') throw new MarketCancelled();
  if (state === 'over') throw new MarketOver();
  if (state === 'closed') throw new BookingClosed();
  if (state === 'draft') throw new MarketNotOpen();
  return { offer, market };
}

async function refuseDuplicate(db: DbOrTx, offer: OfferView, userId: number) {
  const existing = await store.activeBookingFor(db, offer.id, userId);
  if (existing?.status === 'booked') throw new AlreadyBooked(ticketCode(offer.ticket_prefix, existing.ticket_no!));
  if (existing?.status === 'waiting')
    throw new AlreadyWaiting((await store.waitingAhead(db, offer.id, existing.id)) + 1);
}

const cleanInput = (offer: OfferView, input: BookingInput) => ({
  details: offer.needs_details ? parseDetails(input.details ?? '') : null,
  photo: offer.needs_details ? (input.photo ?? null) : null,
});

/**
 * Takes a place for a resident. The capacity check and the insert share one transaction — SQLite has a single
 * writer, so fifty people pressing "book" for the last five places get exactly five tickets.
 */
export async function book(
  db: DbOrTx,
  userId: number,
  offerId: number,
  input: BookingInput,
  now: Date,
  policy: Policy,
): Promise<BookingView> {
  return store.atomically(db, async (trx) => {
    const { offer } = await openOffer(trx, offerId, now, policy);
    await refuseDuplicate(trx, offer, userId);
    const { details, photo } = cleanInput(offer, input);
    if (placesLeft(offer) <= 0) throw new MarketFull();
    const ticketNo = await store.nextTicketNo(trx, offer.id);
    const at = now.toISOString();
    const id = await store.insertBooking(trx, {
      offer_id: offer.id,
      market_id: offer.market_id,
      user_id: userId,
      status: 'booked',
      ticket_no: ticketNo,
      details,
      photo_file_id: photo,
      created_at: at,
      updated_at: at,
    });
    return view(trx, (await store.findBooking(trx, id))!, policy);
  });
}

/** Joins the line for a full service; if a place freed up meanwhile, books it instead. */
export async function joinWaitlist(
  db: DbOrTx,
  userId: number,
  offerId: number,
  input: BookingInput,
  now: Date,
  policy: Policy,
): Promise<BookingView> {
  return store.atomically(db, async (trx) => {
    const { offer } = await openOffer(trx, offerId, now, policy);
    await refuseDuplicate(trx, offer, userId);
    if (placesLeft(offer) > 0) return book(trx, userId, offerId, input, now, policy);
    const { details, photo } = cleanInput(offer, input);
    const at = now.toISOString();
    const id = await store.insertBooking(trx, {
      offer_id: offer.id,
      market_id: offer.market_id,
      user_id: userId,
      status: 'waiting',
      ticket_no: null,
      details,
      photo_file_id: photo,
      created_at: at,
      updated_at: at,
    });
    return view(trx, (await store.findBooking(trx, id))!, policy);
  });
}

/**
 * Gives free places to the first in line, in order, and tells each of them in the same transaction.
 * Called after a cancellation or a larger capacity; returns how many were promoted.
 */
export async function promoteWaiting(trx: DbOrTx, offerId: number, now: Date, policy: Policy): Promise<number> {
  let promoted = 0;
  for (;;) {
    const offer = (await store.findOffer(trx, offerId))!;
    const market = (await store.findMarket(trx, offer.market_id))!;
    if (market.status !== 'published' || ['over', 'cancelled'].includes(marketState(market, now, policy.timezone)))
      return promoted;
    if (placesLeft(offer) <= 0) return promoted;
    const next = await store.firstWaiting(trx, offerId);
    if (!next) return promoted;
    const ticketNo = await store.nextTicketNo(trx, offerId);
    await store.updateBooking(trx, next.id, { status: 'booked', ticket_no: ticketNo, updated_at: now.toISOString() });
    await enqueue(
      trx,
      [
        {
          dedupeKey: `market:promoted:${next.id}`,
          chatId: next.user_id!,
          userId: next.user_id,
          category: 'personal',
          content: {
            key: 'market.notify.promoted',
            params: {
              ...(await whenParams(trx, market, policy.timezone)),
              service: { 'zh-CN': offer.name_zh, en: offer.name_en },
              ticket: ticketCode(offer.ticket_prefix, ticketNo),
              time: estimateTime(market, offer.minutes_per_ticket, ticketNo, policy.timezone),
            },
            buttons: [[{ key: 'market.btn.myBookings', data: 'mk:my' }]],
          },
        },
      ],
      now,
    );
    promoted++;
  }
}

/** New capacities; a larger one gives waiting residents their places at once, a smaller one never drops a ticket. */
export async function setCapacities(
  db: DbOrTx,
  actorId: number,
  marketId: number,
  capacities: Map<number, number>,
  now: Date,
  policy: Policy,
): Promise<number> {
  return store.atomically(db, async (trx) => {
    const m = await getMarket(trx, marketId);
    if (m.status === 'cancelled') throw new MarketCancelled();
    if (marketTimes(m, policy.timezone).end <= now) throw new MarketOver();
    const offers = await store.offersOf(trx, marketId);
    let promoted = 0;
    for (const [serviceId, capacity] of capacities) {
      const o = offers.find((x) => x.service_id === serviceId);
      if (!o) throw new NoServices();
      if (capacity < o.booked) throw new CapacityBelowBooked(o.name_zh, o.booked);
      await store.setCapacity(trx, o.id, capacity);
      if (m.status === 'published') promoted += await promoteWaiting(trx, o.id, now, policy);
    }
    await recordAudit(
      trx,
      { actorId, action: 'market.capacity', subject: `market:${marketId}`, details: Object.fromEntries(capacities) },
      now,
    );
    return promoted;
  });
}

async function ownActive(db: DbOrTx, userId: number, bookingId: number): Promise<BookingRow> {
  const b = await store.findBooking(db, bookingId);
  if (!b || b.user_id !== userId || !(store.ACTIVE as readonly string[]).includes(b.status))
    throw new BookingNotFound();
  return b;
}

/** A resident gives back their place (or leaves the line); the first in line gets the place and is told. */
export async function cancelBooking(
  db: DbOrTx,
  userId: number,
  bookingId: number,
  now: Date,
  policy: Policy,
): Promise<{ promoted: number; view: BookingView }> {
  return store.atomically(db, async (trx) => {
    const b = await ownActive(trx, userId, bookingId);
    const market = (await store.findMarket(trx, b.market_id))!;
    if (marketState(market, now, policy.timezone) === 'over') throw new MarketOver();
    if (
      !(await store.transitionBooking(trx, b.id, store.ACTIVE, { status: 'cancelled', updated_at: now.toISOString() }))
    )
      throw new BookingNotFound();
    const promoted = b.status === 'booked' ? await promoteWaiting(trx, b.offer_id, now, policy) : 0;
    return { promoted, view: await view(trx, { ...b, status: 'cancelled' }, policy) };
  });
}

/** New description (and optionally a new photo) of the item, while bookings are still open. */
export async function changeDetails(
  db: DbOrTx,
  userId: number,
  bookingId: number,
  input: BookingInput,
  now: Date,
  policy: Policy,
): Promise<BookingView> {
  return store.atomically(db, async (trx) => {
    const b = await ownActive(trx, userId, bookingId);
    const { offer } = await openOffer(trx, b.offer_id, now, policy);
    if (!offer.needs_details) throw new BookingNotFound();
    const details = parseDetails(input.details ?? '');
    const patch = input.photo === undefined ? { details } : { details, photo_file_id: input.photo };
    await store.updateBooking(trx, b.id, { ...patch, updated_at: now.toISOString() });
    return view(trx, (await store.findBooking(trx, b.id))!, policy);
  });
}

/** A resident's own booking, or BookingNotFound for anyone else's (a forged button learns nothing). */
export async function ownBooking(db: DbOrTx, userId: number, bookingId: number, policy: Policy): Promise<BookingView> {
  return view(db, await ownActive(db, userId, bookingId), policy);
}

/** Tickets and waitlist places of markets that have not ended. */
export async function myBookings(db: DbOrTx, userId: number, now: Date, policy: Policy): Promise<BookingView[]> {
  const rows = await store.activeBookingsOfUser(db, userId, localDate(now, policy.timezone));
  const views = await Promise.all(rows.map((b) => view(db, b, policy)));
  return views.filter((v) => marketState(v.market, now, policy.timezone) !== 'over');
}

export type Subscription = 'none' | 'home' | 'any';

export async function subscriptionOf(db: DbOrTx, userId: number): Promise<Subscription> {
  const subs = await store.subscriptionsOf(db, userId);
  if (subs.some((s) => s.compound_id === null)) return 'any';
  return subs.length ? 'home' : 'none';
}

/** "Tell me when the market comes": to the resident's own compound, or anywhere in the sub-district. */
export async function subscribe(db: DbOrTx, userId: number, scope: Subscription, now: Date): Promise<Subscription> {
  return store.atomically(db, async (trx) => {
    await store.clearSubscriptions(trx, userId);
    if (scope === 'none') return scope;
    let compoundId: number | null = null;
    if (scope === 'home') {
      compoundId = (await getUser(trx, userId))?.compound_id ?? null;
      if (compoundId === null) throw new NoHome();
    }
    await store.addSubscription(trx, userId, compoundId, now.toISOString());
    return scope;
  });
}

/**
 * Before asking a resident to describe their item: is the service open to them, and is there still a place?
 * (The real check happens again when they finish, inside the booking transaction.)
 */
export async function checkBookable(
  db: DbOrTx,
  userId: number,
  offerId: number,
  now: Date,
  policy: Policy,
): Promise<{ offer: OfferView; market: MarketRow; full: boolean }> {
  const { offer, market } = await openOffer(db, offerId, now, policy);
  await refuseDuplicate(db, offer, userId);
  return { offer, market, full: placesLeft(offer) <= 0 };
}
