import type { JobSpec } from '../../telegram/feature';

/** The residents area has no scheduled work: everything it does answers a resident at once. */
export const residentsJobs = (): JobSpec[] => [];
