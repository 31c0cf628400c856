import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import {
  type DialectAdapter,
  type Driver,
  Kysely,
  SqliteAdapter,
  type SqliteDatabase,
  SqliteDialect,
  type SqliteDialectConfig,
} from 'kysely';
import { ReadOffload } from './offload';
import { openPostgres } from './postgres';
import type { ReadQueries } from './reads';
import type { Database } from './schema';
import { QueuedSqliteDriver } from './sqlite-driver';

// SQLite runs DDL inside transactions fine; Kysely's adapter says it cannot, which would let a failed
// migration leave half its tables behind. Saying yes makes the migrator wrap all pending migrations in one.
class TransactionalDdlAdapter extends SqliteAdapter {
  override get supportsTransactionalDdl(): boolean {
    return true;
  }
}
class LinliSqliteDialect extends SqliteDialect {
  constructor(private readonly config: SqliteDialectConfig) {
    super(config);
  }
  override createAdapter(): DialectAdapter {
    return new TransactionalDdlAdapter();
  }
  override createDriver(): Driver {
    return new QueuedSqliteDriver(this.config);
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

export type Engine = 'sqlite' | 'postgres';

export interface DbHandle {
  engine: Engine;
  db: Kysely<Database>;
  /** SQLite's own connection (pragmas, the backup API); absent on PostgreSQL. */
  sqlite?: SQLite.Database;
  /** Heavy read-only queries: on SQLite a second connection in a worker thread; on PostgreSQL the pool. */
  reads: ReadQueries;
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
    engine: 'sqlite',
    db,
    sqlite,
    reads,
    async close() {
      await reads.close();
      await db.destroy();
    },
  };
}

/** PostgreSQL at `url`, through Kysely's own dialect and a pg pool. */
export function openPostgresDatabase(url: string, poolSize = 10): DbHandle {
  const { db, pool } = openPostgres<Database>(url, { max: poolSize });
  const reads: ReadQueries = {
    query: async <T>(text: string, params: unknown[] = []) => (await pool.query(text, params)).rows as T[],
    close: async () => {},
  };
  return { engine: 'postgres', db, reads, close: () => db.destroy() };
}

/** The database the configuration names: PostgreSQL when DATABASE_URL is set, else the SQLite file. */
export function openConfigured(config: { DATABASE_PATH: string; DATABASE_URL?: string; DATABASE_POOL_SIZE?: number }) {
  return config.DATABASE_URL
    ? openPostgresDatabase(config.DATABASE_URL, config.DATABASE_POOL_SIZE)
    : openDatabase(config.DATABASE_PATH);
}

/** SQLite's own connection, for what only SQLite has (pragmas, the backup API); throws on PostgreSQL. */
export function sqliteOf(h: DbHandle): SQLite.Database {
  if (!h.sqlite) throw new Error('this needs the SQLite engine');
  return h.sqlite;
}
