import type { JobSpec } from '../../telegram/feature';
import type { ActivitiesService } from './service';

/**
 * Catch-up jobs: each reads only what is due now and records what it queued, so a restart or a missed tick only
 * delays a reminder, never loses or doubles it.
 */
export const activitiesJobs = (s: ActivitiesService): JobSpec[] => [
  { name: 'activities.announce', cron: '* * * * *', run: async (now) => void (await s.announcePending(now)) },
  { name: 'activities.reminders', cron: '*/5 * * * *', run: async (now) => void (await s.queueReminders(now)) },
  { name: 'activities.feedback', cron: '*/15 * * * *', run: async (now) => void (await s.queueFeedback(now)) },
  { name: 'activities.children', cron: '30 3 * * *', run: async (now) => void (await s.eraseChildren(now)) },
  { name: 'activities.hours', cron: '*/30 * * * *', run: async (now) => void (await s.creditHours(now)) },
];
