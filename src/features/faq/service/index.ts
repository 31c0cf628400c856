import type { Platform } from '../../../platform';
import type { LiveAnswer } from '../../../telegram/workbench';
import type { ResidentsService } from '../../residents/service';
import { faqPolicy } from '../policy';
import { entriesService } from './entries';
import { handoffEntriesService } from './handoff-entries';
import { handoffsService } from './handoffs';
import { knowledgeCache } from './knowledge';
import { officeHoursService } from './office-hours';
import { questionsService } from './questions';
import { remindersService } from './reminders';

export type { EntryPatch, ImportResult } from './entries';
export type { HandoffEntryDraft, HandoffEntryReview } from './handoff-entries';
export type { HandoffRequested, OpenHandoff } from './handoffs';
export type { Asked, Response } from './questions';

export type FaqService = ReturnType<typeof createFaqService>;

/**
 * Residents' questions and the knowledge base that answers them. Built once per app: the search index lives here
 * (built on first use, kept in step with every change), not in a module keyed by the database.
 */
export function createFaqService(
  platform: Pick<Platform, 'db' | 'clock' | 'config' | 'identity' | 'outbox' | 'writes' | 'settings'>,
  deps: {
    residents: Pick<ResidentsService, 'homeOf'>;
    /** Every area's live answers, asked before the entries (gathered when first needed: see features/index.ts). */
    liveAnswers?: () => readonly LiveAnswer[];
  },
) {
  const policy = faqPolicy(platform.config, platform.settings);
  const knowledge = knowledgeCache(platform.db);
  const questions = questionsService(platform, knowledge, deps.liveAnswers);
  const handoffs = handoffsService({ ...platform, ...deps, policy, ownQuery: questions.ownQuery });
  return {
    policy,
    /** Builds the search index now rather than on the first question; `sync` picks up another process's changes. */
    index: { warm: () => knowledge.get().then(() => undefined), sync: knowledge.sync },
    questions,
    entries: entriesService(platform, knowledge),
    officeHours: officeHoursService(platform),
    handoffs: {
      ...handoffs,
      ...handoffEntriesService({ ...platform, knowledge, cards: handoffs }),
      ...remindersService(platform, policy),
    },
  };
}
