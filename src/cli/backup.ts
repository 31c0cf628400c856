import { existsSync } from 'node:fs';
import SQLite from 'better-sqlite3';
import type { DbHandle } from '../db/client';

/** Online, consistent copy (SQLite's backup API works while the bot writes), then checked on the copy. */
export async function backupDatabase(h: DbHandle, file: string): Promise<{ pages: number; integrity: string }> {
  if (existsSync(file)) throw new Error(`${file} already exists; choose a new file name`);
  if (!h.sqlite) throw new Error('on PostgreSQL, back up with pg_dump (see the README)');
  const r = await h.sqlite.backup(file);
  const copy = new SQLite(file, { readonly: true });
  try {
    const integrity = String(copy.pragma('integrity_check', { simple: true }));
    if (integrity !== 'ok') throw new Error(`the backup failed its integrity check: ${integrity}`);
    return { pages: r.totalPages, integrity };
  } finally {
    copy.close();
  }
}
