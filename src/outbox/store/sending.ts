// Queueing, claiming and settling deliveries: what the worker and every enqueue do.
import { sql } from 'kysely';
import { isPostgres } from '../../db/postgres';
import type { DbOrTx } from '../../db/schema';
import type { ClaimedRow, NewDelivery } from './types';

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
  const claimed = await sql<ClaimedDbRow>`
    update deliveries set state = 'sending', attempts = attempts + 1, updated_at = ${now}
    where id in (select id from deliveries where state = 'queued' and next_attempt_at <= ${now}
      order by next_attempt_at, id limit ${limit}${skipLocked(db)})
    returning id, chat_id, user_id, content, content_id, attempts, broadcast_id, created_at`.execute(db);
  return withRecipients(db, claimed.rows);
}

/** A claimed row as the database returns it; `send_at` is its shared send slot (PostgreSQL, several instances). */
export interface ClaimedDbRow {
  id: number;
  chat_id: number;
  user_id: number | null;
  content: string | null;
  content_id: number | null;
  attempts: number;
  broadcast_id: number | null;
  created_at: string;
  send_at?: number;
}

/** Claimed rows with their content and what the renderer needs to know of each recipient, in queue order. */
export async function withRecipients(db: DbOrTx, rows: ClaimedDbRow[]): Promise<ClaimedRow[]> {
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
    .sort((a, b) => (a.send_at ?? 0) - (b.send_at ?? 0) || a.id - b.id)
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
        sendAt: r.send_at ?? null,
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
