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
