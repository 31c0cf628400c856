import type { DbOrTx } from './schema';

// The store of `handled_updates` (issue 19): which webhook updates an instance claimed or finished, so that a
// retry by Telegram, on any instance, is handled once.

/** Claims the update, or takes over a claim older than `staleBefore` (its instance died); false if it is taken. */
export async function claimUpdate(db: DbOrTx, updateId: number, now: Date, staleBefore: Date): Promise<boolean> {
  const r = await db
    .insertInto('handled_updates')
    .values({ update_id: updateId, state: 'handling', claimed_at: now.toISOString() })
    .onConflict((oc) =>
      oc
        .column('update_id')
        .doUpdateSet({ claimed_at: now.toISOString() })
        .where('handled_updates.state', '=', 'handling')
        .where('handled_updates.claimed_at', '<', staleBefore.toISOString()),
    )
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
}

export async function markUpdateDone(db: DbOrTx, updateId: number): Promise<void> {
  await db.updateTable('handled_updates').set({ state: 'done' }).where('update_id', '=', updateId).execute();
}

/** Not handled after all (the handler failed): a retry may try again. */
export async function releaseUpdate(db: DbOrTx, updateId: number): Promise<void> {
  await db.deleteFrom('handled_updates').where('update_id', '=', updateId).execute();
}

/** Telegram retries an update for at most a day: older records are needed no longer. */
export async function forgetUpdatesBefore(db: DbOrTx, before: Date): Promise<void> {
  await db.deleteFrom('handled_updates').where('claimed_at', '<', before.toISOString()).execute();
}
