import { sql } from 'kysely';
import { liveMembers } from './locks';
import { isPostgres } from './postgres';
import type { DbOrTx } from './schema';

// The store of `handled_updates` (issue 19): which webhook updates an instance claimed or finished, so that a
// retry by Telegram, on any instance, is handled once.

/**
 * Claims the update for `instance`; or takes over a claim older than `staleBefore`, or (PostgreSQL) one whose
 * instance has died. `busy`: another live instance is handling it now; `done`: it was handled; `committed`: taken
 * over from an instance that died after its handler committed the effect but before it answered (src/db/update-scope.ts).
 */
export async function claimUpdate(
  db: DbOrTx,
  updateId: number,
  now: Date,
  staleBefore: Date,
  instance: number | null,
): Promise<'claimed' | 'committed' | 'busy' | 'done'> {
  const stale = staleBefore.toISOString();
  // A claim is free to take when it is old, or (PostgreSQL) when the instance that made it is gone.
  const free = isPostgres(db)
    ? sql<boolean>`(handled_updates.claimed_at < ${stale} or (handled_updates.claimed_by is not null
        and handled_updates.claimed_by not in (${liveMembers})))`
    : sql<boolean>`handled_updates.claimed_at < ${stale}`;
  const taken = await db
    .insertInto('handled_updates')
    .values({ update_id: updateId, state: 'handling', claimed_at: now.toISOString(), claimed_by: instance })
    .onConflict((oc) =>
      oc
        .column('update_id')
        .doUpdateSet({ claimed_at: now.toISOString(), claimed_by: instance })
        .where('handled_updates.state', '=', 'handling')
        .where(free),
    )
    .returning('committed_at')
    .executeTakeFirst();
  if (taken) return taken.committed_at === null ? 'claimed' : 'committed';
  const row = await db
    .selectFrom('handled_updates')
    .select('state')
    .where('update_id', '=', updateId)
    .executeTakeFirst();
  return row?.state === 'handling' ? 'busy' : 'done';
}

/** Handled and answered; `claimedAt`: only if the claim is still this one (a retry may have taken it over). */
export async function markUpdateDone(db: DbOrTx, updateId: number, claimedAt?: string): Promise<void> {
  let q = db.updateTable('handled_updates').set({ state: 'done' }).where('update_id', '=', updateId);
  if (claimedAt) q = q.where('claimed_at', '=', claimedAt);
  await q.execute();
}

/**
 * Not handled after all (the handler failed before committing anything): a retry may try again. Only this claim's
 * row goes, and only while nothing was committed: a retry that took over, or an effect that is in, stays recorded.
 */
export async function releaseUpdate(db: DbOrTx, updateId: number, claimedAt: string): Promise<void> {
  await db
    .deleteFrom('handled_updates')
    .where('update_id', '=', updateId)
    .where('claimed_at', '=', claimedAt)
    .where('committed_at', 'is', null)
    .execute();
}

/** Telegram retries an update for at most a day: older records are needed no longer. */
export async function forgetUpdatesBefore(db: DbOrTx, before: Date): Promise<void> {
  await db.deleteFrom('handled_updates').where('claimed_at', '<', before.toISOString()).execute();
}
