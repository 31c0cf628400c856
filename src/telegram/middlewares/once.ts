import type { Middleware, NextFunction } from 'grammy';
import type { Clock } from '../../core/clock';
import { claimUpdate, markUpdateDone, releaseUpdate } from '../../db/handled-updates';
import type { InstanceLocks } from '../../db/locks';
import type { Db } from '../../db/schema';
import { type UpdateClaim, withinUpdate } from '../../db/update-scope';
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

export interface HandledOnce {
  /** Before the session: claims the update (or skips a retry of one handled) and holds the user's turn. */
  claim: Middleware<BotContext>;
  /** After the session: the handlers' transactions record the update; a retry of a committed one is only answered. */
  record: Middleware<BotContext>;
}

/**
 * With webhooks and several instances (issue 19): Telegram retries an update whose POST failed or timed out, maybe
 * on another instance. Each update is claimed before it is handled, so it is handled once (a claim of an instance
 * that died is taken over by the retry); one user's updates are handled one at a time across instances.
 * The effect is recorded in the handler's own transaction (src/db/update-scope.ts): an instance killed after that
 * commit and before "done" leaves an update whose retry changes nothing. The person may not have had the reply, and
 * Telegram has no idempotency key to ask whether it was delivered, so the retry answers that it was done (with the
 * menu): a reply may come twice, at most for the updates in flight at the kill; the effect never.
 */
export function handledOnce(db: Db, clock: Clock, locks: InstanceLocks, log: Logger): HandledOnce {
  const claims = new WeakMap<BotContext, UpdateClaim & { committed: boolean }>();

  const claim = async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const updateId = ctx.update.update_id;
    const now = clock.now();
    const got = await claimUpdate(db, updateId, now, new Date(now.getTime() - CLAIM_LEASE_MS), await locks.member());
    if (got === 'done') {
      log.info({ update: updateId }, 'update already handled: a retry, skipped');
      return;
    }
    // Answered 200 now, it would be lost if the instance handling it died before finishing: Telegram retries later.
    if (got === 'busy') throw new UpdateBusy(updateId);
    const mine = { updateId, claimedAt: now.toISOString(), committed: got === 'committed' };
    claims.set(ctx, mine);
    const key = ctx.from?.id ?? ctx.chat?.id;
    try {
      await (key === undefined ? next() : locks.hold(key, next));
    } catch (err) {
      // Not handled after all (unless its effect committed): a retry may try again.
      await releaseUpdate(db, updateId, mine.claimedAt);
      throw err;
    }
    await markUpdateDone(db, updateId, mine.claimedAt);
  };

  const record = async (ctx: BotContext, next: NextFunction): Promise<void> => {
    const mine = claims.get(ctx);
    if (!mine) return next();
    if (!mine.committed) return withinUpdate(mine, next);
    log.info({ update: mine.updateId }, 'a retry of an update whose effect was committed: answered, not done again');
    if (ctx.callbackQuery) await ctx.answerCallbackQuery().catch(() => {});
    if (ctx.chat?.type === 'private') await ctx.reply(ctx.t('common.handledBefore'), { reply_markup: ctx.mainMenu() });
  };

  return { claim, record };
}
