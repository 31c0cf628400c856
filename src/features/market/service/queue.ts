import { type Bilingual, displayName } from '../../../core/names';
import { localDate } from '../../../core/time';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import {
  AlreadyRecorded,
  BookingNotFound,
  MarketCancelled,
  MarketNotFound,
  MarketNotOpen,
  NoShowTooEarly,
  NoteTooLong,
  NothingToUndo,
  UndoTooLate,
} from '../errors';
import { cleanText } from '../input';
import { estimateTime, limits, ticketOf, ticketTime } from '../policy';
import * as store from '../store';
import { getMarket, type MarketDeps } from './deps';

const REPAIR_OUTCOMES: store.Outcome[] = ['fixed', 'not_fixable', 'needs_parts', 'no_show'];
const SERVICE_OUTCOMES: store.Outcome[] = ['served', 'no_show'];

/** What staff can record for a ticket of this service. */
export const outcomesFor = (offer: Pick<store.Offer, 'isRepair'>): store.Outcome[] =>
  offer.isRepair ? REPAIR_OUTCOMES : SERVICE_OUTCOMES;

/** One ticket in a service's queue, as staff see it on the day. */
export interface QueueEntry {
  id: number;
  /** 磨刀-07 / Knife-07; null on the waitlist. */
  ticket: Bilingual | null;
  status: store.BookingStatus;
  outcome: store.Outcome | null;
  walkIn: boolean;
  name: string | null;
  details: string | null;
  photo: string | null;
  note: string | null;
  /** 'HH:MM' when the ticket is likely to be called. */
  time: string | null;
  /** The ticket's time has come: it may be marked "did not come". */
  noShowAllowed: boolean;
  /** Its result was recorded today and can still be undone. */
  undoable: boolean;
}

const ticketHolders = (tickets: readonly store.Booking[]) =>
  tickets.flatMap((b) => (b.userId === null ? [] : [b.userId]));

