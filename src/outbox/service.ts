import { isPostgres } from '../db/postgres';
import type { Db, DbOrTx } from '../db/schema';
import type { OutMessage } from './content';
import * as store from './store';

export type { Category, Entity, OutButton, OutContent, OutMessage, Param, Params } from './content';
export type { ClaimedRow, Delivery, DeliveryState } from './store';

/** Content longer than this (JSON characters) that several recipients share is stored once. */
const SHARE_CONTENT_OVER = 200;

/**
 * How long 5xx and network failures are retried before a row is given up (config DELIVERY_RETRY_HOURS): an outage
 * of Telegram, or of the network to it, lasts minutes to hours; a message given up after a few tries is lost.
 */
export const DEFAULT_RETRY_HOURS = 24;

/** What the outbox needs to tell the rest of the system; a port, so the outbox depends on no area. */
export interface OutboxPort {
  /** Telegram said 403: the user blocked the bot. Runs in the transaction that records the outcome. */
  markUnreachable(trx: DbOrTx, userId: number): Promise<void>;
}

export type Outcome =
  | { kind: 'sent'; id: number; messageId: number }
  | { kind: 'rate-limited'; id: number; retryAfterSec: number }
  | { kind: 'blocked'; id: number; userId: number | null }
  | { kind: 'chat-not-found'; id: number }
  | { kind: 'rejected'; id: number; description: string }
  | { kind: 'transient'; id: number; attempts: number; createdAt: string; description: string }
  | { kind: 'unreachable'; id: number }
  | { kind: 'not-started'; id: number }
  | { kind: 'stopped'; id: number };

export interface DeliveryCounts {
  queued: number;
  sending: number;
  sent: number;
  failed: number;
  unreachable: number;
  skipped: number;
}

/** Backoff for transient failures of one row: 2 s, 4 s, 8 s … capped at 5 minutes. */
export const backoffMs = (attempts: number) => Math.min(300_000, 1000 * 2 ** attempts);

/**
 * Inserts messages in the caller's transaction, so a message exists exactly when the change that caused it does.
 * Returns how many were new (a dedupe key already present is not queued again).
 */
export async function insertMessages(db: DbOrTx, all: OutMessage[], now: Date): Promise<number> {
  // Only messages not queued before: shared content must not be stored for a row the dedupe key then discards
  // (a job re-running every ten minutes would leave an orphan each time).
  const known = all.length
    ? await store.existingKeys(
        db,
        all.map((m) => m.dedupeKey),
      )
    : new Set<string>();
  const msgs = all.filter((m) => !known.has(m.dedupeKey));
  if (msgs.length === 0) return 0;
  const at = now.toISOString();
  const json = msgs.map((m) => JSON.stringify(m.content));
  // The same long content for many recipients (a broadcast) is stored once and referenced.
  const uses = new Map<string, number>();
  for (const j of json) if (j.length > SHARE_CONTENT_OVER) uses.set(j, (uses.get(j) ?? 0) + 1);
  const sharedId = new Map<string, number>();
  for (const [j, n] of uses) if (n > 1) sharedId.set(j, await store.insertSharedContent(db, j));
  return store.insertDeliveries(
    db,
    msgs.map((m, i) => ({
      dedupe_key: m.dedupeKey,
      chat_id: m.chatId,
      user_id: m.userId,
      category: m.category,
      content: sharedId.has(json[i]!) ? null : json[i]!,
      content_id: sharedId.get(json[i]!) ?? null,
      next_attempt_at: (m.notBefore ?? now).toISOString(),
      broadcast_id: m.broadcastId ?? null,
      created_at: at,
      updated_at: at,
    })),
  );
}

export async function deliveryCounts(db: DbOrTx, broadcastId?: number): Promise<DeliveryCounts> {
  const c: DeliveryCounts = { queued: 0, sending: 0, sent: 0, failed: 0, unreachable: 0, skipped: 0 };
  for (const r of await store.countsByState(db, broadcastId)) {
    const n = Number(r.n);
    if (r.state === 'skipped' && r.reason === 'unreachable') c.unreachable += n;
    else if (r.state in c) c[r.state as keyof DeliveryCounts] += n;
  }
  return c;
}

/** The delivery outbox: every message that is not a direct reply goes through here. */
export type Outbox = ReturnType<typeof createOutbox>;

