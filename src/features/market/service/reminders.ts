import { addDays, localDate, localTime } from '../../../core/time';
import { AlreadyAnswered, BookingNotFound } from '../errors';
import { marketTimes } from '../policy';
import * as store from '../store';
import { type MarketDeps, placesById } from './deps';
import * as messages from './messages';

/** At most this many "did it hold?" questions per run: each run is one short transaction, the rest come next run. */
const HOLD_BATCH = 200;

/**
 * Catch-up work for the scheduler, and the answer to the "did the fix hold?" question it asks. Each job reads only
 * what is due now (the reminders of today's and tomorrow's market days not yet queued for their date; the open
 * questions through a partial index), records per ticket what it queued, and touches nothing when nothing is due:
 * a second run, or a run after old outbox rows were pruned, queues nothing again.
 */
export function reminders(deps: MarketDeps) {
  const { db, clock, outbox, policy } = deps;
  const tz = policy.timezone;

  /** Which reminder of a market day is due at `now`, if any. */
  function dueKind(m: store.Market, now: Date): store.ReminderKind | null {
    const today = localDate(now, tz);
    const time = localTime(now, tz);
    if (m.date === today) return time >= policy.remindMorning && now < marketTimes(m, tz).end ? 'morn' : null;
    return m.date === addDays(today, 1) && time >= policy.remindEvening ? 'eve' : null;
  }

  return {
    /**
     * Queues every reminder due as of `now` — the evening before after MARKET_REMIND_EVENING, the day itself after
     * MARKET_REMIND_MORNING until the market ends — and records, per ticket, the market date it was queued for (a
     * market moved to another day is reminded again for the new day).
     */
    async queueReminders(now: Date): Promise<number> {
      const today = localDate(now, tz);
      const markets = (await store.marketsFrom(db, today, ['published'])).filter((m) => m.date <= addDays(today, 1));
      let places: Awaited<ReturnType<typeof placesById>> | undefined;
      let queued = 0;
      for (const m of markets) {
        const kind = dueKind(m, now);
        if (!kind || (await store.remindersDue(db, m.id, kind, m.date)).length === 0) continue;
        places ??= await placesById(deps);
        const when = messages.whenParams(m, places.get(m.compoundId));
        queued += await store.atomically(db, async (trx) => {
          const due = await store.remindersDue(trx, m.id, kind, m.date);
          const offers = new Map((await store.offersOf(trx, m.id)).map((o) => [o.id, o]));
          const msgs = due.map((b) => {
            const ticket = { ...b, userId: b.userId!, ticketNo: b.ticketNo! };
            return messages.reminder(kind, ticket, m, when, offers.get(b.offerId)!, tz);
          });
          await store.markReminded(
            trx,
            due.map((b) => b.id),
            kind,
            m.date,
          );
          return outbox.enqueue(trx, msgs, now);
        });
      }
      return queued;
    },

    /** Fixed repairs served at least two weeks ago get one "did the fix hold?" question. */
    async queueHoldChecks(now: Date): Promise<number> {
      const before = new Date(now.getTime() - policy.holdCheckAfterMs).toISOString();
      if ((await store.holdChecksDue(db, before, 1)).length === 0) return 0;
      const places = await placesById(deps);
      return store.atomically(db, async (trx) => {
        const due = await store.holdChecksDue(trx, before, HOLD_BATCH);
        const offers = new Map<number, store.Offer>();
        const markets = new Map<number, store.Market>();
        const msgs = [];
        for (const b of due) {
          if (!offers.has(b.offerId)) offers.set(b.offerId, (await store.findOffer(trx, b.offerId))!);
          if (!markets.has(b.marketId)) markets.set(b.marketId, (await store.findMarket(trx, b.marketId))!);
          const m = markets.get(b.marketId)!;
          const when = messages.whenParams(m, places.get(m.compoundId));
          msgs.push(messages.holdCheck({ ...b, userId: b.userId! }, when, offers.get(b.offerId)!));
        }
        await store.markHoldAsked(
          trx,
          due.map((b) => b.id),
          now.toISOString(),
        );
        return outbox.enqueue(trx, msgs, now);
      });
    },

    /** The resident's answer goes into the market's numbers; only the one asked can answer, once. */
    async answerHold(userId: number, bookingId: number, held: boolean): Promise<void> {
      const now = clock.now();
      await store.atomically(db, async (trx) => {
        const b = await store.findBooking(trx, bookingId);
        if (!b || b.userId !== userId || b.holdAskedAt === null) throw new BookingNotFound();
        if (b.holdAnswer !== null) throw new AlreadyAnswered();
        const patch = { holdAnswer: held ? ('yes' as const) : ('no' as const), holdAnsweredAt: now.toISOString() };
        await store.updateBooking(trx, bookingId, patch);
      });
    },
  };
}
