import type SQLite from 'better-sqlite3';
import { OnDemandThread } from '../core/on-demand-thread';
import type { ReadQueries } from './reads';

/** The nightly maintenance asks a few questions in a row; a minute without one ends the thread until the next night. */
const IDLE_MS = 60_000;

/**
 * Runs read-only SQL off the event loop. better-sqlite3 is synchronous: a query that takes a second freezes every
 * other reply for that second. A file database gets a worker thread with its own read connection (WAL lets it read
 * while the bot writes), started when asked and ended when idle; ':memory:' (tests) has no second connection, so it
 * runs in place.
 */
export class ReadOffload implements ReadQueries {
  private readonly thread: OnDemandThread<{ rows: unknown[] }>;

  constructor(
    private readonly path: string,
    private readonly inPlace: SQLite.Database,
  ) {
    this.thread = new OnDemandThread(new URL('./read-worker.mjs', import.meta.url), {
      idleMs: IDLE_MS,
      workerData: { path },
      failure: (message) => new Error(message),
    });
  }

  async query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.path === ':memory:') return this.inPlace.prepare(sql).all(...params) as T[];
    return (await this.thread.ask({ sql, params })).rows as T[];
  }

  close(): Promise<void> {
    return this.thread.stop();
  }
}
