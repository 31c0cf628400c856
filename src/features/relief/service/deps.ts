import type { DbOrTx } from '../../../db/schema';
import type { Platform } from '../../../platform';
import type { ReliefPolicy } from '../policy';

/** What every part of the relief service is built with: the platform and the area's policy, read once. */
export type ReliefDeps = Pick<Platform, 'db' | 'clock' | 'identity' | 'outbox'> & { policy: ReliefPolicy };

/**
 * Work the caller adds to the transaction that completes its step, told what was made: the handler ends or moves
 * its flow there with the result, so a confirmation arriving again can say "already done as …". A TxHook fits too.
 */
export type Done<T> = (trx: DbOrTx, made: T) => Promise<void>;
