import { AsyncLocalStorage } from 'node:async_hooks';
import type { DbOrTx } from './schema';

// Webhooks with several instances (issue 19): an update's effect must happen once even when its instance dies
// between the commit and the reply and Telegram sends the update again. The handler's own transaction records that
// the effect is in, so the retry finds it. Handlers commit through a few common places (a service's transaction runs
// its hooks, small writes go through the group commit): those places call `recordUpdate` with their transaction.
// The update being handled is carried in async context rather than through every service's signature.

/** The update an instance is handling, and its claim (the claim's time is its token: a retry that took over changes it). */
export interface UpdateClaim {
  updateId: number;
  claimedAt: string;
}

/** The update's claim was taken over by a retry on another instance: this handling must not commit anything. */
export class UpdateTakenOver extends Error {
  constructor(updateId: number) {
    super(`update ${updateId} was taken over by a retry`);
  }
}

const current = new AsyncLocalStorage<UpdateClaim>();

/** Runs `work` (the update's handlers) with `claim` as the update whose effects its transactions record. */
export function withinUpdate<T>(claim: UpdateClaim, work: () => Promise<T>): Promise<T> {
  return current.run(claim, work);
}

/** The claim of the update being handled here, if any (webhook mode only). */
export function currentUpdate(): UpdateClaim | undefined {
  return current.getStore();
}

/**
 * In a transaction that commits an update's effect: records it, or refuses (rolling the transaction back) when a
 * retry has taken the update over meanwhile, so the effect cannot happen on two instances.
 */
export async function recordUpdate(trx: DbOrTx, claim: UpdateClaim | undefined = currentUpdate()): Promise<void> {
  if (!claim) return;
  const r = await trx
    .updateTable('handled_updates')
    .set({ committed_at: claim.claimedAt })
    .where('update_id', '=', claim.updateId)
    .where('claimed_at', '=', claim.claimedAt)
    .executeTakeFirst();
  if (Number(r.numUpdatedRows) === 0) throw new UpdateTakenOver(claim.updateId);
}
