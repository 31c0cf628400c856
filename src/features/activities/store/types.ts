import type { Selectable } from 'kysely';
import type { ActivitiesTable, ActivitySignupsTable } from '../../../db/tables/activities';
import { type AudienceKind, isAudienceKind, isKind, type Kind } from '../policy';

// Domain objects of the activities area, and the only mapping from their rows.

export type Status = 'draft' | 'published' | 'cancelled';

/** One activity (a session of a series is one too), with its place, time, audience and limits. */
export interface Activity {
  id: number;
  seriesId: number | null;
  sessionNo: number | null;
  titleZh: string;
  titleEn: string | null;
  descriptionZh: string;
  descriptionEn: string | null;
  kind: Kind;
  /** The organising partner, or null for the community; `organiserName` is the partner's name at the time. */
  partnerId: number | null;
  organiserName: string | null;
  compoundId: number | null;
  placeZh: string;
  placeEn: string | null;
  /** A street address for the map pin (a venue's, or the compound's). */
  placeAddress: string | null;
  latitude: number | null;
  longitude: number | null;
  date: string;
  startsAt: string;
  endsAt: string;
  audience: AudienceKind;
  audienceId: number | null;
  ageMin: number | null;
  ageMax: number | null;
  capacity: number | null;
  signupNeeded: boolean;
  bringZh: string | null;
  bringEn: string | null;
  status: Status;
  revision: number;
  drillPeople: number | null;
  drillSeconds: number | null;
  createdBy: number | null;
  createdAt: string;
  publishedAt: string | null;
  cancelledAt: string | null;
}

export type SignupStatus = 'booked' | 'waiting' | 'cancelled';
export type CheckinMethod = 'code' | 'qr' | 'search' | 'walkin';

/** A place (or a place in line) of one person — the resident, a child they signed up, or a walk-in. */
export interface Signup {
  id: number;
  activityId: number;
  userId: number | null;
  forChild: boolean;
  childName: string | null;
  childAge: number | null;
  walkInName: string | null;
  status: SignupStatus;
  wholeSeries: boolean;
  code: string | null;
  checkedInAt: string | null;
  checkedInBy: number | null;
  checkinMethod: CheckinMethod | null;
  feedbackAskedAt: string | null;
  rating: number | null;
  comment: string | null;
  createdAt: string;
}

/** How many hold a place, wait, came (walk-ins among them) for an activity. */
export interface Counts {
  booked: number;
  waiting: number;
  attended: number;
  walkIns: number;
}

export const NO_COUNTS: Counts = { booked: 0, waiting: 0, attended: 0, walkIns: 0 };

const asStatus = (s: string): Status => (s === 'published' || s === 'cancelled' ? s : 'draft');

export const toActivity = (r: Selectable<ActivitiesTable>): Activity => ({
  id: r.id,
  seriesId: r.series_id,
  sessionNo: r.session_no,
  titleZh: r.title_zh,
  titleEn: r.title_en,
  descriptionZh: r.description_zh,
  descriptionEn: r.description_en,
  kind: isKind(r.kind) ? r.kind : 'lecture',
  partnerId: r.partner_id,
  organiserName: r.organiser_name,
  compoundId: r.compound_id,
  placeZh: r.place_zh,
  placeEn: r.place_en,
  placeAddress: r.place_address,
  latitude: r.latitude,
  longitude: r.longitude,
  date: r.date,
  startsAt: r.starts_at,
  endsAt: r.ends_at,
  audience: isAudienceKind(r.audience) ? r.audience : 'all',
  audienceId: r.audience_id,
  ageMin: r.age_min,
  ageMax: r.age_max,
  capacity: r.capacity,
  signupNeeded: r.signup_needed === 1,
  bringZh: r.bring_zh,
  bringEn: r.bring_en,
  status: asStatus(r.status),
  revision: r.revision,
  drillPeople: r.drill_people,
  drillSeconds: r.drill_seconds,
  createdBy: r.created_by,
  createdAt: r.created_at,
  publishedAt: r.published_at,
  cancelledAt: r.cancelled_at,
});

const asSignupStatus = (s: string): SignupStatus => (s === 'booked' || s === 'waiting' ? s : 'cancelled');
const asMethod = (s: string | null): CheckinMethod | null =>
  s === 'code' || s === 'qr' || s === 'search' || s === 'walkin' ? s : null;

export const toSignup = (r: Selectable<ActivitySignupsTable>): Signup => ({
  id: r.id,
  activityId: r.activity_id,
  userId: r.user_id,
  forChild: r.for_child === 1,
  childName: r.child_name,
  childAge: r.child_age,
  walkInName: r.walk_in_name,
  status: asSignupStatus(r.status),
  wholeSeries: r.whole_series === 1,
  code: r.code,
  checkedInAt: r.checked_in_at,
  checkedInBy: r.checked_in_by,
  checkinMethod: asMethod(r.checkin_method),
  feedbackAskedAt: r.feedback_asked_at,
  rating: r.rating,
  comment: r.comment,
  createdAt: r.created_at,
});
