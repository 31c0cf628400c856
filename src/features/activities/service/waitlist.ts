import type { DbOrTx } from '../../../db/schema';
import type { Outbox } from '../../../outbox/service';
import { activityState } from '../policy';
import * as store from '../store';
import * as messages from './messages';

/**
 * Gives free places to the first in line, in order, and tells each of them in the same transaction. Called after a
 * cancellation or a larger capacity; returns how many moved up. Nobody moves up once the activity has started.
 */
export async function promoteWaiting(
  trx: DbOrTx,
  outbox: Outbox,
  activityId: number,
  now: Date,
  tz: string,
): Promise<number> {
  await store.lockActivity(trx, activityId);
  const a = await store.findActivity(trx, activityId);
  if (a?.status !== 'published' || activityState(a, now, tz) !== 'open') return 0;
  let promoted = 0;
  for (;;) {
    if (a.capacity !== null && (await store.bookedCount(trx, activityId)) >= a.capacity) return promoted;
    const next = await store.firstWaiting(trx, activityId);
    if (!next) return promoted;
    await store.updateSignup(trx, next.id, { status: 'booked', updated_at: now.toISOString() });
    if (next.userId !== null) await outbox.enqueue(trx, [messages.promoted(a, next, now.toISOString())], now);
    promoted++;
  }
}

/** A check-in code not yet used in this activity. */
export async function freshCode(trx: DbOrTx, activityId: number, code: () => string): Promise<string> {
  for (;;) {
    const c = code();
    if (!(await store.codeTaken(trx, activityId, c))) return c;
  }
}
