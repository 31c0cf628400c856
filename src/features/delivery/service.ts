// TRANSITION SHIM (issue 12): areas not yet moved to the outbox service import these. Removed when the last one moves.
import type { DbOrTx } from '../../db/schema';
import type { OutContent } from '../../outbox/content';
import { createOutbox, deliveryCounts, insertMessages, type Outcome } from '../../outbox/service';
import * as store from '../../outbox/store';

export type { Category, Entity, OutButton, OutContent, OutMessage, Param, Params } from '../../outbox/content';
export type { DeliveryCounts } from '../../outbox/service';

export const enqueue = insertMessages;

export const stopBroadcastRows = async (db: DbOrTx, broadcastId: number, now: Date) =>
  Number(
    (
      await db
        .updateTable('deliveries')
        .set({ state: 'skipped', reason: 'stopped', updated_at: now.toISOString() })
        .where('broadcast_id', '=', broadcastId)
        .where('state', 'in', ['queued'])
        .executeTakeFirst()
    ).numUpdatedRows,
  );
export { deliveryCounts };

export const findDelivery = (db: DbOrTx, dedupeKey: string) =>
  db.selectFrom('deliveries').selectAll().where('dedupe_key', '=', dedupeKey).executeTakeFirst();

export async function contentOf(
  db: DbOrTx,
  row: { content: string | null; content_id: number | null },
): Promise<OutContent> {
  const shared =
    row.content_id === null
      ? undefined
      : (await db.selectFrom('delivery_contents').select('content').where('id', '=', row.content_id).executeTakeFirst())
          ?.content;
  return JSON.parse(row.content ?? shared ?? '{}') as OutContent;
}

/** Old snake_case shape of a claimed row, for tests of areas not yet moved. */
export const claimDue = async (db: DbOrTx, now: Date, limit: number) =>
  (await store.claimDue(db, now.toISOString(), limit)).map((r) => ({ ...r, user_id: r.userId, chat_id: r.chatId }));

export const recordOutcomes = (db: DbOrTx, outcomes: Outcome[], now: Date) =>
  createOutbox(db as never, { markUnreachable: async () => {} }).recordOutcomes(outcomes, now);
