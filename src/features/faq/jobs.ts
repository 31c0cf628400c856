import type { Logger } from '../../logger';
import type { JobSpec } from '../../telegram/feature';
import type { FaqService } from './service';

export function faqJobs(faq: FaqService, log: Logger): JobSpec[] {
  return [
    {
      name: 'faq.remind-handoffs',
      cron: '*/10 * * * *',
      run: async (now) => {
        await faq.handoffs.remindOverdue(now);
      },
    },
    {
      // `faq import` runs in another process; this picks its changes up within a minute.
      name: 'faq.sync-index',
      cron: '* * * * *',
      run: async () => {
        if (await faq.index.sync()) log.info('FAQ index rebuilt after an outside change');
      },
    },
  ];
}
