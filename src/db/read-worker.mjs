// A worker thread with its own read-only connection: heavy reads (table sizes, multi-year exports) run here, so the
// bot's event loop — and every resident waiting on it — never stalls behind them. Plain JS: it runs as it is.
import { parentPort, workerData } from 'node:worker_threads';
import Database from 'better-sqlite3';

const db = new Database(workerData.path, { readonly: true, fileMustExist: true });
db.pragma('busy_timeout = 5000');
// better-sqlite3's default page cache is 16 MB a connection. This one scans whole tables now and then (the daily
// table sizes read every page), then sits idle with its cache full for the life of the process; the operating
// system's file cache serves its next scan as well (issue 14 item 9: what holds memory).
db.pragma('cache_size = -2000');

parentPort.on('message', ({ id, sql, params }) => {
  try {
    parentPort.postMessage({ id, rows: db.prepare(sql).all(...params) });
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
