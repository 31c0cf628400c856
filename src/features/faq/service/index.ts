import type { Platform } from '../../../platform';
import type { ResidentsService } from '../../residents/service';
import { faqPolicy } from '../policy';
import { entriesService } from './entries';
import { handoffEntriesService } from './handoff-entries';
import { handoffsService } from './handoffs';
import { knowledgeCache } from './knowledge';
import { questionsService } from './questions';
import { remindersService } from './reminders';

export type { EntryPatch, ImportResult } from './entries';
export type { HandoffEntryDraft, HandoffEntryReview } from './handoff-entries';
export type { HandoffRequested, OpenHandoff } from './handoffs';
export type { Asked } from './questions';

export type FaqService = ReturnType<typeof createFaqService>;

/**
 * Residents' questions and the knowledge base that answers them. Built once per app: the search index lives here
 * (built on first use, kept in step with every change), not in a module keyed by the database.
 */
export function createFaqService(
  platform: Pick<Platform, 'db' | 'clock' | 'config' | 'identity' | 'outbox'>,
  deps: { residents: Pick<ResidentsService, 'homeOf'> },
) {
  const policy = faqPolicy(platform.config);
  const knowledge = knowledgeCache(platform.db);
  const questions = questionsService(platform, knowledge);
  const handoffs = handoffsService({ ...platform, ...deps, policy, ownQuery: questions.ownQuery });
  return {
    policy,
    /** Builds the search index now rather than on the first question; `sync` picks up another process's changes. */
    index: { warm: () => knowledge.get().then(() => undefined), sync: knowledge.sync },
    questions,
    entries: entriesService(platform, knowledge),
    handoffs: {
      ...handoffs,
      ...handoffEntriesService({ ...platform, knowledge, cards: handoffs }),
      ...remindersService(platform, policy),
    },
  };
}
