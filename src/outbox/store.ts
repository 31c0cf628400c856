import { sql } from 'kysely';
import { isPostgres } from '../db/postgres';
import type { DbOrTx } from '../db/schema';
import type { Category, OutContent } from './content';

export type DeliveryState = 'queued' | 'sending' | 'sent' | 'failed' | 'skipped';

/** An outbox row with its content, for reports and tests. */
export interface Delivery {
  id: number;
  dedupeKey: string;
  chatId: number;
  userId: number | null;
  category: Category;
  content: OutContent;
  state: DeliveryState;
  reason: string | null;
  attempts: number;
  nextAttemptAt: string;
  tgMessageId: number | null;
  broadcastId: number | null;
  createdAt: string;
}

/** An outbox row taken for sending, with what the renderer needs to know of its recipient. */
export interface ClaimedRow {
  id: number;
  chatId: number;
  userId: number | null;
  /** JSON of an OutContent. */
  content: string;
  attempts: number;
  broadcastId: number | null;
  /** When it was queued: a transient failure is retried until the retry window after this has passed. */
  createdAt: string;
  language: string | null;
  tgLanguage: string | null;
  /** null for a chat that is not a known user (a staff group). */
  reachable: boolean | null;
}

export type NewDelivery = {
  dedupe_key: string;
  chat_id: number;
  user_id: number | null;
  category: string;
  content: string | null;
  content_id: number | null;
  next_attempt_at: string;
  broadcast_id: number | null;
  created_at: string;
  updated_at: string;
};

export async function insertSharedContent(db: DbOrTx, content: string): Promise<number> {
  const r = await db.insertInto('delivery_contents').values({ content }).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const sharedContent = async (db: DbOrTx, id: number) =>
  (await db.selectFrom('delivery_contents').select('content').where('id', '=', id).executeTakeFirst())?.content;

/** Inserts rows, ignoring any whose dedupe key is already queued or sent; returns how many were new. */
export async function insertDeliveries(db: DbOrTx, rows: NewDelivery[]): Promise<number> {
  let n = 0;
  // SQLite limits bound parameters per statement; 10 columns × 500 rows stays well under it.
  for (let i = 0; i < rows.length; i += 500) {
    const r = await db
      .insertInto('deliveries')
      .values(rows.slice(i, i + 500))
      .onConflict((oc) => oc.column('dedupe_key').doNothing())
      .executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0n);
  }
  return n;
}

/**
 * PostgreSQL with several instances: rows another instance is claiming right now are passed over, not waited for
 * (and never claimed twice). SQLite has one writer and no row locks.
 */
const skipLocked = (db: DbOrTx) => (isPostgres(db) ? sql` for update skip locked` : sql``);

/** Moves up to `limit` due rows to `sending` in one statement and returns them with the recipient's language. */
export async function claimDue(db: DbOrTx, now: string, limit: number): Promise<ClaimedRow[]> {
  const claimed = await sql<{
    id: number;
    chat_id: number;
    user_id: number | null;
    content: string | null;
    content_id: number | null;
    attempts: number;
    broadcast_id: number | null;
    created_at: string;
  }>`
    update deliveries set state = 'sending', attempts = attempts + 1, updated_at = ${now}
    where id in (select id from deliveries where state = 'queued' and next_attempt_at <= ${now}
      order by next_attempt_at, id limit ${limit}${skipLocked(db)})
    returning id, chat_id, user_id, content, content_id, attempts, broadcast_id, created_at`.execute(db);
  const rows = claimed.rows;
  if (rows.length === 0) return [];
  const sharedIds = [...new Set(rows.map((r) => r.content_id).filter((x): x is number => x !== null))];
  const shared = new Map(
    sharedIds.length
      ? (await db.selectFrom('delivery_contents').select(['id', 'content']).where('id', 'in', sharedIds).execute()).map(
          (c) => [c.id, c.content],
        )
      : [],
  );
  const ids = [...new Set(rows.map((r) => r.user_id).filter((x): x is number => x !== null))];
  const users = ids.length
    ? await db
        .selectFrom('users')
        .select(['id', 'language', 'tg_language', 'reachable'])
        .where('id', 'in', ids)
        .execute()
    : [];
  const byId = new Map(users.map((u) => [u.id, u]));
  return rows
    .sort((a, b) => a.id - b.id)
    .map((r) => {
      const u = r.user_id === null ? undefined : byId.get(r.user_id);
      return {
        id: r.id,
        chatId: r.chat_id,
        userId: r.user_id,
        content: r.content ?? shared.get(r.content_id!) ?? '{}',
        attempts: r.attempts,
        broadcastId: r.broadcast_id,
        createdAt: r.created_at,
        language: u?.language ?? null,
        tgLanguage: u?.tg_language ?? null,
        reachable: u ? u.reachable === 1 : null,
      };
    });
}

