import type { JobSpec } from '../../telegram/feature';
import type { PetitionsService } from './service';

/** Catch-up jobs: what is due as of `now` and not yet queued goes to the outbox (which wakes its sender). */
export const petitionsJobs = (petitions: PetitionsService): JobSpec[] => [
  {
    name: 'petitions.deadlines',
    cron: '*/10 * * * *',
    run: async (now) => {
      await petitions.checkDeadlines(now);
    },
  },
  {
    name: 'petitions.monthly',
    cron: '15 9 * * *',
    run: (now) => petitions.sendMonthlyStats(now),
  },
];
