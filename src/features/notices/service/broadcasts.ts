import type { DbOrTx } from '../../../db/schema';
import { runDone } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { DeliveryCounts } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import { type Audience, audienceCode, categoryOf } from '../audience';
import type { Draft } from '../draft';
import { AlreadyConfirmed, BroadcastNotFound, EmptyNotice, NoRecipients, NotRunning, TimeInPast } from '../errors';
import { exampleTime, noticesPolicy } from '../policy';
import { countsNow, isStoppable, leftOf, rowTotal, statusOf } from '../status';
import * as store from '../store';
import type { Audiences } from './audiences';
import type { Expansion } from './expansion';

/**
 * Work the caller adds to the transaction that completes its flow, told what was made: the handler ends the flow
 * there with the result (`ctx.flowEnd({ id })`), so a confirmation arriving again can say "already sent as #N". A
 * plain TxHook fits too.
 */
export type Done<T> = (trx: DbOrTx, made: T) => Promise<void>;

export interface CreateInput {
  draft: Draft;
  actorId: number;
  audience: Audience;
  /** null: send now. */
  sendAt: Date | null;
  /** The staff member's message that becomes the progress report (immediate broadcasts). */
  progressMessageId: number | null;
}

export interface BroadcastSummary {
  broadcast: store.Broadcast;
  counts: { sent: number; failed: number; unreachable: number; stopped: number; left: number };
}

