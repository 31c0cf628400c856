import type { NextFunction } from 'grammy';
import type { Clock } from '../../core/clock';
import { claimUpdate, markUpdateDone, releaseUpdate } from '../../db/handled-updates';
import type { InstanceLocks } from '../../db/locks';
import type { Db } from '../../db/schema';
import type { Logger } from '../../logger';
import type { BotContext } from '../context';

/** Another instance is handling the update right now: the webhook answers 500 and Telegram tries again later. */
export class UpdateBusy extends Error {
  constructor(updateId: number) {
    super(`update ${updateId} is being handled by another instance`);
  }
}

/** A claim older than this belongs to an instance that died while handling: a retry may take the update over. */
export const CLAIM_LEASE_MS = 60_000;

/**
 * With webhooks and several instances (issue 19): Telegram retries an update whose POST failed or timed out, maybe
 * on another instance. Each update is claimed before it is handled and marked done after, so it is handled once
 * (a claim of an instance that died is taken over by the retry);
 * and one user's updates are handled one at a time across instances (their flow moves step by step).
 */
export function handledOnce(db: Db, clock: Clock, locks: InstanceLocks, log: Logger) {
  return async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const id = ctx.update.update_id;
    const now = clock.now();
    const claim = await claimUpdate(db, id, now, new Date(now.getTime() - CLAIM_LEASE_MS), await locks.member());
    if (claim === 'done') {
      log.info({ update: id }, 'update already handled: a retry, skipped');
      return;
    }
    // Answered 200 now, it would be lost if the instance handling it died before finishing: Telegram retries later.
    if (claim === 'busy') throw new UpdateBusy(id);
    const key = ctx.from?.id ?? ctx.chat?.id;
    try {
      await (key === undefined ? next() : locks.hold(key, next));
    } catch (err) {
      // Not handled after all: a retry may try again.
      await releaseUpdate(db, id);
      throw err;
    }
    await markUpdateDone(db, id);
  };
}