export async function markSent(db: DbOrTx, done: { id: number; messageId: number }[], now: string): Promise<void> {
  for (let i = 0; i < done.length; i += 400) {
    const chunk = done.slice(i, i + 400);
    // typed values: PostgreSQL would read untyped parameters in VALUES as text
    const values = sql.join(chunk.map((d) => sql`(cast(${d.id} as bigint), cast(${d.messageId} as bigint))`));
    await sql`update deliveries set state = 'sent', tg_message_id = v.mid, reason = null, updated_at = ${now}
      from (select column1 as id, column2 as mid from (values ${values}) as t) as v where deliveries.id = v.id`.execute(
      db,
    );
  }
}

export async function markFinal(
  db: DbOrTx,
  ids: number[],
  state: 'failed' | 'skipped',
  reason: string,
  now: string,
): Promise<void> {
  for (let i = 0; i < ids.length; i += 500) {
    await db
      .updateTable('deliveries')
      .set({ state, reason, updated_at: now })
      .where('id', 'in', ids.slice(i, i + 500))
      .execute();
  }
}

export async function requeue(
  db: DbOrTx,
  id: number,
  nextAt: string,
  reason: string | null,
  now: string,
  refundAttempt: boolean,
): Promise<void> {
  await db
    .updateTable('deliveries')
    .set((eb) => ({
      state: 'queued',
      next_attempt_at: nextAt,
      reason,
      updated_at: now,
      attempts: refundAttempt ? eb('attempts', '-', 1) : eb.ref('attempts'),
    }))
    .where('id', '=', id)
    // a row stopped (skipped) while its send was in flight must not come back to the queue
    .where('state', '=', 'sending')
    .execute();
}

/** Everything still queued for a user who blocked the bot is skipped at once. */
export const skipQueuedForUser = (db: DbOrTx, userId: number, reason: string, now: string) =>
  db
    .updateTable('deliveries')
    .set({ state: 'skipped', reason, updated_at: now })
    .where('user_id', '=', userId)
    .where('state', '=', 'queued')
    .execute();

