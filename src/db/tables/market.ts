import type { Generated } from 'kysely';

// Table shapes for market days. Only src/db/schema.ts uses these names; the market store maps rows to domain
// objects.

/** One service of the catalogue, as Open311 would define it. */
export interface MarketServicesTable {
  id: Generated<number>;
  code: string;
  name_zh: string;
  name_en: string;
  group_key: string; // repair | care | advice | daily
  description_zh: Generated<string>;
  description_en: Generated<string>;
  bring_zh: string | null;
  bring_en: string | null;
  needs_details: Generated<number>; // 0/1: the resident describes the item and the problem
  needs_photo: Generated<number>; // 0/1: the resident is asked for a photo of the item (they may skip it)
  is_repair: Generated<number>; // 0/1: outcome is fixed / not fixable / needs parts; asked "did it hold?"
  default_capacity: number;
  minutes_per_ticket: Generated<number>;
  ticket_prefix: string; // 磨刀 → ticket 磨刀-07
  ticket_prefix_en: Generated<string>; // Knife → ticket Knife-07 for English readers
  provider: string | null;
  active: Generated<number>; // 0: retired — offered no more, its history kept
}

/** A place market days are held at, picked with a button when a day is scheduled. */
export interface MarketVenuesTable {
  id: Generated<number>;
  name_zh: string;
  name_en: string | null; // null: English readers see the place's own name, marked as such
  address: Generated<string>;
  compound_id: number; // the host compound: its residents hear of a market day there
  latitude: number | null;
  longitude: number | null;
  active: Generated<number>; // 0: retired — offered no more, market days held there keep it
  created_by: number | null;
  created_at: string;
  updated_at: string;
}

export interface MarketDaysTable {
  id: Generated<number>;
  date: string; // YYYY-MM-DD in TIMEZONE
  starts_at: string; // HH:MM
  ends_at: string; // HH:MM
  compound_id: number;
  location: string;
  location_en: string | null; // null: English readers see the place's own name, marked as such
  address: Generated<string>; // the venue's address as it was when the day was scheduled or moved
  venue_id: number | null; // null: a day scheduled before venues (its place typed by staff)
  latitude: number | null;
  longitude: number | null;
  close_hours_before: Generated<number>;
  status: Generated<string>; // draft | published | cancelled
  revision: Generated<number>; // bumped on every change after publishing, so each change notice is its own message
  created_by: number | null;
  created_at: string;
  published_at: string | null;
  cancelled_at: string | null;
}

export interface MarketOffersTable {
  id: Generated<number>;
  market_id: number;
  service_id: number;
  capacity: number;
  tickets_issued: Generated<number>;
  // The service's names and ticket prefixes as the day offers them (null: the catalogue's, a row from before they
  // were kept here): a renamed service never renames a ticket already held.
  name_zh: string | null;
  name_en: string | null;
  ticket_prefix: string | null;
  ticket_prefix_en: string | null;
}

export interface MarketBookingsTable {
  id: Generated<number>;
  offer_id: number;
  market_id: number;
  user_id: number | null; // null: a walk-in
  status: string; // booked | waiting | cancelled | served | no_show
  ticket_no: number | null;
  details: string | null;
  photo_file_id: string | null;
  walk_in: Generated<number>;
  outcome: string | null; // served | fixed | not_fixable | needs_parts
  outcome_note: string | null;
  created_at: string;
  updated_at: string;
  served_at: string | null;
  outcome_at: string | null; // when served / no-show was recorded: it can be undone for the rest of that day
  reminded_eve_on: string | null; // the market date the evening-before reminder was queued for
  reminded_morn_on: string | null; // the market date the on-the-day reminder was queued for
  hold_asked_at: string | null;
  hold_answer: string | null; // yes | no
  hold_answered_at: string | null;
}

export interface MarketSubscriptionsTable {
  id: Generated<number>;
  user_id: number;
  compound_id: number | null; // null: any compound
  created_at: string;
}

export interface MarketTables {
  market_services: MarketServicesTable;
  market_venues: MarketVenuesTable;
  market_days: MarketDaysTable;
  market_offers: MarketOffersTable;
  market_bookings: MarketBookingsTable;
  market_subscriptions: MarketSubscriptionsTable;
}
