import type { DbOrTx } from '../../../db/schema';
import type { OutMessage } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import { parseAudience } from '../audience';
import { contentOf } from '../draft';
import { noticesPolicy } from '../policy';
import { rowTotal } from '../status';
import * as store from '../store';
import type { Audiences } from './audiences';

const yieldToOthers = () => new Promise((r) => setImmediate(r));

/**
 * A broadcast's recipients become outbox rows a batch at a time (issue 20): the confirmation writes the broadcast,
 * its audience and the first batch; the rest follows in short transactions with the event loop free in between, so
 * 48,000 recipients never hold the database for a second. Each batch moves the broadcast's cursor (the last user id
 * done) in the same transaction as its rows, and each row's dedupe key is the broadcast and the user: every
 * recipient once, whatever crashes or races. A stop ends the expansion in its own transaction, so no row is made
 * after it.
 */
export function createExpansion(
  { db, clock, outbox }: Pick<Platform, 'db' | 'clock' | 'outbox'>,
  audiences: Audiences,
  batchSize: number = noticesPolicy.expandBatch,
) {
  /** Queues `ids` (the next batch after the cursor) in the caller's transaction and moves the cursor past them. */
  async function queueBatch(trx: DbOrTx, b: store.Broadcast, ids: readonly number[], now: Date): Promise<void> {
    const content = contentOf(b);
    const notBefore = new Date(b.sendAt);
    for (let i = 0; i < ids.length; i += noticesPolicy.enqueueChunk) {
      const msgs = ids.slice(i, i + noticesPolicy.enqueueChunk).map(
        (u): OutMessage => ({
          dedupeKey: `notice:${b.id}:${u}`,
          chatId: u,
          userId: u,
          category: b.category,
          content,
          notBefore,
          broadcastId: b.id,
        }),
      );
      await outbox.enqueue(trx, msgs, now);
    }
    const expandAfter = ids.at(-1) ?? b.expandAfter;
    if (ids.length < batchSize) {
      // Everyone has a row: the recipients are now exactly the rows made (the audience may have changed a little
      // between the preview and the last batch), so the final report adds up.
      const rows = rowTotal((await store.findBroadcast(trx, b.id))!.rows);
      await store.updateBroadcast(trx, b.id, { expandAfter, expandedAt: now.toISOString(), recipients: rows });
    } else await store.updateBroadcast(trx, b.id, { expandAfter });
  }

  /** The next batch of a broadcast's recipients, read before any transaction (other areas answer for theirs). */
  async function nextBatch(
    b: Pick<store.Broadcast, 'audience' | 'expandAfter' | 'expandUpto'>,
    now: Date,
  ): Promise<number[]> {
    const audience = parseAudience(b.audience);
    if (!audience || b.expandUpto === null) return [];
    const range = { after: b.expandAfter, upto: b.expandUpto, limit: batchSize };
    // A place removed since the confirmation has nobody left to expand to.
    return audiences.batchOf(audience, range, now).catch(() => []);
  }

  /** One batch of one broadcast; the broadcast as it is afterwards, or null when it needs no more. */
  async function step(b: store.Broadcast, now: Date): Promise<store.Broadcast | null> {
    const ids = await nextBatch(b, now);
    return db.transaction().execute(async (trx) => {
      const fresh = await store.findBroadcast(trx, b.id);
      // Stopped, finished or moved on by someone else since the batch was read: nothing to do with it.
      if (!fresh || fresh.expandedAt !== null || fresh.expandAfter !== b.expandAfter) return null;
      await queueBatch(trx, fresh, ids, now);
      const after = (await store.findBroadcast(trx, b.id))!;
      return after.expandedAt === null ? after : null;
    });
  }

  return {
    batchSize,
    nextBatch,
    queueBatch,
    /**
     * The job: every broadcast still expanding gets its remaining batches, one transaction each, replies and other
     * work running in between. Work is proportional to the rows still to be made; with none, one indexed read.
     */
    async expandPending(now = clock.now()): Promise<number> {
      let batches = 0;
      for (const b of await store.expandingBroadcasts(db)) {
        let cur: store.Broadcast | null = b;
        while (cur) {
          cur = await step(cur, now);
          batches++;
          await yieldToOthers();
        }
      }
      return batches;
    },
  };
}

export type Expansion = ReturnType<typeof createExpansion>;