/** Start-up: rows left `sending` by a crash go back to the queue (at-least-once for the few in flight). */
export async function resetSending(db: DbOrTx, now: string): Promise<number> {
  const r = await db
    .updateTable('deliveries')
    .set({ state: 'queued', next_attempt_at: now, updated_at: now })
    .where('state', '=', 'sending')
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

export const cancelQueuedOfBroadcast = async (db: DbOrTx, broadcastId: number, now: string) =>
  Number(
    (
      await db
        .updateTable('deliveries')
        .set({ state: 'skipped', reason: 'stopped', updated_at: now })
        .where('broadcast_id', '=', broadcastId)
        .where('state', 'in', ['queued'])
        .executeTakeFirst()
    ).numUpdatedRows,
  );

export async function countsByState(db: DbOrTx, broadcastId?: number) {
  let q = db
    .selectFrom('deliveries')
    .select(['state', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['state', 'reason']);
  if (broadcastId !== undefined) q = q.where('broadcast_id', '=', broadcastId);
  return q.execute();
}

/** Whether anything is still queued or in flight (an index lookup, cheap to ask often). */
export const hasPending = async (db: DbOrTx) =>
  (await db
    .selectFrom('deliveries')
    .select('id')
    .where('state', 'in', ['queued', 'sending'])
    .limit(1)
    .executeTakeFirst()) !== undefined;

export const nextDueAt = async (db: DbOrTx) =>
  (
    await db
      .selectFrom('deliveries')
      .select((eb) => eb.fn.min('next_attempt_at').as('at'))
      .where('state', '=', 'queued')
      .executeTakeFirst()
  )?.at ?? null;

/** Deliveries as the outbox sees them, content resolved (shared content read once per id). */
export async function listDeliveries(
  db: DbOrTx,
  f: { dedupeKey?: string; dedupePrefix?: string; chatId?: number; broadcastId?: number },
): Promise<Delivery[]> {
  let q = db.selectFrom('deliveries').selectAll().orderBy('id');
  if (f.dedupeKey !== undefined) q = q.where('dedupe_key', '=', f.dedupeKey);
  if (f.dedupePrefix !== undefined) q = q.where('dedupe_key', 'like', `${f.dedupePrefix.replace(/[%_]/g, '')}%`);
  if (f.chatId !== undefined) q = q.where('chat_id', '=', f.chatId);
  if (f.broadcastId !== undefined) q = q.where('broadcast_id', '=', f.broadcastId);
  const rows = await q.execute();
  const sharedIds = [...new Set(rows.map((r) => r.content_id).filter((x): x is number => x !== null))];
  const shared = new Map(
    sharedIds.length
      ? (await db.selectFrom('delivery_contents').select(['id', 'content']).where('id', 'in', sharedIds).execute()).map(
          (c) => [c.id, c.content],
        )
      : [],
  );
  return rows.map((r) => ({
    id: r.id,
    dedupeKey: r.dedupe_key,
    chatId: r.chat_id,
    userId: r.user_id,
    category: r.category as Category,
    content: JSON.parse(r.content ?? shared.get(r.content_id!) ?? '{}') as OutContent,
    state: r.state as DeliveryState,
    reason: r.reason,
    attempts: r.attempts,
    nextAttemptAt: r.next_attempt_at,
    tgMessageId: r.tg_message_id,
    broadcastId: r.broadcast_id,
    createdAt: r.created_at,
  }));
}

/** Messages still queued after failed tries, queued before `before`: what Telegram has not taken for a long time. */
export async function stuckSince(db: DbOrTx, before: string) {
  const rows = await db
    .selectFrom('deliveries')
    .select(['broadcast_id', 'reason', (eb) => eb.fn.countAll<number>().as('n')])
    .where('state', '=', 'queued')
    .where('reason', 'is not', null)
    .where('created_at', '<=', before)
    .groupBy(['broadcast_id', 'reason'])
    .execute();
  return rows.map((r) => ({ broadcastId: r.broadcast_id, reason: r.reason!, count: Number(r.n) }));
}

/** Which of these dedupe keys are already in the outbox (queued or sent at any time still kept). */
export async function existingKeys(db: DbOrTx, keys: readonly string[]): Promise<Set<string>> {
  const found = new Set<string>();
  for (let i = 0; i < keys.length; i += 500) {
    const chunk = keys.slice(i, i + 500);
    const rows = await db.selectFrom('deliveries').select('dedupe_key').where('dedupe_key', 'in', chunk).execute();
    for (const r of rows) found.add(r.dedupe_key);
  }
  return found;
}

/**
 * The last row queued before `before`. Ids grow with time, so a binary search over the rowid finds it in ~20 index
 * lookups, without an index on created_at (which every insert of a 100,000-recipient broadcast would have to keep).
 */
export async function lastIdBefore(db: DbOrTx, before: string): Promise<number> {
  const at = async (id: number) =>
    (await db
      .selectFrom('deliveries')
      .select(['id', 'created_at'])
      .where('id', '>=', id)
      .orderBy('id')
      .limit(1)
      .executeTakeFirst()) ?? null;
  const last = await db.selectFrom('deliveries').select('id').orderBy('id', 'desc').limit(1).executeTakeFirst();
  let lo = 0;
  let hi = last?.id ?? 0;
  while (lo < hi) {
    const mid = Math.floor((lo + hi + 1) / 2);
    const row = await at(mid);
    if (row && row.created_at < before) lo = row.id;
    else hi = mid - 1;
  }
  return lo;
}

/**
 * Deletes up to `limit` finished rows (sent, failed, skipped) with an id in (after, upto], oldest first, then the
 * shared contents no remaining row uses. Returns the ids range walked and how many rows went. The range keeps each
 * batch's scan short: through the state index the planner visited and sorted every finished row, and a plain table
 * scan read all 645,000 rows to find that nothing was left (bench -- scale).
 */
export async function pruneFinished(db: DbOrTx, after: number, upto: number, limit: number) {
  const ids = (
    await db
      .selectFrom('deliveries')
      .select('id')
      .where('id', '>', after)
      .where('id', '<=', upto)
      .orderBy('id')
      .limit(limit)
      .execute()
  ).map((r) => r.id);
  if (ids.length === 0) return { last: upto, deleted: 0 };
  const gone = await db
    .deleteFrom('deliveries')
    .where('id', 'in', ids)
    .where('state', 'in', ['sent', 'failed', 'skipped'])
    .returning('content_id')
    .execute();
  const contents = [...new Set(gone.map((r) => r.content_id).filter((x): x is number => x !== null))];
  if (contents.length) {
    await sql`delete from delivery_contents where id in (${sql.join(contents)})
      and not exists (select 1 from deliveries d where d.content_id = delivery_contents.id)`.execute(db);
  }
  return { last: ids.at(-1)!, deleted: gone.length };
}

/** The Telegram message an earlier delivery became, if it went out; and whether it is still waiting to. */
export async function targetOf(db: DbOrTx, dedupeKey: string) {
  const r = await db
    .selectFrom('deliveries')
    .select(['id', 'state', 'tg_message_id'])
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirst();
  return r && { id: r.id, state: r.state, messageId: r.tg_message_id };
}
