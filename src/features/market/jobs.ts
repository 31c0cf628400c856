import type { JobSpec } from '../../telegram/feature';
import type { MarketService } from './service';

/** Catch-up jobs every five minutes: a restart or a missed tick only delays a reminder, never loses or doubles it. */
export const marketJobs = (market: MarketService): JobSpec[] => [
  { name: 'market.reminders', cron: '*/5 * * * *', run: async (now) => void (await market.queueReminders(now)) },
  { name: 'market.holdChecks', cron: '*/5 * * * *', run: async (now) => void (await market.queueHoldChecks(now)) },
];
