import { displayName } from '../../../core/names';
import { localDate, localTime } from '../../../core/time';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import {
  ActivityCancelled,
  AlreadyCheckedIn,
  BadSearch,
  CodeNotFound,
  NotADrill,
  NotStarted,
  NotToday,
  SignupNotFound,
} from '../errors';
import { cleanText } from '../input';
import { activitiesPolicy, activityTimes } from '../policy';
import * as store from '../store';
import { type ActivitiesDeps, getActivity, todayOf } from './deps';

export type Found = { kind: 'one'; signup: store.Signup } | { kind: 'list'; signups: store.Signup[] };

/** A sign-up as the desk shows it: whose it is, by name. */
export interface DeskLine {
  signup: store.Signup;
  name: string;
}

/** On the day: finding people, checking them in (once), walk-ins, and a drill's outcome. */
export function desk(deps: ActivitiesDeps) {
  const { db, clock, tz } = deps;

  /** Check-in happens on the activity's day: a code from another day is no check-in. */
  async function today(activityId: number) {
    const a = await getActivity(db, activityId);
    if (a.status === 'cancelled') throw new ActivityCancelled();
    if (a.date !== todayOf(deps) || a.status !== 'published') throw new NotToday();
    return a;
  }

  /** Names for desk lines: the resident's, a child's (with the guardian's), a walk-in's. */
  async function lines(signups: store.Signup[]): Promise<DeskLine[]> {
    const ids = [...new Set(signups.flatMap((s) => (s.userId === null ? [] : [s.userId])))];
    const names = await store.namesOf(db, ids);
    return signups.map((s) => {
      const person = s.userId === null ? undefined : names.get(s.userId);
      const guardian = person ? displayName(person) : '';
      const name = s.walkInName ?? (s.forChild ? `${s.childName ?? '—'}（${guardian}）` : guardian);
      return { signup: s, name };
    });
  }

  return {
    lines,
    /** The activity whose desk opens: published and today, else the named refusal. */
    deskActivity: today,
    /** Today's published activities, in order: what the check-in task opens. */
    todays: async () => store.activitiesBetween(db, todayOf(deps), todayOf(deps), ['published']),

    /** What staff type at the desk: a 6-digit code, the last 4 digits of a phone, or part of a name. */
    async find(activityId: number, query: string): Promise<Found> {
      await today(activityId);
      const q = cleanText(query);
      const digits = q.normalize('NFKC').replace(/[\s-]/g, '');
      const limit = activitiesPolicy.searchLimit;
      if (/^\d{6}$/.test(digits)) {
        const s = await store.findByCode(db, activityId, digits);
        if (!s) throw new CodeNotFound();
        return { kind: 'one', signup: s };
      }
      if (/^\d{4}$/.test(digits))
        return { kind: 'list', signups: await store.search(db, activityId, { tail: digits }, limit) };
      if (!q || /^\d+$/.test(digits)) throw new BadSearch();
      return { kind: 'list', signups: await store.search(db, activityId, { name: q }, limit) };
    },

    /**
     * Records that the person came, once: a second check-in is refused with the time of the first. A place in line
     * counts too (they came; the room decides). `code` (from a QR link) must be the sign-up's own.
     */
    async checkIn(staffId: number, signupId: number, method: 'code' | 'qr' | 'search', code?: string) {
      const s = await store.findSignup(db, signupId);
      if (!s || s.status === 'cancelled' || (code !== undefined && s.code !== code)) throw new SignupNotFound();
      const a = await today(s.activityId);
      const [line] = await lines([s]);
      const now = clock.now();
      if (s.checkedInAt) throw new AlreadyCheckedIn(line!.name, localTime(new Date(s.checkedInAt), tz));
      await db.transaction().execute(async (trx) => {
        const fresh = (await store.findSignup(trx, signupId))!;
        if (fresh.checkedInAt) throw new AlreadyCheckedIn(line!.name, localTime(new Date(fresh.checkedInAt), tz));
        const at = now.toISOString();
        await store.updateSignup(trx, signupId, {
          checked_in_at: at,
          checked_in_by: staffId,
          checkin_method: method,
          updated_at: at,
        });
        const details = { signup: signupId, method };
        await recordAudit(
          trx,
          { actorId: staffId, action: 'activities.checkin', subject: `activity:${a.id}`, details },
          now,
        );
      });
      return { activity: a, name: line!.name };
    },

    /** Someone came without signing up: added by name and counted as there. Ends the walk-in flow. */
    async walkIn(staffId: number, activityId: number, name: string, done?: TxHook) {
      const a = await today(activityId);
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        const id = await store.insertSignup(trx, {
          activityId,
          userId: null,
          forChild: false,
          childName: null,
          childAge: null,
          walkInName: name,
          status: 'booked',
          wholeSeries: false,
          code: null,
          at,
        });
        await store.updateSignup(trx, id, { checked_in_at: at, checked_in_by: staffId, checkin_method: 'walkin' });
        const details = { signup: id, name };
        await recordAudit(
          trx,
          { actorId: staffId, action: 'activities.walkin', subject: `activity:${a.id}`, details },
          now,
        );
        await runHooks(trx, done);
        return { activity: a, count: (await store.countsOfOne(trx, activityId)).attended };
      });
    },

    /** A drill's outcome: how many took part, and how long it took. Recorded once it has started; may be corrected. */
    async recordDrill(staffId: number, activityId: number, people: number, seconds: number, done?: TxHook) {
      const a = await getActivity(db, activityId);
      if (a.kind !== 'drill') throw new NotADrill();
      if (a.status === 'cancelled') throw new ActivityCancelled();
      const now = clock.now();
      if (activityTimes(a, tz).start > now || localDate(now, tz) < a.date) throw new NotStarted();
      await db.transaction().execute(async (trx) => {
        await store.updateActivity(trx, activityId, { drill_people: people, drill_seconds: seconds });
        const details = { people, seconds };
        await recordAudit(
          trx,
          { actorId: staffId, action: 'activities.drill', subject: `activity:${a.id}`, details },
          now,
        );
        await runHooks(trx, done);
      });
      return getActivity(db, activityId);
    },

    /** Whether a drill's outcome can be recorded now (its button shows from the start on). */
    drillDue: (a: store.Activity) =>
      a.kind === 'drill' && a.status === 'published' && activityTimes(a, tz).start <= clock.now(),
  };
}
