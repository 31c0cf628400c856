import type { Platform } from '../../../platform';
import type { ReliefPolicy } from '../policy';

/** What every part of the relief service is built with: the platform and the area's policy, read once. */
export type ReliefDeps = Pick<Platform, 'db' | 'clock' | 'identity' | 'outbox'> & { policy: ReliefPolicy };