/** The queue of one service on the day: tickets in order, their results, and putting a result right the same day. */
export function queue(deps: MarketDeps) {
  const { db, clock, identity, policy } = deps;
  const tz = policy.timezone;

  const recordedToday = (b: store.Booking, now: Date) =>
    b.outcomeAt !== null && b.holdAskedAt === null && localDate(new Date(b.outcomeAt), tz) === localDate(now, tz);

  async function serviceQueue(offerId: number): Promise<{ offer: store.Offer; entries: QueueEntry[] }> {
    const offer = await store.findOffer(db, offerId);
    if (!offer) throw new MarketNotFound();
    const market = await getMarket(db, offer.marketId);
    const tickets = await store.ticketsOf(db, offerId);
    const people = new Map((await identity.users(ticketHolders(tickets))).map((u) => [u.id, u]));
    const now = clock.now();
    return {
      offer,
      entries: tickets.map((b) => {
        const person = b.userId === null ? undefined : people.get(b.userId);
        const no = b.ticketNo;
        return {
          id: b.id,
          ticket: no === null ? null : ticketOf(offer, no),
          status: b.status,
          outcome: b.outcome,
          walkIn: b.walkIn,
          name: person ? displayName(person) : null,
          details: b.details,
          photo: b.photoFileId,
          note: b.outcomeNote,
          time: no === null ? null : estimateTime(market, offer.minutesPerTicket, no, tz),
          noShowAllowed: no !== null && now >= ticketTime(market, offer.minutesPerTicket, no, tz),
          undoable: (b.status === 'served' || b.status === 'no_show') && recordedToday(b, now),
        };
      }),
    };
  }

  async function queueEntry(bookingId: number): Promise<{ offer: store.Offer; entry: QueueEntry }> {
    const b = await store.findBooking(db, bookingId);
    if (!b) throw new BookingNotFound();
    const { offer, entries } = await serviceQueue(b.offerId);
    const entry = entries.find((e) => e.id === bookingId);
    if (!entry) throw new BookingNotFound();
    return { offer, entry };
  }

  return {
    serviceQueue,
    queueEntry,

    /** Before asking "did they really not come?": only a waiting ticket, and only from its time on. */
    async noShowCheck(bookingId: number): Promise<QueueEntry> {
      const { offer, entry } = await queueEntry(bookingId);
      if (!outcomesFor(offer).includes('no_show')) throw new BookingNotFound();
      if (entry.status !== 'booked') throw new AlreadyRecorded();
      if (!entry.noShowAllowed) throw new NoShowTooEarly(entry.time ?? '-');
      return entry;
    },

    /**
     * Marks a ticket served (with the repair result) or a no-show; only a ticket still waiting to be called, and a
     * no-show only from the ticket's time on.
     */
    async recordOutcome(actorId: number, bookingId: number, outcome: store.Outcome): Promise<void> {
      const now = clock.now();
      await store.atomically(db, async (trx) => {
        const b = await store.findBooking(trx, bookingId);
        if (!b) throw new BookingNotFound();
        const offer = (await store.findOffer(trx, b.offerId))!;
        if (!outcomesFor(offer).includes(outcome)) throw new BookingNotFound();
        if (b.status !== 'booked') throw new AlreadyRecorded();
        if (outcome === 'no_show') {
          const m = await getMarket(trx, b.marketId);
          const no = b.ticketNo ?? 1;
          if (now < ticketTime(m, offer.minutesPerTicket, no, tz))
            throw new NoShowTooEarly(estimateTime(m, offer.minutesPerTicket, no, tz));
        }
        const at = now.toISOString();
        const patch: store.BookingPatch =
          outcome === 'no_show'
            ? { status: 'no_show', outcomeAt: at, updatedAt: at }
            : { status: 'served', outcome, servedAt: at, outcomeAt: at, updatedAt: at };
        if (!(await store.transitionBooking(trx, bookingId, ['booked'], patch))) throw new AlreadyRecorded();
        const entry = { actorId, action: 'market.outcome', subject: `booking:${bookingId}`, details: { outcome } };
        await recordAudit(trx, entry, now);
      });
    },

    /** Puts a ticket back in the queue: a result recorded by mistake, the same day (after that it is the record). */
    async undoOutcome(actorId: number, bookingId: number, done?: TxHook): Promise<void> {
      const now = clock.now();
      await store.atomically(db, async (trx) => {
        const b = await store.findBooking(trx, bookingId);
        if (!b) throw new BookingNotFound();
        if (b.status !== 'served' && b.status !== 'no_show') throw new NothingToUndo();
        if (!recordedToday(b, now)) throw new UndoTooLate();
        const at = now.toISOString();
        const patch = { status: 'booked' as const, outcome: null, outcomeNote: null, servedAt: null, outcomeAt: null };
        if (!(await store.transitionBooking(trx, bookingId, [b.status], { ...patch, updatedAt: at })))
          throw new NothingToUndo();
        const details = { was: b.outcome ?? b.status };
        await recordAudit(trx, { actorId, action: 'market.undo', subject: `booking:${bookingId}`, details }, now);
        await runHooks(trx, done);
      });
    },

    /** The provider's note on a repair: what was done, which part is needed. */
    async addNote(actorId: number, bookingId: number, note: string, done?: TxHook): Promise<void> {
      const now = clock.now();
      const text = cleanText(note);
      if ([...text].length > limits.note) throw new NoteTooLong(limits.note);
      await store.atomically(db, async (trx) => {
        const b = await store.findBooking(trx, bookingId);
        if (b?.status !== 'served') throw new BookingNotFound();
        await store.updateBooking(trx, bookingId, { outcomeNote: text || null, updatedAt: now.toISOString() });
        await recordAudit(trx, { actorId, action: 'market.note', subject: `booking:${bookingId}` }, now);
        await runHooks(trx, done);
      });
    },

    /**
     * Someone without a booking turns up: they get the next ticket whatever the capacity (they are already here).
     * `issuedSeen` is the ticket count the staff member saw, so a double tap adds one walk-in, not two.
     */
    async addWalkIn(actorId: number, offerId: number, issuedSeen: number): Promise<{ id: number; ticket: Bilingual }> {
      const now = clock.now();
      return store.atomically(db, async (trx) => {
        const offer = await store.findOffer(trx, offerId);
        if (!offer) throw new MarketNotFound();
        const m = await getMarket(trx, offer.marketId);
        if (m.status === 'cancelled') throw new MarketCancelled();
        if (m.status !== 'published') throw new MarketNotOpen();
        if (offer.ticketsIssued !== issuedSeen) throw new AlreadyRecorded();
        const ticketNo = await store.nextTicketNo(trx, offerId);
        const id = await store.insertBooking(trx, {
          offerId,
          marketId: offer.marketId,
          userId: null,
          status: 'booked',
          ticketNo,
          details: null,
          photoFileId: null,
          walkIn: true,
          at: now.toISOString(),
        });
        await recordAudit(trx, { actorId, action: 'market.walkin', subject: `booking:${id}` }, now);
        return { id, ticket: ticketOf(offer, ticketNo) };
      });
    },
  };
}
