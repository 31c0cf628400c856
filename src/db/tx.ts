import type { DbOrTx } from './schema';

/**
 * Work a caller adds to a service's transaction — above all, ending the user's flow — so that the change, the end of
 * the flow and the outbox rows commit together or not at all. A crash between "filed" and "flow ended" would
 * otherwise let the same confirmation file twice.
 */
export type TxHook = (trx: DbOrTx) => Promise<void>;

/** Runs the hooks a service was given, in its transaction. */
export async function runHooks(trx: DbOrTx, ...hooks: (TxHook | undefined)[]): Promise<void> {
  for (const h of hooks) if (h) await h(trx);
}
