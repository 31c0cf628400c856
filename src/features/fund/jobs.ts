import type { Deps } from '../../telegram/legacy';
import type { JobSpec } from '../../telegram/feature';
import { remindDuePledges } from './pledges';
import { queueMonthlyStatement } from './statement';

// Catch-up jobs: each asks "what is due as of now that was not queued yet?", so a missed run loses nothing.
export function fundJobs(deps: Deps): JobSpec[] {
  const tz = deps.config.TIMEZONE;
  const wake = (n: number) => {
    if (n > 0) deps.wakeDelivery();
  };
  return [
    {
      name: 'fund.pledge-reminders',
      cron: '*/10 * * * *',
      run: async (now) => wake(await remindDuePledges(deps.db, now, tz)),
    },
    {
      name: 'fund.monthly-statement',
      cron: '*/15 * * * *',
      run: async (now) => wake(await queueMonthlyStatement(deps.db, now, tz)),
    },
  ];
}
