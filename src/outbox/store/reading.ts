// What the outbox is asked about its rows: progress, what is pending or stuck, where a card went.
import type { DbOrTx } from '../../db/schema';
import type { Category, OutContent } from '../content';
import type { Delivery, DeliveryState } from './types';

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

/** The Telegram message an earlier delivery became, if it went out; and whether it is still waiting to. */
export async function targetOf(db: DbOrTx, dedupeKey: string) {
  const r = await db
    .selectFrom('deliveries')
    .select(['id', 'state', 'tg_message_id'])
    .where('dedupe_key', '=', dedupeKey)
    .executeTakeFirst();
  return r && { id: r.id, state: r.state, messageId: r.tg_message_id };
}
