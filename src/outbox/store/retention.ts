// Pruning delivered rows past the retention window, in small batches.
import { sql } from 'kysely';
import type { DbOrTx } from '../../db/schema';

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
    // "Not in" the live states rather than "in" the finished ones: SQLite uses no index for NOT IN, so it looks the
    // ids up by rowid. With "in", sampled statistics (analysis_limit) led it through deliveries_due, visiting every
    // finished row per batch: 85 ms a batch and a 407 ms stall on the scale database.
    .where('state', 'not in', ['queued', 'sending'])
    .returning('content_id')
    .execute();
  const contents = [...new Set(gone.map((r) => r.content_id).filter((x): x is number => x !== null))];
  if (contents.length) {
    await sql`delete from delivery_contents where id in (${sql.join(contents)})
      and not exists (select 1 from deliveries d where d.content_id = delivery_contents.id)`.execute(db);
  }
  return { last: ids.at(-1)!, deleted: gone.length };
}
