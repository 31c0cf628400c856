import type { Platform } from '../../../platform';
import type { AreaAudiences } from '../audience';
import { parseSendAt } from '../policy';
import * as store from '../store';
import { createAudiences, type Places } from './audiences';
import { createBroadcasts } from './broadcasts';
import { createExpansion } from './expansion';

export type { Broadcast } from '../store';
export type { AudienceSummary, Places } from './audiences';
export type { BroadcastSummary, CreateInput, Done } from './broadcasts';

export interface NoticesDeps {
  /** The residents area's service, for the places a broadcast can go to. */
  residents: Places;
  /** Every audience the installed areas offer; asked each time, since the list is built after this area. */
  audiences: () => AreaAudiences;
  /** Recipients made into outbox rows per transaction (tests make it small to see the batches). */
  expandBatch?: number;
}

/** Staff broadcasts: audiences, confirming, stopping, progress and the final report. */
export type NoticesService = ReturnType<typeof createNoticesService>;

export function createNoticesService(platform: Platform, deps: NoticesDeps) {
  const { db, clock, config, outbox } = platform;
  const audiences = createAudiences(platform, deps.residents, deps.audiences);
  const expansion = createExpansion(platform, audiences, deps.expandBatch);
  return {
    ...audiences,
    ...createBroadcasts(platform, audiences, expansion),
    /** The job: recipients of broadcasts still expanding get their outbox rows, a batch per transaction. */
    expandPending: (now = clock.now()) => expansion.expandPending(now),
    /** The places a community or compound audience is chosen from. */
    communities: () => deps.residents.communities(),
    compounds: (communityId: number) => deps.residents.compounds(communityId),
    broadcast: (id: number) => store.findBroadcast(db, id),
    /** Confirmed broadcasts whose time has come and whose final report is not written yet. */
    running: (now = clock.now()) => store.runningBroadcasts(db, now.toISOString()),
    scheduled: (now = clock.now()) => store.scheduledBroadcasts(db, now.toISOString()),
    /** Skips what is queued of a broadcast already stopped (no audit: the stop itself was audited). */
    stopQueued: (id: number, now = clock.now()) => outbox.stopBroadcastRows(id, now),
    setProgressMessage: (id: number, messageId: number) =>
      store.updateBroadcast(db, id, { progressMessageId: messageId }),
    /** A time the staff member typed, read in the deployment's time zone. */
    parseSendAt: (text: string) => parseSendAt(text, config.TIMEZONE, clock.now()),
  };
}
