import type SQLite from 'better-sqlite3';
import { OnDemandThread } from '../core/on-demand-thread';
import type { ReadQueries } from './reads';

/** The nightly maintenance asks a few questions in a row; a minute without one ends the thread until the next night. */
const IDLE_MS = 60_000;

/**
 * Read threads at most. The community report asks its areas at once: a year's petitions (10 ms of SQL) and the
 * market's three counts (7 ms) answered one after the other on one thread; on two they overlap, as the machine's
 * two cores allow. A second thread starts only when a question arrives while the first is busy.
 */
const THREADS = 2;

/**
 * Runs read-only SQL off the event loop. better-sqlite3 is synchronous: a query that takes a second freezes every
 * other reply for that second. A file database gets worker threads, each with its own read connection (WAL lets them
 * read while the bot writes), started when asked and ended when idle; ':memory:' (tests) has no second connection,
 * so it runs in place.
 */
export class ReadOffload implements ReadQueries {
  private readonly threads: { thread: OnDemandThread<{ rows: unknown[] }>; asked: number }[];

  constructor(
    private readonly path: string,
    private readonly inPlace: SQLite.Database,
  ) {
    this.threads = Array.from({ length: THREADS }, () => ({
      thread: new OnDemandThread<{ rows: unknown[] }>(new URL('./read-worker.mjs', import.meta.url), {
        idleMs: IDLE_MS,
        workerData: { path },
        failure: (message) => new Error(message),
      }),
      asked: 0,
    }));
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.path === ':memory:') return this.inPlace.prepare(sql).all(...params) as T[];
    // The thread with the fewest questions owed; the first on a tie, so one at a time never starts the second.
    const least = this.threads.reduce((a, b) => (b.asked < a.asked ? b : a));
    least.asked++;
    try {
      return (await least.thread.ask({ sql, params })).rows as T[];
    } finally {
      least.asked--;
    }
  }

  /** How many read threads are up now (tests). */
  get running(): number {
    return this.threads.filter((t) => t.thread.running).length;
  }

  async close(): Promise<void> {
    await Promise.all(this.threads.map((t) => t.thread.stop()));
  }
}
