import type { Deps } from '../../telegram/legacy';
import type { JobSpec } from '../../telegram/feature';
import { runCycle } from './cycle';
import { policyFrom } from './settings';

/** One catch-up job for the whole monthly cycle: announcement, reminders, no-show offers, staff summary. */
export const reliefJobs = (deps: Deps): JobSpec[] => [
  {
    name: 'relief.cycle',
    cron: '*/5 * * * *',
    async run(now) {
      if (await runCycle(deps.db, policyFrom(deps.config), now)) deps.wakeDelivery();
    },
  },
];
