import { runHooks, type TxHook } from '../../../db/tx';
import { AlreadyRated, SignupNotFound } from '../errors';
import { activitiesPolicy, activityState } from '../policy';
import * as store from '../store';
import { type ActivitiesDeps, getActivity } from './deps';

/** What an activity's organiser sees after it: who came, who did not, how it was rated, what people said. */
export interface Summary {
  activity: store.Activity;
  counts: store.Counts;
  /** Held a place and did not come: a number for planning, never a name. */
  noShows: number;
  over: boolean;
  rated: number;
  average: number | null;
  asked: number;
  comments: { text: string; rating: number | null }[];
}

/** Feedback: one tap of stars, then a few words if they like; the organiser's summary. */
export function feedback(deps: ActivitiesDeps) {
  const { db, clock, tz } = deps;

  /** The sign-up a feedback button belongs to, if it is this user's and they were asked about it. */
  async function asked(userId: number, signupId: number) {
    const s = await store.findSignup(db, signupId);
    if (!s || s.userId !== userId || s.feedbackAskedAt === null || s.checkedInAt === null) throw new SignupNotFound();
    return s;
  }

  return {
    /** One rating per person per activity: a second tap (on any of their sign-ups of it) is refused. */
    async rate(userId: number, signupId: number, stars: number): Promise<store.Activity> {
      const s = await asked(userId, signupId);
      const now = clock.now().toISOString();
      await store.atomically(db, async (trx) => {
        const mine = await store.signupsOf(trx, s.activityId);
        if (mine.some((m) => m.userId === userId && m.rating !== null)) throw new AlreadyRated();
        await store.updateSignup(trx, s.id, { rating: stars, rated_at: now, updated_at: now });
      });
      return getActivity(db, s.activityId);
    },

    /** A few words after the stars; ends the comment flow. */
    async comment(userId: number, signupId: number, text: string, done?: TxHook): Promise<void> {
      const s = await asked(userId, signupId);
      if (s.rating === null) throw new SignupNotFound();
      await store.atomically(db, async (trx) => {
        await store.updateSignup(trx, s.id, { comment: text, updated_at: clock.now().toISOString() });
        await runHooks(trx, done);
      });
    },

    async summary(activityId: number): Promise<Summary> {
      const activity = await getActivity(db, activityId);
      const counts = await store.countsOfOne(db, activityId);
      const over = activityState(activity, clock.now(), tz) === 'over';
      const booked = await store.signupsOf(db, activityId);
      const noShows = over
        ? booked.filter((s) => s.status === 'booked' && s.checkedInAt === null && s.checkinMethod !== 'walkin').length
        : 0;
      const f = await store.feedbackOf(db, activityId, activitiesPolicy.summaryComments);
      return { activity, counts, noShows, over, ...f };
    },
  };
}
