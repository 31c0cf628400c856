import type { JobSpec } from '../../core/jobs';

/** Nothing to schedule: the workbench shows what is waiting when it is opened. */
export const workbenchJobs = (): JobSpec[] => [];