export function createOutbox(db: Db, port: OutboxPort, opts: { retryHours?: number } = {}) {
  const retryMs = (opts.retryHours ?? DEFAULT_RETRY_HOURS) * 3_600_000;
  const shared = isPostgres(db);
  const listeners = new Set<() => void>();

  async function recordOutcomes(outcomes: Outcome[], now: Date): Promise<void> {
    const at = now.toISOString();
    await db.transaction().execute(async (trx) => {
      const sent = outcomes.flatMap((o) => (o.kind === 'sent' ? [{ id: o.id, messageId: o.messageId }] : []));
      if (sent.length) await store.markSent(trx, sent, at);
      const group = (kind: Outcome['kind']) => outcomes.filter((o) => o.kind === kind).map((o) => o.id);
      await store.markFinal(trx, group('chat-not-found'), 'failed', 'chat_not_found', at);
      await store.markFinal(trx, group('unreachable'), 'skipped', 'unreachable', at);
      await store.markFinal(trx, group('stopped'), 'skipped', 'stopped', at);
      for (const o of outcomes) {
        if (o.kind === 'rejected') await store.markFinal(trx, [o.id], 'failed', o.description.slice(0, 200), at);
        else if (o.kind === 'blocked') {
          await store.markFinal(trx, [o.id], 'skipped', 'unreachable', at);
          if (o.userId !== null) {
            await port.markUnreachable(trx, o.userId);
            await store.skipQueuedForUser(trx, o.userId, 'unreachable', at);
          }
        } else if (o.kind === 'rate-limited') {
          // A 429 is Telegram's pacing, not the message's fault: it does not use up an attempt.
          const next = new Date(now.getTime() + o.retryAfterSec * 1000).toISOString();
          await store.requeue(trx, o.id, next, 'rate_limited', at, true);
        } else if (o.kind === 'transient') {
          const reason = o.description.slice(0, 200);
          if (Date.parse(o.createdAt) + retryMs <= now.getTime())
            await store.markFinal(trx, [o.id], 'failed', `gave_up: ${reason}`, at);
          else {
            const next = new Date(now.getTime() + backoffMs(o.attempts)).toISOString();
            await store.requeue(trx, o.id, next, reason, at, false);
          }
        } else if (o.kind === 'not-started') {
          await store.requeue(trx, o.id, at, null, at, true);
        }
      }
    });
  }

  return {
    /**
     * Queues messages in the caller's transaction and wakes the sender. The wake cannot outrun the commit: the
     * sender's claim is a query on the same SQLite connection, which the transaction holds until it commits.
     */
    async enqueue(trx: DbOrTx, msgs: OutMessage[], now: Date): Promise<number> {
      const n = await insertMessages(trx, msgs, now);
      if (n > 0) for (const l of listeners) l();
      return n;
    },
    /** The sender subscribes here to hear of new rows at once rather than at its next poll. */
    onEnqueued(listener: () => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    recordOutcomes,
    /**
     * Due rows for the sender. On PostgreSQL every instance's sender shares one schedule of send slots and each
     * chat's next allowed send (`budget`); on SQLite the one process paces itself.
     */
    claimDue: (now: Date, limit: number, budget?: store.SharedBudget) =>
      shared && budget
        ? store.claimDueShared(db, now.toISOString(), limit, budget)
        : store.claimDue(db, now.toISOString(), limit),
    /**
     * Start-up: rows left `sending` by a crash go back to the queue (at-least-once for the few in flight). On
     * PostgreSQL only those of instances that are gone: the others are still sending theirs.
     */
    resetInFlight: (now: Date) =>
      shared ? store.requeueOrphans(db, now.toISOString()) : store.resetSending(db, now.toISOString()),
    /** PostgreSQL: rows of an instance that died since go back to the queue; SQLite has no other process. */
    requeueOrphans: async (now: Date) => (shared ? store.requeueOrphans(db, now.toISOString()) : 0),
    /** Telegram asked for a pause (429): on PostgreSQL every instance's sends wait until `untilMs` (epoch ms). */
    holdSends: async (untilMs: number) => (shared ? store.holdShared(db, untilMs) : undefined),
    nextDueAt: () => store.nextDueAt(db),
    hasPending: () => store.hasPending(db),
    counts: (broadcastId?: number, trx: DbOrTx = db) => deliveryCounts(trx, broadcastId),
    find: async (dedupeKey: string) => (await store.listDeliveries(db, { dedupeKey }))[0],
    list: (f: Parameters<typeof store.listDeliveries>[1]) => store.listDeliveries(db, f),
    /**
     * Removes finished rows older than `before` in batches of `batch`, yielding between them so replies are never
     * held up; returns how many went. 200 a batch: each commit fsyncs, and a 500-row batch took up to 47 ms on a
     * loaded machine, close to the 50 ms stall bar (bench -- scale).
     */
    async prune(before: Date, batch = 200): Promise<number> {
      const upto = await store.lastIdBefore(db, before.toISOString());
      let total = 0;
      for (let after = 0; after < upto; ) {
        const r = await store.pruneFinished(db, after, upto, batch);
        total += r.deleted;
        after = r.last;
        await new Promise((r) => setImmediate(r));
      }
      return total;
    },
    /**
     * Where an updated card goes: the message to edit, or null when the earlier one never went out — then it is
     * skipped if still queued (the update supersedes it) and the update is sent as a message of its own.
     */
    async editTarget(replaces: string, now: Date): Promise<number | null> {
      const t = await store.targetOf(db, replaces);
      if (t?.state === 'sent' && t.messageId) return t.messageId;
      if (t?.state === 'queued') await store.markFinal(db, [t.id], 'skipped', 'superseded', now.toISOString());
      return null;
    },
    stopBroadcastRows: (broadcastId: number, now: Date, trx: DbOrTx = db) =>
      store.cancelQueuedOfBroadcast(trx, broadcastId, now.toISOString()),
  };
}
