import { CompiledQuery } from 'kysely';
import type { Db } from './schema';

/** Read-only SQL for maintenance figures, run where it does not hold up the bot. */
export interface ReadQueries {
  query<T>(sql: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
}

/** Reads on the connection the caller already has: for tests and the command line, where nothing waits on them. */
export function inPlaceReads(db: Db): ReadQueries {
  return {
    query: async <T>(sql: string, params: unknown[] = []) =>
      (await db.executeQuery<T>(CompiledQuery.raw(sql, params))).rows as T[],
    close: async () => {},
  };
}

/**
 * A query Kysely compiled (for this engine's placeholders), run on the read connection. better-sqlite3 answers on
 * the spot: a chain of awaited reads never lets the event loop turn, so a report of 35 of them stalled every reply
 * for 50–120 ms (issue 14 item 9); on a read thread each one is a real wait.
 */
export const readCompiled = <T>(reads: ReadQueries, q: { sql: string; parameters: readonly unknown[] }) =>
  reads.query<T>(q.sql, [...q.parameters]);
