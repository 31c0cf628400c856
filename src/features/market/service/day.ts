import { displayName } from '../../../core/names';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import {
  AlreadyRecorded,
  BookingNotFound,
  MarketCancelled,
  MarketNotFound,
  MarketNotOpen,
  NoteTooLong,
} from '../errors';
import { cleanText } from '../input';
import { limits, ticketCode } from '../policy';
import * as store from '../store';
import { getMarket, type MarketDeps } from './deps';
import { summarise } from './summary';

const REPAIR_OUTCOMES: store.Outcome[] = ['fixed', 'not_fixable', 'needs_parts', 'no_show'];
const SERVICE_OUTCOMES: store.Outcome[] = ['served', 'no_show'];

/** What staff can record for a ticket of this service. */
export const outcomesFor = (offer: Pick<store.Offer, 'isRepair'>): store.Outcome[] =>
  offer.isRepair ? REPAIR_OUTCOMES : SERVICE_OUTCOMES;

/** One ticket in a service's queue, as staff see it on the day. */
export interface QueueEntry {
  id: number;
  ticket: string | null;
  status: store.BookingStatus;
  outcome: store.Outcome | null;
  walkIn: boolean;
  name: string | null;
  details: string | null;
  photo: string | null;
  note: string | null;
}

/** The day itself: staff work through each service's queue in ticket order, and the numbers after it. */
export function marketDay(deps: MarketDeps) {
  const { db, clock, identity } = deps;

  async function serviceQueue(offerId: number): Promise<{ offer: store.Offer; entries: QueueEntry[] }> {
    const offer = await store.findOffer(db, offerId);
    if (!offer) throw new MarketNotFound();
    const tickets = await store.ticketsOf(db, offerId);
    const people = new Map((await identity.users(ticketHolders(tickets))).map((u) => [u.id, u]));
    return {
      offer,
      entries: tickets.map((b) => {
        const person = b.userId === null ? undefined : people.get(b.userId);
        return {
          id: b.id,
          ticket: b.ticketNo === null ? null : ticketCode(offer.ticketPrefix, b.ticketNo),
          status: b.status,
          outcome: b.outcome,
          walkIn: b.walkIn,
          name: person ? displayName(person) : null,
          details: b.details,
          photo: b.photoFileId,
          note: b.outcomeNote,
        };
      }),
    };
  }

  return {
    serviceQueue,

    async queueEntry(bookingId: number): Promise<{ offer: store.Offer; entry: QueueEntry }> {
      const b = await store.findBooking(db, bookingId);
      if (!b) throw new BookingNotFound();
      const { offer, entries } = await serviceQueue(b.offerId);
      const entry = entries.find((e) => e.id === bookingId);
      if (!entry) throw new BookingNotFound();
      return { offer, entry };
    },

    /** Marks a ticket served (with the repair result) or a no-show; only a ticket still waiting to be called. */
    async recordOutcome(actorId: number, bookingId: number, outcome: store.Outcome): Promise<void> {
      const now = clock.now();
      await store.atomically(db, async (trx) => {
        const b = await store.findBooking(trx, bookingId);
        if (!b) throw new BookingNotFound();
        const offer = (await store.findOffer(trx, b.offerId))!;
        if (!outcomesFor(offer).includes(outcome)) throw new BookingNotFound();
        const at = now.toISOString();
        const patch: store.BookingPatch =
          outcome === 'no_show'
            ? { status: 'no_show', updatedAt: at }
            : { status: 'served', outcome, servedAt: at, updatedAt: at };
        if (!(await store.transitionBooking(trx, bookingId, ['booked'], patch))) throw new AlreadyRecorded();
        const entry = { actorId, action: 'market.outcome', subject: `booking:${bookingId}`, details: { outcome } };
        await recordAudit(trx, entry, now);
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
    async addWalkIn(actorId: number, offerId: number, issuedSeen: number): Promise<{ id: number; ticket: string }> {
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
        return { id, ticket: ticketCode(offer.ticketPrefix, ticketNo) };
      });
    },

    /** After the day: the numbers the community reports (residents served, problems solved, no-shows) per service. */
    async summary(marketId: number) {
      await getMarket(db, marketId);
      const offers = await store.offersOf(db, marketId);
      const rows = await store.bookingsOfMarket(db, marketId, ['booked', 'waiting', 'served', 'no_show']);
      return summarise(marketId, offers, rows);
    },

    /**
     * The community report's market figures: published market days with a date in [from, to) and not after
     * `today`, and the totals of their summaries.
     */
    async marketDays(from: string, to: string, today: string) {
      const out = { held: 0, served: 0, residents: 0, solved: 0 };
      for (const m of await store.publishedBetween(db, from, to)) {
        if (m.date > today) continue;
        const rows = await store.bookingsOfMarket(db, m.id, ['booked', 'waiting', 'served', 'no_show']);
        const s = summarise(m.id, await store.offersOf(db, m.id), rows);
        out.held++;
        out.served += s.served;
        out.residents += s.residents;
        out.solved += s.solved;
      }
      return out;
    },
  };
}

const ticketHolders = (tickets: readonly store.Booking[]) =>
  tickets.flatMap((b) => (b.userId === null ? [] : [b.userId]));
