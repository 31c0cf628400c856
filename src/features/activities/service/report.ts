import { addDays, localDate } from '../../../core/time';
import { activityTimes, type Kind } from '../policy';
import * as store from '../store';
import type { ActivitiesDeps } from './deps';

/** One group's figures (a kind of activity, or an organiser). */
export interface GroupFigures {
  held: number;
  signUps: number;
  attended: number;
}

/**
 * The activities of a period as the community report counts them (fund's ReportSources may call `activityFigures`).
 * Kinds are codes: their names are `activities.kinds.<kind>` in the reader's language; an organiser is a partner's
 * name, or null for the community itself (`activities.view.community`). Volunteers' time at volunteering activities
 * is not counted here: it is credited to their hours (creditHours), which the report counts with the shifts'.
 */
export interface ActivityFigures {
  /** Published activities dated in the period, up to today. */
  held: number;
  /** Places taken (walk-ins are attendees, not sign-ups). */
  signUps: number;
  attended: number;
  walkIns: number;
  /** Held a place and did not come, for activities that are over: a planning number, never a name. */
  noShows: number;
  byKind: ({ kind: Kind } & GroupFigures)[];
  byOrganiser: ({ partnerId: number | null; organiser: string | null } & GroupFigures)[];
  /** Drills held, everyone who took part in them, and the time each recorded drill took, in date order. */
  drills: { held: number; people: number; seconds: number[] };
  /** The average rating over every rating given, or null when none was. */
  averageRating: number | null;
}

export function report(deps: ActivitiesDeps) {
  const { db, clock, tz } = deps;

  /** The period's activities with their figures: [from, to) calendar dates, none after `today`. */
  async function rows(from: string, to: string, today: string) {
    const last = addDays(to, -1) < today ? addDays(to, -1) : today;
    return last < from ? [] : store.periodRows(db, from, last);
  }

  return {
    periodRows: rows,

    /** Activities held, sign-ups and attendance in [from, to) (calendar dates), by kind and by organiser. */
    async activityFigures(
      from: string,
      to: string,
      today: string = localDate(clock.now(), tz),
    ): Promise<ActivityFigures> {
      const now = clock.now();
      const list = await rows(from, to, today);
      const byKind = new Map<Kind, GroupFigures>();
      const byOrganiser = new Map<string, { partnerId: number | null; organiser: string | null } & GroupFigures>();
      const f: ActivityFigures = {
        held: 0,
        signUps: 0,
        attended: 0,
        walkIns: 0,
        noShows: 0,
        byKind: [],
        byOrganiser: [],
        drills: { held: 0, people: 0, seconds: [] },
        averageRating: null,
      };
      let rated = 0;
      let ratingSum = 0;
      for (const r of list) {
        // Only today's activities need the clock: converting every row's local end time costs more than the query.
        const over = r.date < today || activityTimes(r, tz).end <= now;
        f.held++;
        f.signUps += r.signUps;
        f.attended += r.attended;
        f.walkIns += r.walkIns;
        if (over) f.noShows += r.noShows;
        rated += r.rated;
        ratingSum += r.ratingSum;
        if (r.kind === 'drill') {
          f.drills.held++;
          f.drills.people += r.drillPeople ?? 0;
          if (r.drillSeconds !== null) f.drills.seconds.push(r.drillSeconds);
        }
        const kind = r.kind as Kind;
        const k = byKind.get(kind) ?? { held: 0, signUps: 0, attended: 0 };
        byKind.set(kind, { held: k.held + 1, signUps: k.signUps + r.signUps, attended: k.attended + r.attended });
        const key = String(r.partnerId ?? 'community');
        const o = byOrganiser.get(key) ?? {
          partnerId: r.partnerId,
          organiser: r.organiserName,
          held: 0,
          signUps: 0,
          attended: 0,
        };
        byOrganiser.set(key, {
          ...o,
          held: o.held + 1,
          signUps: o.signUps + r.signUps,
          attended: o.attended + r.attended,
        });
      }
      // Largest first: the report lists the busiest kinds and organisers at the top.
      f.byKind = [...byKind].map(([kind, g]) => ({ kind, ...g })).sort((a, b) => b.held - a.held);
      f.byOrganiser = [...byOrganiser.values()].sort((a, b) => b.held - a.held);
      f.averageRating = rated ? Math.round((ratingSum / rated) * 10) / 10 : null;
      return f;
    },
  };
}