/** Confirming, stopping and finishing broadcasts: each change with its outbox rows and audit entry, in one go. */
export function createBroadcasts(platform: Platform, audiences: Audiences, expansion: Expansion) {
  const { db, clock, config, outbox, telegram } = platform;

  /**
   * Confirms a broadcast: the broadcast with its audience, the first batch of its outbox rows (all of them for a
   * small audience; the expansion job makes the rest), the audit entry and the end of the staff member's flow are
   * written in one transaction, so a crash leaves either all of it or none.
   */
  async function createBroadcast(input: CreateInput, done?: Done<{ id: number }>): Promise<store.Broadcast> {
    const now = clock.now();
    const { draft, audience } = input;
    if (!draft.text.trim() && !draft.photo) throw new EmptyNotice();
    if (input.sendAt && input.sendAt.getTime() <= now.getTime())
      throw new TimeInPast(exampleTime(now, config.TIMEZONE));
    const sendAt = input.sendAt ?? now;
    const category = categoryOf(audience);
    const code = audienceCode(audience);
    // Read before the transaction: other areas answer from their own services, and the one SQLite connection is
    // held by the transaction until it commits. The audience is everyone in it now, up to the newest user.
    const { recipients } = await audiences.summarize(audience, now);
    if (recipients === 0) throw new NoRecipients();
    const upto = await store.lastUserId(db);
    const first = await expansion.nextBatch({ audience: code, expandAfter: 0, expandUpto: upto }, now);
    return db.transaction().execute(async (trx) => {
      const id = await store.insertBroadcast(trx, {
        draftKey: draft.key,
        createdBy: input.actorId,
        createdAt: now.toISOString(),
        audience: code,
        category,
        text: draft.text,
        entities: draft.entities,
        photo: draft.photo,
        sendAt: sendAt.toISOString(),
        recipients,
        progressMessageId: input.sendAt ? null : input.progressMessageId,
        expandUpto: upto,
      });
      if (id === null) throw new AlreadyConfirmed();
      await expansion.queueBatch(trx, (await store.findBroadcast(trx, id))!, first, now);
      const details = {
        audience: code,
        category,
        recipients,
        sendAt: sendAt.toISOString(),
        scheduled: input.sendAt !== null,
        text: draft.text,
        photo: draft.photo,
      };
      await recordAudit(
        trx,
        { actorId: input.actorId, action: 'notices.broadcast.create', subject: `broadcast:${id}`, details },
        now,
      );
      await runDone(trx, done, { id });
      return (await store.findBroadcast(trx, id))!;
    });
  }

  /**
   * Stops what has not gone out yet. A broadcast whose time has not come is cancelled outright; a running one keeps
   * the messages in flight and gets its final report from the progress job.
   */
  async function stopBroadcast(id: number, actorId: number): Promise<{ kind: 'cancelled' | 'stopped'; rows: number }> {
    const now = clock.now();
    const stopped = await db.transaction().execute(async (trx) => {
      const b = await store.findBroadcast(trx, id);
      if (!b) throw new BroadcastNotFound();
      if (b.state !== 'active' || b.stoppedAt !== null) throw new NotRunning();
      const cancelled = await outbox.stopBroadcastRows(id, now, trx);
      // Recipients whose row was never made (it was still expanding) will never get one: they count as not sent.
      const made = rowTotal((await store.findBroadcast(trx, id))!.rows);
      const neverMade = b.expandedAt === null ? Math.max(0, b.recipients - made) : 0;
      if (neverMade > 0) await store.addNeverQueued(trx, id, neverMade);
      const rows = cancelled + neverMade;
      const at = now.toISOString();
      const scheduled = Date.parse(b.sendAt) > now.getTime();
      const expandedAt = b.expandedAt ?? at;
      if (scheduled) {
        await store.updateBroadcast(trx, id, {
          state: 'cancelled',
          stoppedBy: actorId,
          stoppedAt: at,
          finishedAt: at,
          expandedAt,
          sent: 0,
          failed: 0,
          unreachable: 0,
          skipped: rows,
        });
      } else {
        await store.updateBroadcast(trx, id, { stoppedBy: actorId, stoppedAt: at, expandedAt });
      }
      const action = scheduled ? 'notices.broadcast.cancel' : 'notices.broadcast.stop';
      await recordAudit(trx, { actorId, action, subject: `broadcast:${id}`, details: { notSent: rows } }, now);
      return { kind: scheduled ? ('cancelled' as const) : ('stopped' as const), rows };
    });
    // Rows the sender claimed but has not started would otherwise still go out after "stop".
    telegram.forgetBroadcast(id);
    return stopped;
  }

  /** What the stop button asks about: null if there is no such broadcast; NotRunning if it is over. */
  async function stopRequest(id: number) {
    const now = clock.now();
    const b = await store.findBroadcast(db, id);
    if (!b) return null;
    if (!isStoppable(b, now)) throw new NotRunning();
    return { broadcast: b, scheduled: statusOf(b, now) === 'scheduled', left: leftOf(countsNow(b)) };
  }

  /**
   * When nothing of a running broadcast is left, records its final counts, audits them and queues the final report
   * to the sender. Returns the counts, or null while rows are still queued or if another run finished it first.
   */
  async function finishBroadcast(b: store.Broadcast, now = clock.now()): Promise<DeliveryCounts | null> {
    const audience = await audiences.describe(b.audience);
    return db.transaction().execute(async (trx) => {
      const fresh = await store.findBroadcast(trx, b.id);
      if (!fresh || fresh.expandedAt === null) return null;
      const c = countsNow(fresh);
      if (leftOf(c) > 0) return null;
      const finalCounts = { sent: c.sent, failed: c.failed, unreachable: c.unreachable, skipped: c.skipped };
      if (!(await store.finishIfActive(trx, b.id, { finishedAt: now.toISOString(), ...finalCounts }))) return null;
      const counts = {
        recipients: fresh.recipients,
        sent: c.sent,
        failed: c.failed,
        unreachable: c.unreachable,
        stopped: c.skipped,
      };
      await recordAudit(
        trx,
        {
          actorId: null,
          action: 'notices.broadcast.finish',
          subject: `broadcast:${b.id}`,
          details: { ...counts, by: b.createdBy, stoppedBy: b.stoppedBy },
        },
        now,
      );
      const key = b.stoppedBy === null ? 'notices.report.final' : 'notices.report.finalStopped';
      await outbox.enqueue(
        trx,
        [
          {
            dedupeKey: `notice:report:${b.id}`,
            chatId: b.createdBy,
            userId: b.createdBy,
            category: 'staff',
            content: { key, params: { id: b.id, audience, ...counts } },
          },
        ],
        now,
      );
      return c;
    });
  }

  function countsOf(b: store.Broadcast): BroadcastSummary['counts'] {
    if (b.state !== 'active') {
      const { sent, failed, unreachable, skipped } = b;
      return { sent: sent ?? 0, failed: failed ?? 0, unreachable: unreachable ?? 0, stopped: skipped ?? 0, left: 0 };
    }
    const c = countsNow(b);
    return { sent: c.sent, failed: c.failed, unreachable: c.unreachable, stopped: c.skipped, left: leftOf(c) };
  }

  /** Past and present broadcasts, newest first, with their counts (live while they run). */
  async function list(page: number, size: number = noticesPolicy.listPageSize) {
    const total = await store.countBroadcasts(db);
    const pages = Math.max(1, Math.ceil(total / size));
    const p = Math.min(Math.max(0, page), pages - 1);
    const items: BroadcastSummary[] = [];
    for (const b of await store.pageOfBroadcasts(db, p * size, size)) items.push({ broadcast: b, counts: countsOf(b) });
    return { items, pages, page: p, total };
  }

  /** One broadcast with its counts, as the list shows it; undefined for an id that is no broadcast. */
  async function summary(id: number): Promise<BroadcastSummary | undefined> {
    const b = await store.findBroadcast(db, id);
    return b && { broadcast: b, counts: countsOf(b) };
  }

  /** Where a broadcast stands now, from the counters on its row. */
  async function progress(id: number): Promise<DeliveryCounts> {
    const b = await store.findBroadcast(db, id);
    if (!b) throw new BroadcastNotFound();
    return countsNow(b);
  }

  return { createBroadcast, stopBroadcast, stopRequest, finishBroadcast, list, summary, progress };
}
