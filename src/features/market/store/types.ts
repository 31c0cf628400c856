import type { Selectable } from 'kysely';
import type { Database } from '../../../db/schema';

// The market's domain objects and the one place its rows become them.

export type ServiceRow = Selectable<Database['market_services']>;
export type MarketRow = Selectable<Database['market_days']>;
export type BookingRow = Selectable<Database['market_bookings']>;

export const MARKET_STATUSES = ['draft', 'published', 'cancelled'] as const;
export type MarketStatus = (typeof MARKET_STATUSES)[number];

export const BOOKING_STATUSES = ['booked', 'waiting', 'cancelled', 'served', 'no_show'] as const;
export type BookingStatus = (typeof BOOKING_STATUSES)[number];

/** Statuses that hold a place or a waitlist spot. */
export const ACTIVE: readonly BookingStatus[] = ['booked', 'waiting'];

/** How a ticket went: `no_show` is a status, the others are the result of a ticket served. */
export const OUTCOMES = ['served', 'fixed', 'not_fixable', 'needs_parts', 'no_show'] as const;
export type Outcome = (typeof OUTCOMES)[number];

export const HOLD_ANSWERS = ['yes', 'no'] as const;
export type HoldAnswer = (typeof HOLD_ANSWERS)[number];

/** One service of the catalogue (磨刀, 理发 …), as Open311 would define it. */
export interface Service {
  id: number;
  code: string;
  nameZh: string;
  nameEn: string;
  groupKey: string;
  descriptionZh: string;
  descriptionEn: string;
  /** What to bring, shown in the reminders; null: nothing. */
  bringZh: string | null;
  bringEn: string | null;
  /** The resident describes the item and the problem when booking. */
  needsDetails: boolean;
  /** The resident is asked for a photo of the item when booking (they may skip it). */
  needsPhoto: boolean;
  /** Results are fixed / not fixable / needs parts, and the resident is asked later whether the fix held. */
  isRepair: boolean;
  defaultCapacity: number;
  minutesPerTicket: number;
  /** 磨刀 → ticket 磨刀-07. */
  ticketPrefix: string;
  /** Knife → ticket Knife-07, for English readers. */
  ticketPrefixEn: string;
  provider: string | null;
  /** false: retired — offered for no new market day; the days that offered it keep it. */
  active: boolean;
}

export type NewService = Omit<Service, 'id' | 'active'>;

/** The service groups of the catalogue (the table allows these four). */
export const SERVICE_GROUPS = ['repair', 'care', 'advice', 'daily'] as const;
export type ServiceGroup = (typeof SERVICE_GROUPS)[number];

/** A market day: a date, hours and a place in one compound. */
export interface Market {
  id: number;
  /** 'YYYY-MM-DD' in the deployment time zone. */
  date: string;
  /** 'HH:MM'. */
  startsAt: string;
  endsAt: string;
  compoundId: number;
  /** Where exactly, as staff wrote it (Chinese). */
  location: string;
  /** The same in English; null: English readers see the place's own name, marked as such. */
  locationEn: string | null;
  /** The venue's address as it was when the day was scheduled or moved ('' for none). */
  address: string;
  /** The venue it is held at; null for a day scheduled before venues. */
  venueId: number | null;
  latitude: number | null;
  longitude: number | null;
  closeHoursBefore: number;
  status: MarketStatus;
  /** Bumped on every change, so each change notice is its own message. */
  revision: number;
  createdBy: number | null;
  createdAt: string;
  publishedAt: string | null;
  cancelledAt: string | null;
}

/** A service offered on one market day, with its places taken and its waitlist. */
export interface Offer {
  id: number;
  marketId: number;
  serviceId: number;
  capacity: number;
  ticketsIssued: number;
  /** Tickets booked ahead (served and no-shows included, walk-ins not). */
  booked: number;
  waiting: number;
  /** The names and prefixes the day offers the service with (a later rename of the service does not change them). */
  nameZh: string;
  nameEn: string;
  ticketPrefix: string;
  ticketPrefixEn: string;
  needsDetails: boolean;
  needsPhoto: boolean;
  isRepair: boolean;
  minutesPerTicket: number;
  bringZh: string | null;
  bringEn: string | null;
  descriptionZh: string;
  descriptionEn: string;
}

export interface Booking {
  id: number;
  offerId: number;
  marketId: number;
  /** null: a walk-in, who has no Telegram account here. */
  userId: number | null;
  status: BookingStatus;
  ticketNo: number | null;
  details: string | null;
  photoFileId: string | null;
  walkIn: boolean;
  outcome: Outcome | null;
  outcomeNote: string | null;
  createdAt: string;
  updatedAt: string;
  servedAt: string | null;
  /** When served or no-show was recorded (undo is possible for the rest of that day). */
  outcomeAt: string | null;
  /** The market date each reminder was queued for. */
  remindedEveOn: string | null;
  remindedMornOn: string | null;
  holdAskedAt: string | null;
  holdAnswer: HoldAnswer | null;
  holdAnsweredAt: string | null;
}

