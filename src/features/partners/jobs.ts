import type { JobSpec } from '../../telegram/feature';

/** Nothing here is scheduled: every message of this area answers a staff member's or a volunteer's action. */
export const partnersJobs = (): JobSpec[] => [];
