import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { type DialectAdapter, Kysely, SqliteAdapter, type SqliteDatabase, SqliteDialect } from 'kysely';
import { ReadOffload } from './offload';
import type { Database } from './schema';

// SQLite runs DDL inside transactions fine; Kysely's adapter says it cannot, which would let a failed
// migration leave half its tables behind. Saying yes makes the migrator wrap all pending migrations in one.
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class LinliSqliteDialect extends SqliteDialect {
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
}

/**
 * Kysely prepares every query afresh; compiling the same SQL on every update was a visible share of the
 * bot's time. better-sqlite3 statements can be reused (all calls are synchronous), so keep the recent ones.
 */
const STATEMENT_CACHE = 500;
function withStatementCache(sqlite: SQLite.Database): SqliteDatabase {
  const cache = new Map<string, SQLite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let stmt = cache.get(sql);
      if (stmt) {
        cache.delete(sql); // re-insert: Map order is the LRU order
      } else {
        stmt = sqlite.prepare(sql);
        if (cache.size >= STATEMENT_CACHE) cache.delete(cache.keys().next().value!);
      }
      cache.set(sql, stmt);
      return stmt as unknown as ReturnType<SqliteDatabase['prepare']>;
    },
  };
}

export interface DbHandle {
  db: Kysely<Database>;
  sqlite: SQLite.Database;
  /** Heavy read-only queries, run on a second connection in a worker thread. */
  reads: ReadOffload;
  close(): Promise<void>;
}

/** Opens (creating its folder) the SQLite file, or ':memory:' for tests, with the pragmas DESIGN.md asks for. */
export function openDatabase(path: string): DbHandle {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new SQLite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('synchronous = FULL');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new LinliSqliteDialect({ database: withStatementCache(sqlite) }) });
  const reads = new ReadOffload(path, sqlite);
  return {
    db,
    sqlite,
    reads,
    async close() {
      await reads.close();
      await db.destroy();
    },
  };
}