/** A stored value that must be one of a known set; anything else is a damaged row, not a case to handle. */
export function member<T extends string>(all: readonly T[], v: string): T {
  const found = all.find((x) => x === v);
  if (found === undefined) throw new Error(`unexpected value "${v}" (expected ${all.join(' | ')})`);
  return found;
}
export const memberOrNull = <T extends string>(all: readonly T[], v: string | null) =>
  v === null ? null : member(all, v);

export const toService = (r: ServiceRow): Service => ({
  id: r.id,
  code: r.code,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  groupKey: r.group_key,
  descriptionZh: r.description_zh,
  descriptionEn: r.description_en,
  bringZh: r.bring_zh,
  bringEn: r.bring_en,
  needsDetails: r.needs_details === 1,
  needsPhoto: r.needs_photo === 1,
  isRepair: r.is_repair === 1,
  defaultCapacity: r.default_capacity,
  minutesPerTicket: r.minutes_per_ticket,
  ticketPrefix: r.ticket_prefix,
  ticketPrefixEn: r.ticket_prefix_en || r.ticket_prefix,
  provider: r.provider,
  active: r.active === 1,
});

export const toMarket = (r: MarketRow): Market => ({
  id: r.id,
  date: r.date,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  compoundId: r.compound_id,
  location: r.location,
  locationEn: r.location_en,
  address: r.address,
  venueId: r.venue_id,
  latitude: r.latitude,
  longitude: r.longitude,
  closeHoursBefore: r.close_hours_before,
  status: member(MARKET_STATUSES, r.status),
  revision: r.revision,
  createdBy: r.created_by,
  createdAt: r.created_at,
  publishedAt: r.published_at,
  cancelledAt: r.cancelled_at,
});

export type OfferRow = Pick<
  Selectable<Database['market_offers']>,
  'id' | 'market_id' | 'service_id' | 'capacity' | 'tickets_issued'
> &
  Pick<
    ServiceRow,
    | 'name_zh'
    | 'name_en'
    | 'ticket_prefix'
    | 'ticket_prefix_en'
    | 'needs_details'
    | 'needs_photo'
    | 'is_repair'
    | 'minutes_per_ticket'
    | 'bring_zh'
    | 'bring_en'
    | 'description_zh'
    | 'description_en'
  > & { booked: number | bigint | null; waiting: number | bigint | null };

export const toOffer = (r: OfferRow): Offer => ({
  id: r.id,
  marketId: r.market_id,
  serviceId: r.service_id,
  capacity: r.capacity,
  ticketsIssued: r.tickets_issued,
  booked: Number(r.booked ?? 0),
  waiting: Number(r.waiting ?? 0),
  nameZh: r.name_zh,
  nameEn: r.name_en,
  ticketPrefix: r.ticket_prefix,
  ticketPrefixEn: r.ticket_prefix_en || r.ticket_prefix,
  needsDetails: r.needs_details === 1,
  needsPhoto: r.needs_photo === 1,
  isRepair: r.is_repair === 1,
  minutesPerTicket: r.minutes_per_ticket,
  bringZh: r.bring_zh,
  bringEn: r.bring_en,
  descriptionZh: r.description_zh,
  descriptionEn: r.description_en,
});

/** What a market day's summary counts of a booking. */
export type CountedBooking = Pick<
  Booking,
  'marketId' | 'offerId' | 'userId' | 'status' | 'walkIn' | 'outcome' | 'holdAnswer'
>;

export const toBooking = (r: BookingRow): Booking => ({
  id: r.id,
  offerId: r.offer_id,
  marketId: r.market_id,
  userId: r.user_id,
  status: member(BOOKING_STATUSES, r.status),
  ticketNo: r.ticket_no,
  details: r.details,
  photoFileId: r.photo_file_id,
  walkIn: r.walk_in === 1,
  outcome: memberOrNull(OUTCOMES, r.outcome),
  outcomeNote: r.outcome_note,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  servedAt: r.served_at,
  outcomeAt: r.outcome_at,
  remindedEveOn: r.reminded_eve_on,
  remindedMornOn: r.reminded_morn_on,
  holdAskedAt: r.hold_asked_at,
  holdAnswer: memberOrNull(HOLD_ANSWERS, r.hold_answer),
  holdAnsweredAt: r.hold_answered_at,
});
