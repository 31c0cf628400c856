import type { JobSpec } from '../../core/jobs';

/** Nothing to schedule: the greeting of waiting residents is queued in the outbox when the set-up is finished. */
export const setupJobs = (): JobSpec[] => [];
