import type { DbOrTx } from '../../db/schema';
import { localStamp } from './checkin';
import { toCsv } from './csv';
import { CATEGORY_ZH, type Category } from './roster';
import type { RecipientRow } from './store';
import * as store from './store';

export interface MonthReport {
  month: string;
  /** Everyone expected: the active roster plus anyone since deactivated who collected this month. */
  total: number;
  collectedSelf: number;
  collectedByProxy: number;
  notCollected: RecipientRow[];
  festivalExtras: number;
  promisedLater: number;
}

export async function monthReport(db: DbOrTx, month: string): Promise<MonthReport> {
  const pickups = await store.pickupsOfMonth(db, month);
  const done = new Set(pickups.map((p) => p.recipient_id));
  const active = await store.listRecipients(db, true);
  const activeIds = new Set(active.map((r) => r.id));
  const later = new Set(await store.laterOfMonth(db, month));
  const notCollected = active.filter((r) => !done.has(r.id));
  return {
    month,
    total: active.length + pickups.filter((p) => !activeIds.has(p.recipient_id)).length,
    collectedSelf: pickups.filter((p) => p.proxy_name === null).length,
    collectedByProxy: pickups.filter((p) => p.proxy_name !== null).length,
    notCollected,
    festivalExtras: pickups.filter((p) => p.festival_extras === 1).length,
    promisedLater: notCollected.filter((r) => later.has(r.id)).length,
  };
}

/** One row per person: the month's record for the office files. */
export async function monthReportCsv(db: DbOrTx, month: string, tz: string): Promise<string> {
  const pickups = new Map((await store.pickupsOfMonth(db, month)).map((p) => [p.recipient_id, p]));
  const rows: (string | number | null)[][] = [
    ['id', 'name', 'category', 'status', 'collected_at', 'proxy', 'staff', 'festival_extras'],
  ];
  for (const r of await store.listRecipients(db)) {
    const p = pickups.get(r.id);
    if (!p && !r.active) continue;
    const status = !p ? 'not collected' : p.proxy_name === null ? 'collected' : 'collected by proxy';
    const staff = p ? [p.staff_first, p.staff_last].filter(Boolean).join(' ') : '';
    rows.push([
      r.id,
      r.name,
      CATEGORY_ZH[r.category as Category] ?? r.category,
      status,
      p ? localStamp(p.collected_at, tz) : '',
      p?.proxy_name ?? '',
      staff,
      p ? p.festival_extras : '',
    ]);
  }
  return toCsv(rows);
}
