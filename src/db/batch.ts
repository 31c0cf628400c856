import type { Db, DbOrTx } from './schema';
import { currentUpdate, recordUpdate } from './update-scope';

type Work = { run: (trx: DbOrTx) => Promise<void>; resolve: () => void; reject: (e: unknown) => void };

/**
 * Group commit for the small writes every update makes (a flow's next step, a question logged, a user's profile
 * refreshed): each caller waits until its write is committed — durable under synchronous=FULL before the reply goes
 * out — but writes arriving together share one transaction and one fsync. One fsync per update capped the bot at
 * the disk's fsync rate (bench -- updates: a flow step at 0.11× a bare grammY bot).
 */
export class WriteBatcher {
  private queue: Work[] = [];
  private scheduled = false;

  constructor(
    private readonly db: Db,
    private readonly opts: { gatherMs: number; max: number } = { gatherMs: 1, max: 500 },
  ) {}

  /** Runs `work` in a shared transaction; resolves once that transaction has committed. */
  run(work: (trx: DbOrTx) => Promise<void>): Promise<void> {
    // An update's write records, in its transaction, that the update's effect is in (webhooks: src/db/update-scope.ts).
    const claim = currentUpdate();
    const run = claim ? (trx: DbOrTx) => recordUpdate(trx, claim).then(() => work(trx)) : work;
    return new Promise<void>((resolve, reject) => {
      this.queue.push({ run, resolve, reject });
      if (this.queue.length >= this.opts.max) void this.flush();
      else if (!this.scheduled) {
        this.scheduled = true;
        setTimeout(() => void this.flush(), this.opts.gatherMs);
      }
    });
  }

  private async flush(): Promise<void> {
    this.scheduled = false;
    const batch = this.queue;
    this.queue = [];
    if (batch.length === 0) return;
    try {
      await this.db.transaction().execute(async (trx) => {
        for (const w of batch) await w.run(trx);
      });
      for (const w of batch) w.resolve();
    } catch {
      // One write failed (or the disk did): run each alone, so only the ones that fail are refused.
      for (const w of batch) {
        try {
          await this.db.transaction().execute((trx) => w.run(trx));
          w.resolve();
        } catch (e) {
          w.reject(e);
        }
      }
    }
  }
}
