import type { JobSpec } from '../../telegram/feature';
import type { ReliefService } from './service';

/** One catch-up job for the whole monthly cycle: announcement, reminders, no-show offers, staff summary. */
export const reliefJobs = (relief: ReliefService): JobSpec[] => [
  {
    name: 'relief.cycle',
    cron: '*/5 * * * *',
    async run(now) {
      await relief.runCycle(now);
    },
  },
];
