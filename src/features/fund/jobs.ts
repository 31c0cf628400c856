import type { JobSpec } from '../../telegram/feature';
import type { FundService } from './service';

// Catch-up jobs: each asks "what is due as of now that was not queued yet?", so a missed run loses nothing.
export const fundJobs = (fund: FundService): JobSpec[] => [
  {
    name: 'fund.pledge-reminders',
    cron: '*/10 * * * *',
    run: async (now) => {
      await fund.remindDuePledges(now);
    },
  },
  {
    name: 'fund.monthly-statement',
    cron: '*/15 * * * *',
    run: async (now) => {
      await fund.queueMonthlyStatement(now);
    },
  },
];
