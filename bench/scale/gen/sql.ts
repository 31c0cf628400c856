import type Database from 'better-sqlite3';

/**
 * An insert into `table` taking a row by column name and returning its id. One prepared statement per set of
 * columns; better-sqlite3 binds the row's values by name.
 */
export function inserter(db: Database.Database, table: string, opts: { orIgnore?: boolean } = {}) {
  const stmts = new Map<string, Database.Statement>();
  return (row: Record<string, string | number | null>): number => {
    const cols = Object.keys(row);
    const key = cols.join(',');
    let stmt = stmts.get(key);
    if (!stmt) {
      const verb = opts.orIgnore ? 'insert or ignore' : 'insert';
      stmt = db.prepare(`${verb} into ${table} (${key}) values (${cols.map((c) => `@${c}`).join(', ')})`);
      stmts.set(key, stmt);
    }
    const r = stmt.run(row);
    return r.changes ? Number(r.lastInsertRowid) : 0;
  };
}
