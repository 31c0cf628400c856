import type { DeliveryCounts } from '../../outbox/service';
import type { Broadcast } from './store';

/** What a broadcast is doing, as staff see it in /broadcasts. */
export type Status = 'scheduled' | 'sending' | 'done' | 'stopped' | 'cancelled';

export function statusOf(b: Broadcast, now: Date): Status {
  if (b.state === 'cancelled') return 'cancelled';
  if (b.state === 'done') return b.stoppedBy === null ? 'done' : 'stopped';
  return Date.parse(b.sendAt) > now.getTime() ? 'scheduled' : 'sending';
}

/** Whether the stop (or cancel) button still means something. */
export const isStoppable = (b: Broadcast, now: Date) => {
  const s = statusOf(b, now);
  return (s === 'scheduled' || s === 'sending') && b.stoppedBy === null;
};

/** What is left to send: queued rows and the ones in flight. */
export const leftOf = (c: DeliveryCounts) => c.queued + c.sending;

/** How many outbox rows the broadcast has made so far, whatever became of them. */
export const rowTotal = (c: DeliveryCounts) => c.queued + c.sending + c.sent + c.failed + c.unreachable + c.skipped;

/**
 * Where a broadcast stands, from the counters on its row (no count over its deliveries): recipients whose row is
 * not made yet (it is still expanding) are waiting like the queued ones.
 */
export function countsNow(b: Broadcast): DeliveryCounts {
  const notYetMade = b.expandedAt === null ? Math.max(0, b.recipients - rowTotal(b.rows)) : 0;
  return { ...b.rows, queued: b.rows.queued + notYetMade };
}
