import { performance } from 'node:perf_hooks';
import type { Clock } from '../../core/clock';
import type { Logger } from '../../logger';
import type { Outbox, Outcome } from '../../outbox/service';

/**
 * What became of each row sent, waiting to be written: many outcomes share one transaction, and none is lost when
 * the write fails (they are written with the next).
 */
export class OutcomeLog {
  private outcomes: Outcome[] = [];
  private flushing: Promise<void> = Promise.resolve();
  private lastFlush = 0;

  constructor(private readonly deps: { outbox: Outbox; clock: Clock; log: Logger }) {}

  push(o: Outcome): void {
    this.outcomes.push(o);
  }

  /** Whether the last write is older than `everyMs`. */
  due(everyMs: number): boolean {
    return performance.now() - this.lastFlush > everyMs;
  }

  /** Writes outcomes in one transaction; `force` waits for any flush already running. */
  async flush(force: boolean): Promise<void> {
    if (!force && this.outcomes.length === 0) return;
    await this.flushing;
    this.lastFlush = performance.now();
    const batch = this.outcomes;
    if (batch.length === 0) return;
    this.outcomes = [];
    this.flushing = this.deps.outbox.recordOutcomes(batch, this.deps.clock.now()).catch((err) => {
      this.deps.log.error({ err, rows: batch.length }, 'could not record delivery outcomes; will retry');
      this.outcomes.unshift(...batch);
    });
    await this.flushing;
  }
}
