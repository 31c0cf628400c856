import type { DbOrTx } from '../../../db/schema';
import type { Platform } from '../../../platform';
import type { ResidentsService } from '../../residents/service';
import type { ReliefPolicy } from '../policy';

/** The other areas' services relief uses: where someone asking about the pickup lives; which communities exist. */
export interface ReliefAreas {
  residents?: Pick<ResidentsService, 'homeOf' | 'community'>;
}

/** What every part of the relief service is built with: the platform, the area's policy (read once), other areas. */
export type ReliefDeps = Pick<Platform, 'db' | 'clock' | 'identity' | 'outbox' | 'i18n'> &
  ReliefAreas & { policy: ReliefPolicy };

/**
 * Work the caller adds to the transaction that completes its step, told what was made: the handler ends or moves
 * its flow there with the result, so a confirmation arriving again can say "already done as …". A TxHook fits too.
 */
export type Done<T> = (trx: DbOrTx, made: T) => Promise<void>;
