import type { Deps } from '../../telegram/legacy';
import type { JobSpec } from '../../telegram/feature';
import { handoffPolicy, remindOverdue } from './handoffs';
import { knowledgeOf, syncKnowledge } from './knowledge';

export function faqJobs(deps: Deps): JobSpec[] {
  // Features have no start hook; the scheduler asks for jobs once while the app is composed, so the index is
  // built here, before the first question arrives, rather than on it.
  knowledgeOf(deps.db).catch((err) => deps.log.error({ err }, 'could not build the FAQ index'));
  const policy = handoffPolicy(deps.config);
  return [
    {
      name: 'faq.remind-handoffs',
      cron: '*/10 * * * *',
      run: async (now) => {
        if ((await remindOverdue(deps.db, policy, now)) > 0) deps.wakeDelivery();
      },
    },
    {
      // `faq import` runs in another process; this picks its changes up within a minute.
      name: 'faq.sync-index',
      cron: '* * * * *',
      run: async () => {
        if (await syncKnowledge(deps.db)) deps.log.info('FAQ index rebuilt after an outside change');
      },
    },
  ];
}
