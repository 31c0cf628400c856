import { createHash } from 'node:crypto';
import type SQLite from 'better-sqlite3';
import { sql } from 'kysely';
import { type DbHandle, sqliteOf } from '../db/client';
import { migrateToLatest } from '../db/migrate';

export interface TableCopy {
  table: string;
  rows: number;
  /** Every row read back from PostgreSQL equals SQLite's (same count, same digest). */
  same: boolean;
}

export class CopyRefused extends Error {}

const BATCH = 500;

/** Tables in an order where every row's foreign keys point at rows already copied. */
function tablesInOrder(sqlite: SQLite.Database): string[] {
  const names = (
    sqlite
      .prepare(
        `select name from sqlite_master where type = 'table'
         and name not like 'sqlite_%' and name not like 'kysely_migration%' order by name`,
      )
      .all() as { name: string }[]
  ).map((r) => r.name);
  const parents = new Map(
    names.map((n) => [
      n,
      (sqlite.pragma(`foreign_key_list("${n}")`) as { table: string }[]).map((f) => f.table).filter((t) => t !== n),
    ]),
  );
  const out: string[] = [];
  const visit = (n: string, path: Set<string>) => {
    if (out.includes(n) || path.has(n)) return;
    path.add(n);
    for (const p of parents.get(n) ?? []) visit(p, path);
    out.push(n);
  };
  for (const n of names) visit(n, new Set());
  return out;
}

/** One canonical text per value, the same whichever engine returned it. */
function canonical(v: unknown): string {
  if (v === null || v === undefined) return '∅';
  if (Buffer.isBuffer(v)) return `b:${v.toString('hex')}`;
  if (typeof v === 'bigint' || typeof v === 'number') return `n:${Number(v)}`;
  return `s:${String(v)}`;
}

/**
 * A digest of a table's rows whatever order they come in (the engines sort text differently): the XOR of every
 * row's hash, and the count. Rows are distinct (each table has a key), so equal digests mean equal contents.
 */
class TableDigest {
  private readonly acc = Buffer.alloc(32);
  count = 0;
  constructor(private readonly columns: string[]) {}
  add(row: Record<string, unknown>): void {
    const h = createHash('sha256')
      .update(this.columns.map((c) => canonical(row[c])).join('\u0001'))
      .digest();
    for (let i = 0; i < 32; i++) this.acc[i]! ^= h[i]!;
    this.count++;
  }
  equals(o: TableDigest): boolean {
    return this.count === o.count && this.acc.equals(o.acc);
  }
}

/**
 * Copies a SQLite deployment into an empty PostgreSQL database at the same migration: every table in one
 * transaction (nothing is copied if anything fails), triggers off while copying (the rows already carry what the
 * triggers computed), identity sequences moved past the copied ids, then every table read back and compared.
 */
export async function copyToPostgres(from: DbHandle, to: DbHandle): Promise<TableCopy[]> {
  // An operator who exported DATABASE_URL for the instances first would otherwise get a bare "needs SQLite".
  if (!from.sqlite)
    throw new CopyRefused(
      'copy-to-postgres copies the SQLite file at DATABASE_PATH, but DATABASE_URL is set: run it without DATABASE_URL',
    );
  if (to.engine !== 'postgres') throw new CopyRefused('the target must be a PostgreSQL database (DATABASE_URL)');
  const sqlite = sqliteOf(from);
  await migrateToLatest(from.db);
  await migrateToLatest(to.db);
  const users = await to.db
    .selectFrom('users')
    .select((e) => e.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  if (Number(users.n) > 0)
    throw new CopyRefused('the PostgreSQL database already holds users: copy only into an empty one');
  const tables = tablesInOrder(sqlite);
  await to.db.transaction().execute(async (trx) => {
    // What the migrations themselves inserted is replaced by the deployment's rows.
    await sql.raw(`truncate table ${tables.map((t) => `"${t}"`).join(', ')} cascade`).execute(trx);
    for (const t of tables) {
      await sql.raw(`alter table "${t}" disable trigger user`).execute(trx);
      const stmt = sqlite.prepare(`select * from "${t}"`);
      let batch: Record<string, unknown>[] = [];
      const flush = async () => {
        if (batch.length)
          await trx
            .insertInto(t as never)
            .values(batch as never)
            .execute();
        batch = [];
      };
      for (const row of stmt.iterate() as Iterable<Record<string, unknown>>) {
        batch.push(row);
        if (batch.length === BATCH) await flush();
      }
      await flush();
      await sql.raw(`alter table "${t}" enable trigger user`).execute(trx);
      const hasId = (sqlite.pragma(`table_info("${t}")`) as { name: string }[]).some((c) => c.name === 'id');
      if (hasId)
        await sql
          .raw(
            `select setval(s, coalesce((select max(id) from "${t}"), 0) + 1, false)
             from pg_get_serial_sequence('"${t}"', 'id') s where s is not null`,
          )
          .execute(trx);
    }
  });
  const out: TableCopy[] = [];
  for (const t of tables) {
    const columns = (sqlite.pragma(`table_info("${t}")`) as { name: string }[]).map((c) => c.name);
    const src = new TableDigest(columns);
    for (const row of sqlite.prepare(`select * from "${t}"`).iterate() as Iterable<Record<string, unknown>>)
      src.add(row);
    const dst = new TableDigest(columns);
    for (const row of (await sql.raw<Record<string, unknown>>(`select * from "${t}"`).execute(to.db)).rows)
      dst.add(row);
    out.push({ table: t, rows: dst.count, same: src.equals(dst) });
  }
  return out;
}
