import type { Generated } from 'kysely';

// Table shapes for community activities. Only src/db/schema.ts uses these names; the activities store maps rows to
// domain objects.

export interface ActivitySeriesTable {
  id: Generated<number>;
  sessions: number;
  created_by: number | null;
  created_at: string;
}

export interface ActivitiesTable {
  id: Generated<number>;
  series_id: number | null;
  session_no: number | null;
  title_zh: string;
  title_en: string | null; // null: English readers see the Chinese, marked as such
  description_zh: Generated<string>;
  description_en: string | null;
  kind: string; // lecture | class | drill | health | festival | outing | volunteering
  partner_id: number | null; // null: the community organises it
  organiser_name: string | null; // the partner's name when the activity was made
  compound_id: number | null;
  place_zh: string;
  place_en: string | null;
  /** A venue's or compound's street address, sent with the map pin; null when only a point was given. */
  place_address: string | null;
  latitude: number | null;
  longitude: number | null;
  date: string; // YYYY-MM-DD in TIMEZONE
  starts_at: string; // HH:MM
  ends_at: string; // HH:MM
  audience: string; // all | community | compound | age | relief | volunteers
  audience_id: number | null; // the community or compound
  age_min: number | null;
  age_max: number | null;
  capacity: number | null; // null: no limit
  signup_needed: Generated<number>; // 0/1
  bring_zh: string | null;
  bring_en: string | null;
  status: Generated<string>; // draft | published | cancelled
  revision: Generated<number>;
  drill_people: number | null;
  drill_seconds: number | null;
  created_by: number | null;
  created_at: string;
  published_at: string | null;
  cancelled_at: string | null;
  announce_after: Generated<number>;
  announce_upto: number | null;
  announced_at: string | null;
  feedback_done_at: string | null;
  children_erased_at: string | null;
}

export interface ActivitySignupsTable {
  id: Generated<number>;
  activity_id: number;
  user_id: number | null; // null: a walk-in
  for_child: Generated<number>; // 0/1
  child_name: string | null;
  child_age: number | null;
  walk_in_name: string | null;
  status: string; // booked | waiting | cancelled
  whole_series: Generated<number>; // 0/1
  code: string | null;
  checked_in_at: string | null;
  checked_in_by: number | null;
  checkin_method: string | null; // code | qr | search | walkin
  reminded_eve: string | null;
  reminded_soon: string | null;
  feedback_asked_at: string | null;
  rating: number | null;
  comment: string | null;
  rated_at: string | null;
  hours_credited_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ActivitiesTables {
  activity_series: ActivitySeriesTable;
  activities: ActivitiesTable;
  activity_signups: ActivitySignupsTable;
}
