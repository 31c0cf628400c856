import { csvCell, EXCEL_BOM } from '../../core/csv';
import type { DbOrTx } from '../../db/schema';
import { MarketNotFound } from './errors';
import { ticketCode } from './service';
import * as store from './store';

const HEADER = [
  'ticket',
  'service_zh',
  'service_en',
  'status',
  'outcome',
  'note',
  'walk_in',
  'name',
  'phone',
  'details',
  'booked_at',
  'served_at',
  'fix_held',
];

/** Every booking of the market(s) on `date` as CSV rows (UTF-8 with BOM), one market after another. */
export async function exportCsv(db: DbOrTx, date: string): Promise<string> {
  const markets = (await store.marketsOn(db, date)).filter((m) => m.status !== 'draft');
  if (markets.length === 0) throw new MarketNotFound();
  const lines = [HEADER.join(',')];
  for (const m of markets) {
    for (const r of await store.bookingsForExport(db, m.id)) {
      lines.push(
        [
          r.ticket_no === null ? '' : ticketCode(r.ticket_prefix, r.ticket_no),
          r.name_zh,
          r.name_en,
          r.status,
          r.outcome,
          r.outcome_note,
          r.walk_in,
          r.first_name === null ? '' : [r.first_name, r.last_name].filter(Boolean).join(' '),
          r.phone,
          r.details,
          r.created_at,
          r.served_at,
          r.hold_answer,
        ]
          .map(csvCell)
          .join(','),
      );
    }
  }
  return `${EXCEL_BOM + lines.join('\r\n')}\r\n`;
}
