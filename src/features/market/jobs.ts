import type { Deps } from '../../telegram/legacy';
import type { JobSpec } from '../../telegram/feature';
import { queueHoldChecks, queueReminders } from './reminders';
import { policyFrom } from './service';

/** Catch-up jobs every five minutes: a restart or a missed tick only delays a reminder, never loses or doubles it. */
export function marketJobs(deps: Deps): JobSpec[] {
  const policy = policyFrom(deps.config);
  const wakeIf = (n: number) => {
    if (n > 0) deps.wakeDelivery();
  };
  return [
    {
      name: 'market.reminders',
      cron: '*/5 * * * *',
      run: async (now) => wakeIf(await queueReminders(deps.db, now, policy)),
    },
    {
      name: 'market.holdChecks',
      cron: '*/5 * * * *',
      run: async (now) => wakeIf(await queueHoldChecks(deps.db, now, policy)),
    },
  ];
}
