import { addDays, localDate, localTime } from '../../../core/time';
import { AlreadyAnswered, BookingNotFound } from '../errors';
import { marketTimes } from '../policy';
import * as store from '../store';
import { type MarketDeps, placesById } from './deps';
import * as messages from './messages';

/** Catch-up work for the scheduler, and the answer to the "did the fix hold?" question it asks. */
export function reminders(deps: MarketDeps) {
  const { db, clock, outbox, policy } = deps;
  const tz = policy.timezone;

  return {
    /**
     * Queues every reminder due as of `now` — the evening before after MARKET_REMIND_EVENING, the day itself after
     * MARKET_REMIND_MORNING until the market ends. Dedupe keys make a second run (or a restart) send nothing twice.
     */
    async queueReminders(now: Date): Promise<number> {
      const today = localDate(now, tz);
      const time = localTime(now, tz);
      const markets = (await store.marketsFrom(db, today, ['published'])).filter((m) => m.date <= addDays(today, 1));
      const places = await placesById(deps);
      let queued = 0;
      for (const m of markets) {
        const kind =
          m.date === today
            ? time >= policy.remindMorning && now < marketTimes(m, tz).end
              ? 'morn'
              : null
            : time >= policy.remindEvening
              ? 'eve'
              : null;
        if (!kind) continue;
        const when = messages.whenParams(m, places.get(m.compoundId));
        queued += await store.atomically(db, async (trx) => {
          const offers = new Map((await store.offersOf(trx, m.id)).map((o) => [o.id, o]));
          const msgs = (await store.bookingsOfMarket(trx, m.id, ['booked'])).flatMap((b) =>
            b.userId === null || b.ticketNo === null
              ? []
              : [
                  messages.reminder(
                    kind,
                    { ...b, userId: b.userId, ticketNo: b.ticketNo },
                    m,
                    when,
                    offers.get(b.offerId)!,
                    tz,
                  ),
                ],
          );
          return outbox.enqueue(trx, msgs, now);
        });
      }
      return queued;
    },

    /** Fixed repairs served at least two weeks ago get one "did the fix hold?" question. */
    async queueHoldChecks(now: Date): Promise<number> {
      const due = await store.holdChecksDue(db, new Date(now.getTime() - policy.holdCheckAfterMs).toISOString());
      const places = due.length ? await placesById(deps) : new Map();
      let queued = 0;
      for (const b of due) {
        if (b.userId === null) continue;
        const asked = { ...b, userId: b.userId };
        queued += await store.atomically(db, async (trx) => {
          const o = (await store.findOffer(trx, b.offerId))!;
          const m = (await store.findMarket(trx, b.marketId))!;
          await store.updateBooking(trx, b.id, { holdAskedAt: now.toISOString() });
          const when = messages.whenParams(m, places.get(m.compoundId));
          return outbox.enqueue(trx, [messages.holdCheck(asked, when, o)], now);
        });
      }
      return queued;
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
