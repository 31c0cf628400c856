import type { DbOrTx } from './schema';
import { recordUpdate } from './update-scope';

/**
 * Work a caller adds to a service's transaction — above all, ending the user's flow — so that the change, the end of
 * the flow and the outbox rows commit together or not at all. A crash between "filed" and "flow ended" would
 * otherwise let the same confirmation file twice.
 */
export type TxHook = (trx: DbOrTx) => Promise<void>;

/**
 * Runs the hooks a service was given, in its transaction; and, when an update is being handled by webhook, records
 * there that its effect is in, so Telegram's retry after a crash does not do it again.
 */
export async function runHooks(trx: DbOrTx, ...hooks: (TxHook | undefined)[]): Promise<void> {
  await recordUpdate(trx);
  for (const h of hooks) if (h) await h(trx);
}

/** The same for a hook told what the transaction made (`{ id }`), so the flow can end with that result. */
export async function runDone<T>(
  trx: DbOrTx,
  done: ((trx: DbOrTx, made: T) => Promise<void>) | undefined,
  made: T,
): Promise<void> {
  await recordUpdate(trx);
  if (done) await done(trx, made);
}
