import { addDays } from '../../../core/time';
import type { User } from '../../../identity';
import { activitiesPolicy, activityState, type Kind } from '../policy';
import * as store from '../store';
import { type ActivitiesDeps, inAudience, isLocal, todayOf } from './deps';
import type { SignupResult } from './signups';

/** One line of a resident's calendar: the activity (a series: its next session), its figures and their sign-ups. */
export interface CalendarEntry {
  activity: store.Activity;
  counts: store.Counts;
  mine: store.Signup[];
  /** Sessions of the series from this one on (1 for a single activity). */
  sessionsLeft: number;
  local: boolean;
}

export interface CalendarFilter {
  kinds?: readonly Kind[];
  /** Only children's classes. */
  children?: boolean;
}

/** What residents see coming: the next 30 days, their own community first, only what is for them. */
export function calendar(deps: ActivitiesDeps) {
  const { db, clock, tz } = deps;

  /** Published activities in [from, to] not over yet and open to this user, a series by its next session. */
  async function visible(user: User, from: string, to: string, f: CalendarFilter = {}): Promise<CalendarEntry[]> {
    const now = clock.now();
    const all = (await store.activitiesBetween(db, from, to, ['published'])).filter(
      (a) =>
        activityState(a, now, tz) !== 'over' &&
        (!f.kinds || f.kinds.includes(a.kind)) &&
        (!f.children || a.audience === 'age'),
    );
    const allowed: store.Activity[] = [];
    for (const a of all) if (await inAudience(deps, a, user)) allowed.push(a);
    const firstOfSeries = new Map<number, store.Activity>();
    const left = new Map<number, number>();
    const shown: store.Activity[] = [];
    for (const a of allowed) {
      if (a.seriesId === null) shown.push(a);
      else {
        left.set(a.seriesId, (left.get(a.seriesId) ?? 0) + 1);
        if (!firstOfSeries.has(a.seriesId)) {
          firstOfSeries.set(a.seriesId, a);
          shown.push(a);
        }
      }
    }
    const compounds = new Map((await deps.places.compounds()).map((c) => [c.id, c]));
    const counts = await store.countsOf(
      db,
      shown.map((a) => a.id),
    );
    const mine = await store.activeOfUser(db, user.id, from);
    // A series counts every session still ahead, not only those inside the window.
    for (const [seriesId, first] of firstOfSeries)
      left.set(
        seriesId,
        (await store.sessionsOf(db, seriesId)).filter((x) => x.date >= first.date && x.status === 'published').length,
      );
    const entries = shown.map((a) => ({
      activity: a,
      counts: counts.get(a.id) ?? store.NO_COUNTS,
      mine: mine.filter((s) => s.activityId === a.id),
      sessionsLeft: a.seriesId === null ? 1 : (left.get(a.seriesId) ?? 1),
      local: isLocal(a, user, compounds),
    }));
    // Their own community's first; each part in calendar order (the query's order, kept by a stable sort).
    return entries.sort((x, y) => Number(y.local) - Number(x.local));
  }

  return {
    /** 📅 近期活动: the next 30 days. */
    upcoming: (user: User) => {
      const today = todayOf(deps);
      return visible(user, today, addDays(today, activitiesPolicy.calendarDays));
    },
    /** The live calendar of a period, for a question typed in the chat ("这周有什么活动"). */
    between: visible,

    /** "My activities": the resident's places and places in line of activities not over yet. */
    async mine(userId: number) {
      const now = clock.now();
      const rows = await store.activeOfUser(db, userId, todayOf(deps));
      const out: { activity: store.Activity; signup: store.Signup; position: number | null }[] = [];
      const cache = new Map<number, store.Activity | undefined>();
      for (const s of rows) {
        if (!cache.has(s.activityId)) cache.set(s.activityId, await store.findActivity(db, s.activityId));
        const a = cache.get(s.activityId);
        if (!a || activityState(a, now, tz) === 'over') continue;
        const position = s.status === 'waiting' ? (await store.waitingAhead(db, a.id, s.id)) + 1 : null;
        out.push({ activity: a, signup: s, position });
      }
      return out;
    },

    /** One activity as a resident sees it: its figures, state, their places, its place's name, sessions left. */
    async detail(userId: number, activityId: number) {
      const activity = await store.findActivity(db, activityId);
      if (!activity || activity.status === 'draft') return null;
      const counts = await store.countsOfOne(db, activityId);
      const state = activityState(activity, clock.now(), tz);
      const mine: SignupResult[] = [];
      for (const s of await store.activeOf(db, activityId, userId)) {
        const position = s.status === 'waiting' ? (await store.waitingAhead(db, activityId, s.id)) + 1 : null;
        mine.push({ activity, signup: s, position });
      }
      const id = activity.audienceId ?? -1;
      const place =
        activity.audience === 'community'
          ? await deps.places.community(id)
          : activity.audience === 'compound'
            ? await deps.places.compound(id)
            : undefined;
      const placeName = place ? { 'zh-CN': place.nameZh, en: place.nameEn } : undefined;
      const sessions = activity.seriesId === null ? [activity] : await store.sessionsOf(db, activity.seriesId);
      const sessionsLeft = sessions.filter((s) => s.date >= activity.date && s.status === 'published').length;
      return { activity, counts, state, mine, placeName, sessionsLeft };
    },

    /** The other sessions of a series, for a resident picking one. */
    async sessionsAhead(activityId: number) {
      const a = await store.findActivity(db, activityId);
      if (!a || a.seriesId === null) return a ? [a] : [];
      const now = clock.now();
      return (await store.sessionsOf(db, a.seriesId)).filter(
        (s) => s.status === 'published' && activityState(s, now, tz) !== 'over',
      );
    },
  };
}
