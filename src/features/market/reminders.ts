import { addDays, localDate, localTime } from '../../core/time';
import type { DbOrTx } from '../../db/schema';
import { enqueue, type OutMessage, type Param } from '../delivery/service';
import { CB } from './callbacks';
import { AlreadyAnswered, BookingNotFound } from './errors';
import { estimateTime, marketTimes, type Policy, ticketCode, whenParams } from './service';
import type { MarketRow } from './store';
import * as store from './store';

/** A repair is asked about this long after it was fixed. */
export const HOLD_CHECK_DAYS = 14;

const bringParam = (o: { bring_zh: string | null; bring_en: string | null }): Param =>
  o.bring_zh ? { 'zh-CN': o.bring_zh, en: o.bring_en ?? o.bring_zh } : { $t: 'market.remind.bringNothing' };

async function remindersFor(db: DbOrTx, m: MarketRow, kind: 'eve' | 'morn', policy: Policy): Promise<OutMessage[]> {
  const when = await whenParams(db, m, policy.timezone);
  const offers = new Map((await store.offersOf(db, m.id)).map((o) => [o.id, o]));
  const bookings = await store.bookingsOfMarket(db, m.id, ['booked']);
  return bookings
    .filter((b) => b.user_id !== null)
    .map((b) => {
      const o = offers.get(b.offer_id)!;
      return {
        dedupeKey: `market:remind-${kind}:${b.id}`,
        chatId: b.user_id!,
        userId: b.user_id,
        category: 'personal',
        content: {
          key: kind === 'eve' ? 'market.remind.evening' : 'market.remind.morning',
          params: {
            ...when,
            service: { 'zh-CN': o.name_zh, en: o.name_en },
            ticket: ticketCode(o.ticket_prefix, b.ticket_no!),
            time: estimateTime(m, o.minutes_per_ticket, b.ticket_no!, policy.timezone),
            bring: bringParam(o),
          },
          buttons: [[{ key: 'market.btn.myBookings', data: CB.mine }]],
        },
      };
    });
}

/**
 * Catch-up: queues every reminder due as of `now` — the evening before after MARKET_REMIND_EVENING, the day itself
 * after MARKET_REMIND_MORNING until the market ends. Dedupe keys make a second run (or a restart) send nothing twice.
 */
export async function queueReminders(db: DbOrTx, now: Date, policy: Policy): Promise<number> {
  const today = localDate(now, policy.timezone);
  const time = localTime(now, policy.timezone);
  const markets = (await store.marketsFrom(db, today, ['published'])).filter((m) => m.date <= addDays(today, 1));
  let queued = 0;
  for (const m of markets) {
    const kind =
      m.date === today
        ? time >= policy.remindMorning && now < marketTimes(m, policy.timezone).end
          ? 'morn'
          : null
        : time >= policy.remindEvening
          ? 'eve'
          : null;
    if (!kind) continue;
    queued += await store.atomically(db, async (trx) => enqueue(trx, await remindersFor(trx, m, kind, policy), now));
  }
  return queued;
}

/** Catch-up: fixed repairs served at least two weeks ago get one "did the fix hold?" question. */
export async function queueHoldChecks(db: DbOrTx, now: Date, policy: Policy): Promise<number> {
  const due = await store.holdChecksDue(db, new Date(now.getTime() - HOLD_CHECK_DAYS * 86_400_000).toISOString());
  let queued = 0;
  for (const b of due) {
    queued += await store.atomically(db, async (trx) => {
      const o = (await store.findOffer(trx, b.offer_id))!;
      const m = (await store.findMarket(trx, b.market_id))!;
      await store.updateBooking(trx, b.id, { hold_asked_at: now.toISOString() });
      return enqueue(
        trx,
        [
          {
            dedupeKey: `market:hold:${b.id}`,
            chatId: b.user_id!,
            userId: b.user_id,
            category: 'personal',
            content: {
              key: 'market.notify.holdCheck',
              params: {
                ...(await whenParams(trx, m, policy.timezone)),
                service: { 'zh-CN': o.name_zh, en: o.name_en },
                details: b.details ?? '-',
              },
              buttons: [
                [
                  { key: 'market.hold.yes', data: CB.hold(b.id, true) },
                  { key: 'market.hold.no', data: CB.hold(b.id, false) },
                ],
              ],
            },
          },
        ],
        now,
      );
    });
  }
  return queued;
}

/** The resident's answer goes into the market's stats; only the one asked can answer, once. */
export async function answerHold(
  db: DbOrTx,
  userId: number,
  bookingId: number,
  held: boolean,
  now: Date,
): Promise<void> {
  await store.atomically(db, async (trx) => {
    const b = await store.findBooking(trx, bookingId);
    if (!b || b.user_id !== userId || b.hold_asked_at === null) throw new BookingNotFound();
    if (b.hold_answer !== null) throw new AlreadyAnswered();
    await store.updateBooking(trx, bookingId, {
      hold_answer: held ? 'yes' : 'no',
      hold_answered_at: now.toISOString(),
    });
  });
}
