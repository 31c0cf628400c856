// What the month phase measures about the file: its bytes on disk, and the bytes of the rows the month added that it
// still holds — so "the file grows by no more than the new data it holds" can be checked (issue 20).
import { existsSync, statSync } from 'node:fs';
import type Database from 'better-sqlite3';

/** The highest rowid of every rowid table: rows above it at the end are the month's. */
export type Marks = Map<string, number>;

interface Table {
  name: string;
  rowid: boolean;
}

function tables(db: Database.Database): Table[] {
  return (
    db
      .prepare("select name, sql from sqlite_master where type = 'table' and name not like 'sqlite_%' order by name")
      .all() as { name: string; sql: string }[]
  ).map((t) => ({ name: t.name, rowid: !/without\s+rowid/i.test(t.sql) }));
}

/** The file's bytes once the WAL is folded back into it (what `ls` shows after a quiet moment). */
export function fileBytes(db: Database.Database, path: string): { bytes: number; walBusy: boolean } {
  const [r] = db.pragma('wal_checkpoint(TRUNCATE)') as { busy: number }[];
  const wal = `${path}-wal`;
  return { bytes: statSync(path).size + (existsSync(wal) ? statSync(wal).size : 0), walBusy: (r?.busy ?? 0) !== 0 };
}

export function marks(db: Database.Database): Marks {
  const m: Marks = new Map();
  for (const t of tables(db))
    if (t.rowid)
      m.set(t.name, (db.prepare(`select coalesce(max(rowid), 0) as n from "${t.name}"`).get() as { n: number }).n);
  return m;
}

/** Bytes on disk of each table together with its indexes (dbstat: every page, used or not, of each b-tree). */
export function tableBytes(db: Database.Database): Map<string, number> {
  const owner = new Map(
    (
      db.prepare("select name, tbl_name from sqlite_master where type in ('table', 'index')").all() as {
        name: string;
        tbl_name: string;
      }[]
    ).map((r) => [r.name, r.tbl_name]),
  );
  const out = new Map<string, number>();
  for (const r of db.prepare('select name, sum(pgsize) as bytes from dbstat group by name').all() as {
    name: string;
    bytes: number;
  }[]) {
    const t = owner.get(r.name) ?? r.name;
    out.set(t, (out.get(t) ?? 0) + r.bytes);
  }
  return out;
}

export interface TableGrowth {
  table: string;
  old_rows_held: number;
  new_rows_held: number;
  rows_after: number;
  mb_before: number;
  mb_after: number;
  /** The new rows' share of the table and its indexes: bytes after × new rows ÷ rows after. */
  new_data_mb: number;
  /** The new rows' column values alone (no record headers, page space or index entries): a lower bound. */
  new_payload_mb: number;
}

/** Bytes of the values of rows above `mark`: each column's length as stored text or blob (an integer as its digits). */
function payload(db: Database.Database, table: string, mark: number): number {
  const cols = (db.prepare(`select name from pragma_table_info('${table}')`).all() as { name: string }[]).map(
    (c) => `coalesce(length(cast("${c.name}" as blob)), 0)`,
  );
  if (!cols.length) return 0;
  const sql = `select coalesce(sum(${cols.join(' + ')}), 0) as n from "${table}" where rowid > ${mark}`;
  return (db.prepare(sql).get() as { n: number }).n;
}

const MB = 1048576;
const mb = (b: number) => Math.round((b / MB) * 100) / 100;

/** Per table: how many of the month's rows it still holds and what they take, largest first. */
export function newData(db: Database.Database, before: Marks, bytesBefore: Map<string, number>) {
  const after = tableBytes(db);
  const rows: TableGrowth[] = [];
  let newBytes = 0;
  let newPayload = 0;
  for (const t of tables(db)) {
    const count = (where = '') =>
      (db.prepare(`select count(*) as n from "${t.name}" ${where}`).get() as { n: number }).n;
    const total = count();
    const mark = before.get(t.name);
    // A table without rowids (a running total) is updated in place: none of its rows is new data.
    const fresh = t.rowid ? count(`where rowid > ${mark ?? 0}`) : 0;
    const bytes = after.get(t.name) ?? 0;
    const share = total ? (bytes * fresh) / total : 0;
    newBytes += share;
    const values = t.rowid && fresh ? payload(db, t.name, mark ?? 0) : 0;
    newPayload += values;
    rows.push({
      table: t.name,
      old_rows_held: total - fresh,
      new_rows_held: fresh,
      rows_after: total,
      mb_before: mb(bytesBefore.get(t.name) ?? 0),
      mb_after: mb(bytes),
      new_data_mb: mb(share),
      new_payload_mb: mb(values),
    });
  }
  rows.sort((a, b) => b.new_data_mb - a.new_data_mb || b.mb_after - b.mb_before - (a.mb_after - a.mb_before));
  return { rows, newBytes, newPayload };
}

export const freePages = (db: Database.Database) => db.pragma('freelist_count', { simple: true }) as number;
