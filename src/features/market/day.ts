import type { DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import {
  AlreadyRecorded,
  BookingNotFound,
  MarketCancelled,
  MarketNotFound,
  MarketNotOpen,
  NoteTooLong,
} from './errors';
import { cleanText, MAX_NOTE } from './input';
import { getMarket, ticketCode } from './service';
import type { OfferView } from './store';
import * as store from './store';

// The day itself: staff work through each service's queue in ticket order.

export type Outcome = 'served' | 'fixed' | 'not_fixable' | 'needs_parts' | 'no_show';
const REPAIR_OUTCOMES: Outcome[] = ['fixed', 'not_fixable', 'needs_parts', 'no_show'];
const SERVICE_OUTCOMES: Outcome[] = ['served', 'no_show'];

export const outcomesFor = (offer: Pick<OfferView, 'is_repair'>): Outcome[] =>
  offer.is_repair ? REPAIR_OUTCOMES : SERVICE_OUTCOMES;

export interface QueueEntry {
  id: number;
  ticket: string | null;
  status: string;
  outcome: string | null;
  walkIn: boolean;
  name: string | null;
  details: string | null;
  photo: string | null;
  note: string | null;
}

export async function serviceQueue(db: DbOrTx, offerId: number): Promise<{ offer: OfferView; entries: QueueEntry[] }> {
  const offer = await store.findOffer(db, offerId);
  if (!offer) throw new MarketNotFound();
  const rows = await store.queueOf(db, offerId);
  return {
    offer,
    entries: rows.map((r) => ({
      id: r.id,
      ticket: r.ticket_no === null ? null : ticketCode(offer.ticket_prefix, r.ticket_no),
      status: r.status,
      outcome: r.outcome,
      walkIn: r.walk_in === 1,
      name: r.first_name === null ? null : [r.first_name, r.last_name].filter(Boolean).join(' '),
      details: r.details,
      photo: r.photo_file_id,
      note: r.outcome_note,
    })),
  };
}

export async function queueEntry(db: DbOrTx, bookingId: number): Promise<{ offer: OfferView; entry: QueueEntry }> {
  const b = await store.findBooking(db, bookingId);
  if (!b) throw new BookingNotFound();
  const { offer, entries } = await serviceQueue(db, b.offer_id);
  const entry = entries.find((e) => e.id === bookingId);
  if (!entry) throw new BookingNotFound();
  return { offer, entry };
}

/** Marks a ticket served (with the repair result) or a no-show; only a ticket still waiting to be called can be marked. */
export async function recordOutcome(
  db: DbOrTx,
  actorId: number,
  bookingId: number,
  outcome: Outcome,
  now: Date,
): Promise<void> {
  await store.atomically(db, async (trx) => {
    const b = await store.findBooking(trx, bookingId);
    if (!b) throw new BookingNotFound();
    const offer = (await store.findOffer(trx, b.offer_id))!;
    if (!outcomesFor(offer).includes(outcome)) throw new BookingNotFound();
    const at = now.toISOString();
    const patch =
      outcome === 'no_show'
        ? { status: 'no_show', updated_at: at }
        : { status: 'served', outcome, served_at: at, updated_at: at };
    if (!(await store.transitionBooking(trx, bookingId, ['booked'], patch))) throw new AlreadyRecorded();
    await recordAudit(
      trx,
      { actorId, action: 'market.outcome', subject: `booking:${bookingId}`, details: { outcome } },
      now,
    );
  });
}

/** The provider's note on a repair: what was done, which part is needed. */
export async function addNote(db: DbOrTx, actorId: number, bookingId: number, note: string, now: Date): Promise<void> {
  const text = cleanText(note);
  if ([...text].length > MAX_NOTE) throw new NoteTooLong(MAX_NOTE);
  await store.atomically(db, async (trx) => {
    const b = await store.findBooking(trx, bookingId);
    if (b?.status !== 'served') throw new BookingNotFound();
    await store.updateBooking(trx, bookingId, { outcome_note: text || null, updated_at: now.toISOString() });
    await recordAudit(trx, { actorId, action: 'market.note', subject: `booking:${bookingId}` }, now);
  });
}

/**
 * Someone without a booking turns up: they get the next ticket whatever the capacity (they are already here).
 * `issuedSeen` is the ticket count the staff member saw, so a double tap adds one walk-in, not two.
 */
export async function addWalkIn(
  db: DbOrTx,
  actorId: number,
  offerId: number,
  issuedSeen: number,
  now: Date,
): Promise<{ id: number; ticket: string }> {
  return store.atomically(db, async (trx) => {
    const offer = await store.findOffer(trx, offerId);
    if (!offer) throw new MarketNotFound();
    const m = await getMarket(trx, offer.market_id);
    if (m.status === 'cancelled') throw new MarketCancelled();
    if (m.status !== 'published') throw new MarketNotOpen();
    if (offer.tickets_issued !== issuedSeen) throw new AlreadyRecorded();
    const no = await store.nextTicketNo(trx, offerId);
    const at = now.toISOString();
    const id = await store.insertBooking(trx, {
      offer_id: offerId,
      market_id: offer.market_id,
      user_id: null,
      status: 'booked',
      ticket_no: no,
      walk_in: 1,
      created_at: at,
      updated_at: at,
    });
    await recordAudit(trx, { actorId, action: 'market.walkin', subject: `booking:${id}` }, now);
    return { id, ticket: ticketCode(offer.ticket_prefix, no) };
  });
}

export interface ServiceSummary {
  serviceId: number;
  name_zh: string;
  name_en: string;
  isRepair: boolean;
  booked: number;
  walkIns: number;
  served: number;
  fixed: number;
  notFixable: number;
  needsParts: number;
  noShows: number;
  waiting: number;
  heldYes: number;
  heldNo: number;
}

export interface MarketSummary {
  marketId: number;
  /** People attended to (a booking or a walk-in marked served, whatever the repair result). */
  served: number;
  /** Distinct residents with a Telegram account among those served, plus walk-ins. */
  residents: number;
  /** Non-repair services given, plus repairs fixed. */
  solved: number;
  noShows: number;
  walkIns: number;
  heldYes: number;
  heldNo: number;
  services: ServiceSummary[];
}

/** After the day: the numbers the community reports (residents served, problems solved, no-shows) per service. */
export async function summary(db: DbOrTx, marketId: number): Promise<MarketSummary> {
  await getMarket(db, marketId);
  const offers = await store.offersOf(db, marketId);
  const rows = await store.bookingsOfMarket(db, marketId, ['booked', 'waiting', 'served', 'no_show']);
  const services = offers.map((o): ServiceSummary => {
    const mine = rows.filter((r) => r.offer_id === o.id);
    const count = (f: (r: (typeof rows)[number]) => boolean) => mine.filter(f).length;
    return {
      serviceId: o.service_id,
      name_zh: o.name_zh,
      name_en: o.name_en,
      isRepair: o.is_repair === 1,
      booked: count((r) => r.walk_in === 0 && r.status !== 'waiting'),
      walkIns: count((r) => r.walk_in === 1),
      served: count((r) => r.status === 'served'),
      fixed: count((r) => r.outcome === 'fixed'),
      notFixable: count((r) => r.outcome === 'not_fixable'),
      needsParts: count((r) => r.outcome === 'needs_parts'),
      noShows: count((r) => r.status === 'no_show'),
      waiting: count((r) => r.status === 'waiting'),
      heldYes: count((r) => r.hold_answer === 'yes'),
      heldNo: count((r) => r.hold_answer === 'no'),
    };
  });
  const served = rows.filter((r) => r.status === 'served');
  const sum = (k: keyof ServiceSummary) => services.reduce((n, s) => n + (s[k] as number), 0);
  return {
    marketId,
    served: served.length,
    residents:
      new Set(served.filter((r) => r.user_id !== null).map((r) => r.user_id)).size +
      served.filter((r) => r.user_id === null).length,
    solved: served.filter((r) => r.outcome === 'served' || r.outcome === 'fixed').length,
    noShows: sum('noShows'),
    walkIns: sum('walkIns'),
    heldYes: sum('heldYes'),
    heldNo: sum('heldNo'),
    services,
  };
}
