import { z } from 'zod';
import { MINUTE_MS, zonedToUtc } from '../../core/time';
import { defineSetting } from '../../settings';

// The activities area's rules: what an activity can be, who it is for, and when its messages go out. The times are
// settings (read when used: staff may change them while the bot runs).

export const KINDS = ['lecture', 'class', 'drill', 'health', 'festival', 'outing', 'volunteering'] as const;
export type Kind = (typeof KINDS)[number];
export const isKind = (s: string): s is Kind => (KINDS as readonly string[]).includes(s);

/** Who an activity is for: everyone, a community, a compound, children of an age (with a guardian), lists of people. */
export const AUDIENCES = ['all', 'community', 'compound', 'age', 'relief', 'volunteers'] as const;
export type AudienceKind = (typeof AUDIENCES)[number];
export const isAudienceKind = (s: string): s is AudienceKind => (AUDIENCES as readonly string[]).includes(s);

const hhmm = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/);

/** From this local time the evening before, those signed up are reminded. */
export const remindEvening = defineSetting('activities.remindEvening', hhmm, () => '19:00');
/** And again this many minutes before the start. */
export const remindBefore = defineSetting('activities.remindBefore', z.number().int().min(10).max(360), () => 60);
/** Whether partners may create and publish activities of their own (staff decide). */
export const partnersMayCreate = defineSetting('activities.partnersMayCreate', z.boolean(), () => false);

export const activitiesPolicy = {
  /** The resident's calendar looks this far ahead. */
  calendarDays: 30,
  /** Activities on one page of a list. */
  pageSize: 6,
  /** From this local time the day after, attendees are asked how it was. */
  feedbackFrom: '10:00',
  /** Feedback is asked for activities up to this many days back (a bot that was down catches up, no further). */
  feedbackDays: 3,
  /** Recipients made into outbox rows per transaction when an activity is announced. */
  announceBatch: 500,
  /** Rows per outbox insert (bound values stay well under SQLite's limit). */
  enqueueChunk: 100,
  limits: {
    title: 40,
    description: 1000,
    place: 80,
    bring: 200,
    /** A venue's street address as Telegram sends it, kept this long at most. */
    address: 200,
    comment: 300,
    childName: 20,
    walkInName: 30,
    capacity: 2000,
    sessions: 52,
    childAge: { min: 0, max: 17 },
    drillPeople: 100_000,
    drillSeconds: 24 * 3600,
  },
  /** Comments shown in an organiser's summary. */
  summaryComments: 10,
  /** How far from the nearest compound with a map point an activity's place may be (outings included). */
  mapRangeKm: 50,
  /** Matches shown to staff searching sign-ups by name or phone tail. */
  searchLimit: 8,
} as const;

/** Kinds whose attendance is volunteers' service: their attendees' time counts as volunteer hours. */
export const countsAsVolunteering = (kind: Kind) => kind === 'volunteering';

export interface Timed {
  date: string;
  startsAt: string;
  endsAt: string;
}

export function activityTimes(a: Timed, tz: string) {
  return { start: zonedToUtc(a.date, a.startsAt, tz), end: zonedToUtc(a.date, a.endsAt, tz) };
}

/** Minutes from start to end: what a volunteering activity counts for each attendee. */
export const durationMinutes = (a: Timed, tz: string) => {
  const { start, end } = activityTimes(a, tz);
  return Math.max(0, Math.round((end.getTime() - start.getTime()) / MINUTE_MS));
};

/** The start as stored with a reminder: a moved activity has a new stamp and is reminded again. */
export const startStamp = (a: Pick<Timed, 'date' | 'startsAt'>) => `${a.date} ${a.startsAt}`;

export type ActivityState = 'draft' | 'open' | 'started' | 'over' | 'cancelled';

/** What residents can do with an activity now: sign up until it starts. */
export function activityState(a: Timed & { status: string }, now: Date, tz: string): ActivityState {
  if (a.status === 'cancelled') return 'cancelled';
  const { start, end } = activityTimes(a, tz);
  if (now >= end) return 'over';
  if (a.status === 'draft') return 'draft';
  return now < start ? 'open' : 'started';
}

/** A six-digit check-in code; unique within its activity (the store retries on a clash). */
export const newCode = (random: () => number = Math.random) =>
  String(Math.floor(random() * 900_000) + 100_000).padStart(6, '0');
