import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import {
  ActivityCancelled,
  ActivityFull,
  ActivityNotFound,
  ActivityOver,
  AlreadySignedUp,
  AlreadyWaiting,
  ChildAgeOutOfRange,
  ChildAlreadySignedUp,
  ChildrenOnly,
  NoSignupNeeded,
  NotForChildren,
  NotInAudience,
  NotPublished,
  SignupClosed,
  SignupNotFound,
} from '../errors';
import { activityState, newCode } from '../policy';
import * as store from '../store';
import { type ActivitiesDeps, getActivity, inAudience } from './deps';
import { freshCode, promoteWaiting } from './waitlist';

export interface Child {
  name: string;
  age: number;
}

/** What a sign-up came to: a place (with its check-in code) or a place in line. */
export interface SignupResult {
  activity: store.Activity;
  signup: store.Signup;
  /** 1-based place in line while waiting. */
  position: number | null;
}

/**
 * Sign-ups for oneself or a child, the waitlist and its automatic promotion, cancelling. The capacity check and the
 * insert share one transaction: SQLite has a single writer, so fifty people pressing "sign up" for the last three
 * places get exactly three places, and the line forms in the order their presses were taken.
 */
export function signups(deps: ActivitiesDeps) {
  const { db, clock, outbox, identity, tz } = deps;

  /** Whether residents may take a place in it right now. */
  function open(a: store.Activity, now: Date) {
    const state = activityState(a, now, tz);
    if (state === 'cancelled') throw new ActivityCancelled();
    if (state === 'over') throw new ActivityOver();
    if (state === 'started') throw new SignupClosed();
    if (state === 'draft') throw new NotPublished();
    if (!a.signupNeeded) throw new NoSignupNeeded();
  }

  /** Who the sign-up is for fits the activity: a children's class takes children of its ages, others adults. */
  function fits(a: store.Activity, child: Child | null) {
    if (a.audience === 'age' && !child) throw new ChildrenOnly(a.ageMin ?? 0, a.ageMax ?? 17);
    if (a.audience !== 'age' && child) throw new NotForChildren();
    if (child && (child.age < (a.ageMin ?? 0) || child.age > (a.ageMax ?? 17)))
      throw new ChildAgeOutOfRange(child.name, child.age, a.ageMin ?? 0, a.ageMax ?? 17);
  }

  async function refuseTwice(trx: DbOrTx, a: store.Activity, userId: number, child: Child | null) {
    const mine = await store.activeOf(trx, a.id, userId);
    if (child) {
      const same = mine.find((s) => s.forChild && s.childName === child.name);
      if (same) throw new ChildAlreadySignedUp(child.name);
      return;
    }
    const self = mine.find((s) => !s.forChild);
    if (self?.status === 'booked') throw new AlreadySignedUp(self.code ?? '');
    if (self) throw new AlreadyWaiting((await store.waitingAhead(trx, a.id, self.id)) + 1);
  }

  async function result(trx: DbOrTx, a: store.Activity, id: number): Promise<SignupResult> {
    const signup = (await store.findSignup(trx, id))!;
    const position = signup.status === 'waiting' ? (await store.waitingAhead(trx, a.id, id)) + 1 : null;
    return { activity: a, signup, position };
  }

  /** Takes a place, or (`wait`) a place in line when there is none — a place that freed up meanwhile is taken. */
  async function take(
    trx: DbOrTx,
    a: store.Activity,
    userId: number,
    child: Child | null,
    wait: boolean,
    series = false,
  ) {
    await store.lockActivity(trx, a.id);
    await refuseTwice(trx, a, userId, child);
    const full = a.capacity !== null && (await store.bookedCount(trx, a.id)) >= a.capacity;
    if (full && !wait) throw new ActivityFull();
    const id = await store.insertSignup(trx, {
      activityId: a.id,
      userId,
      forChild: child !== null,
      childName: child?.name ?? null,
      childAge: child?.age ?? null,
      walkInName: null,
      status: full ? 'waiting' : 'booked',
      wholeSeries: series,
      code: await freshCode(trx, a.id, newCode),
      at: clock.now().toISOString(),
    });
    return result(trx, a, id);
  }

  /** The activity, checked for this resident before the transaction (their audience is other areas' lists). */
  async function forResident(userId: number, activityId: number, child: Child | null) {
    const a = await getActivity(db, activityId);
    open(a, clock.now());
    fits(a, child);
    const user = await identity.user(userId);
    if (!user || !(await inAudience(deps, a, user))) throw new NotInAudience();
    return a;
  }

  async function signUp(userId: number, activityId: number, child: Child | null, wait: boolean, done?: TxHook) {
    await forResident(userId, activityId, child);
    return store.atomically(db, async (trx) => {
      const a = await getActivity(trx, activityId);
      open(a, clock.now());
      const r = await take(trx, a, userId, child, wait);
      await runHooks(trx, done);
      return r;
    });
  }

  /** Every session of the series from this one on that is still open: a place in each, or a place in its line. */
  async function signUpSeries(userId: number, activityId: number, child: Child | null, done?: TxHook) {
    const a = await forResident(userId, activityId, child);
    if (a.seriesId === null) return [await signUp(userId, activityId, child, true, done)];
    const seriesId = a.seriesId;
    return store.atomically(db, async (trx) => {
      const now = clock.now();
      const out: SignupResult[] = [];
      for (const s of await store.sessionsOf(trx, seriesId)) {
        if (s.date < a.date || activityState(s, now, tz) !== 'open') continue;
        const mine = await store.activeOf(trx, s.id, userId);
        if (mine.some((m) => (child ? m.forChild && m.childName === child.name : !m.forChild))) continue;
        out.push(await take(trx, s, userId, child, true, true));
      }
      if (out.length === 0) await refuseTwice(trx, a, userId, child);
      await runHooks(trx, done);
      return out;
    });
  }

  async function ownActive(trx: DbOrTx, userId: number, signupId: number) {
    const s = await store.findSignup(trx, signupId);
    if (!s || s.userId !== userId || s.status === 'cancelled') throw new SignupNotFound();
    return s;
  }

  /** Gives back one place (or place in line); the first in line moves up and is told, in the same transaction. */
  async function cancelOne(trx: DbOrTx, s: store.Signup, now: Date): Promise<number> {
    const a = await store.findActivity(trx, s.activityId);
    if (!a) throw new ActivityNotFound();
    const state = activityState(a, now, tz);
    if (state === 'over') throw new ActivityOver();
    if (state === 'started') throw new SignupClosed();
    const patch = { status: 'cancelled', updated_at: now.toISOString() };
    if (!(await store.transition(trx, s.id, store.ACTIVE, patch))) throw new SignupNotFound();
    return s.status === 'booked' ? promoteWaiting(trx, outbox, a.id, now, tz) : 0;
  }

  return {
    signUp: (userId: number, activityId: number, done?: TxHook) => signUp(userId, activityId, null, false, done),
    /** Joins the line for a full activity; a place that freed up meanwhile is taken instead. */
    joinWaitlist: (userId: number, activityId: number, done?: TxHook) => signUp(userId, activityId, null, true, done),
    /** A guardian signs a child up: a place, or a place in line if it is full. Ends the child flow. */
    signUpChild: (userId: number, activityId: number, child: Child, done?: TxHook) =>
      signUp(userId, activityId, child, true, done),
    signUpSeries,
    /** Before asking a child's name: can this resident sign anyone up for it at all? */
    checkChildSignup: async (userId: number, activityId: number) => {
      const a = await getActivity(db, activityId);
      open(a, clock.now());
      if (a.audience !== 'age') throw new NotForChildren();
      const user = await identity.user(userId);
      if (!user || !(await inAudience(deps, a, user))) throw new NotInAudience();
      return a;
    },

    /** Cancels one sign-up, or (`series`) that person's sign-ups for every session still ahead. */
    async cancelSignup(
      userId: number,
      signupId: number,
      series: boolean,
    ): Promise<{ cancelled: number; promoted: number }> {
      const now = clock.now();
      return store.atomically(db, async (trx) => {
        const s = await ownActive(trx, userId, signupId);
        const a = (await store.findActivity(trx, s.activityId))!;
        let targets = [s];
        if (series && a.seriesId !== null) {
          targets = [];
          for (const x of await store.sessionsOf(trx, a.seriesId)) {
            if (x.date < a.date || activityState(x, now, tz) !== 'open') continue;
            const same = (await store.activeOf(trx, x.id, userId)).find(
              (m) => m.forChild === s.forChild && m.childName === s.childName,
            );
            if (same) targets.push(same);
          }
        }
        let promoted = 0;
        for (const t of targets) promoted += await cancelOne(trx, t, now);
        return { cancelled: targets.length, promoted };
      });
    },

    /** A resident's own sign-up with its activity and place in line (anyone else's: not found). */
    async ownSignup(userId: number, signupId: number): Promise<SignupResult> {
      const s = await ownActive(db, userId, signupId);
      return result(db, await getActivity(db, s.activityId), s.id);
    },

    /** The resident's places and places in line for this activity (theirs and their children's). */
    async mineFor(userId: number, activityId: number): Promise<SignupResult[]> {
      const a = await getActivity(db, activityId);
      return Promise.all((await store.activeOf(db, activityId, userId)).map((s) => result(db, a, s.id)));
    },
  };
}
