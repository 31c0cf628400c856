import { Worker } from 'node:worker_threads';
import type SQLite from 'better-sqlite3';
import type { ReadQueries } from './reads';

/**
 * Runs read-only SQL off the event loop. better-sqlite3 is synchronous: a query that takes a second freezes every
 * other reply for that second. A file database gets a worker thread with its own read connection (WAL lets it read
 * while the bot writes); ':memory:' (tests) has no second connection, so it runs in place.
 */
export class ReadOffload implements ReadQueries {
  private worker: Worker | undefined;
  private next = 1;
  private pending = new Map<number, { resolve: (rows: unknown[]) => void; reject: (e: Error) => void }>();

  constructor(
    private readonly path: string,
    private readonly inPlace: SQLite.Database,
  ) {}

  query<T>(sql: string, params: unknown[] = []): Promise<T[]> {
    if (this.path === ':memory:') return Promise.resolve(this.inPlace.prepare(sql).all(...params) as T[]);
    const w = this.start();
    const id = this.next++;
    return new Promise<T[]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (rows: unknown[]) => void, reject });
      w.ref();
      w.postMessage({ id, sql, params });
    });
  }

  async close(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    for (const p of this.pending.values()) p.reject(new Error('the database is closing'));
    this.pending.clear();
    if (w) await w.terminate();
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    const w = new Worker(new URL('./read-worker.mjs', import.meta.url), { workerData: { path: this.path } });
    w.on('message', (m: { id: number; rows?: unknown[]; error?: string }) => {
      const p = this.pending.get(m.id);
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if (m.error !== undefined) p?.reject(new Error(m.error));
      else p?.resolve(m.rows ?? []);
    });
    w.on('error', (e) => {
      for (const p of this.pending.values()) p.reject(e);
      this.pending.clear();
      this.worker = undefined;
    });
    // An idle worker must not keep the process alive; one with a query pending must.
    this.worker = w;
    return w;
  }
}
