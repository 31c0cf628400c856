import { addDays, localDate, localTime, MINUTE_MS, zonedToUtc } from '../../../core/time';
import { activitiesPolicy, activityTimes, durationMinutes, remindBefore, remindEvening, startStamp } from '../policy';
import * as store from '../store';
import type { ActivitiesDeps } from './deps';
import * as messages from './messages';

/** At most this many rows per run of the feedback and hours jobs: each run is short, the rest come next run. */
const BATCH = 500;

/**
 * Catch-up work for the scheduler. Each job reads only what is due now — the reminders of today's and tomorrow's
 * activities not yet queued for their start, the feedback of the last few days' activities not yet asked — records
 * per sign-up what it queued, and touches nothing when nothing is due: a second run queues nothing again.
 */
export function reminders(deps: ActivitiesDeps) {
  const { db, clock, outbox, settings, tz } = deps;

  /** Which reminders of an activity are due at `now`: the evening before, and shortly before it starts. */
  function due(a: store.Activity, now: Date): ('eve' | 'soon')[] {
    const today = localDate(now, tz);
    const { start } = activityTimes(a, tz);
    const out: ('eve' | 'soon')[] = [];
    if (a.date === addDays(today, 1) && localTime(now, tz) >= settings.get(remindEvening)) out.push('eve');
    const soon = start.getTime() - settings.get(remindBefore) * MINUTE_MS;
    if (now.getTime() >= soon && now < start) out.push('soon');
    return out;
  }

  return {
    /** Queues every reminder due as of `now` to those holding a place (each child's place named). */
    async queueReminders(now = clock.now()): Promise<number> {
      const today = localDate(now, tz);
      const soonest = await store.activitiesBetween(db, today, addDays(today, 1), ['published']);
      let queued = 0;
      for (const a of soonest) {
        if (!a.signupNeeded) continue;
        const stamp = startStamp(a);
        for (const kind of due(a, now)) {
          if ((await store.remindersDue(db, a.id, kind, stamp)).length === 0) continue;
          queued += await db.transaction().execute(async (trx) => {
            const list = await store.remindersDue(trx, a.id, kind, stamp);
            await store.markReminded(
              trx,
              list.map((s) => s.id),
              kind,
              stamp,
            );
            return outbox.enqueue(
              trx,
              list.map((s) => messages.reminder(kind, a, s, stamp)),
              now,
            );
          });
        }
      }
      return queued;
    },

    /**
     * From 10:00 the day after, attendees are asked how it was: once per person per activity (a guardian with two
     * children is asked once), with one-tap stars. An activity is done when everyone who came has been asked.
     */
    async queueFeedback(now = clock.now()): Promise<number> {
      const today = localDate(now, tz);
      const from = addDays(today, -activitiesPolicy.feedbackDays);
      let queued = 0;
      for (const a of await store.feedbackPending(db, from, addDays(today, -1))) {
        if (now < zonedToUtc(addDays(a.date, 1), activitiesPolicy.feedbackFrom, tz)) continue;
        queued += await db.transaction().execute(async (trx) => {
          const list = (await store.feedbackDue(trx, a.id)).slice(0, BATCH);
          const first = new Map<number, store.Signup>();
          for (const s of list) if (s.userId !== null && !first.has(s.userId)) first.set(s.userId, s);
          await store.markAsked(
            trx,
            list.map((s) => s.id),
            now.toISOString(),
          );
          if (list.length < BATCH) await store.updateActivity(trx, a.id, { feedback_done_at: now.toISOString() });
          return outbox.enqueue(
            trx,
            [...first.values()].map((s) => messages.askFeedback(a, s)),
            now,
          );
        });
      }
      return queued;
    },

    /** Children's names and ages are kept only as long as their class runs (a series: until its last session). */
    async eraseChildren(now = clock.now()): Promise<number> {
      const today = localDate(now, tz);
      let erased = 0;
      for (const a of await store.childrenKept(db, today)) {
        const last = a.seriesId === null ? a.date : await store.seriesEnd(db, a.seriesId);
        const lastSession = a.seriesId === null ? a : { ...a, date: last };
        if (last > today || activityTimes(lastSession, tz).end > now) continue;
        await db.transaction().execute(async (trx) => {
          await store.eraseChildren(trx, [a.id]);
          await store.updateActivity(trx, a.id, { children_erased_at: now.toISOString() });
        });
        erased++;
      }
      return erased;
    },

    /**
     * Once a volunteering activity is over, everyone checked in who is a volunteer has its time credited to their
     * hours, once (the partners area keeps the key). Each attendee is offered once: a non-volunteer is passed over.
     */
    async creditHours(now = clock.now()): Promise<number> {
      const port = deps.hours;
      if (!port) return 0;
      const rows = await store.hoursToCredit(db, localDate(now, tz), localTime(now, tz), BATCH);
      if (rows.length === 0) return 0;
      return db.transaction().execute(async (trx) => {
        const entries = rows.map((r) => ({
          key: `activity:${r.activity_id}:${r.user_id}`,
          userId: r.user_id!,
          date: r.date,
          minutes: durationMinutes({ date: r.date, startsAt: r.starts_at, endsAt: r.ends_at }, tz),
          what: { 'zh-CN': r.title_zh, en: r.title_en ?? r.title_zh },
          partnerId: r.partner_id,
        }));
        const credited = await port.creditHours(trx, entries);
        await store.markCredited(
          trx,
          rows.map((r) => r.id),
          now.toISOString(),
        );
        return credited;
      });
    },
  };
}
