import { toCsv } from '../../../core/csv';
import { localDate, localTime } from '../../../core/time';
import type { ExportRow } from '../service';
import { inReaders, type Reader } from './common';

const COLUMNS = [
  'date',
  'ticket',
  'service',
  'status',
  'outcome',
  'note',
  'walkIn',
  'name',
  'phone',
  'details',
  'bookedAt',
  'servedAt',
  'held',
] as const;

/**
 * A market day's bookings as CSV (UTF-8 with a byte-order mark, for Excel and WPS), in the language of whoever asked:
 * the headers, the service and ticket names and every status are theirs; times are local.
 */
export function exportCsv(r: Reader, rows: ExportRow[], tz: string): string {
  const { t } = r;
  const plain = (key: string) => t(key, { interpolation: { escapeValue: false } });
  const time = (iso: string | null) => {
    if (!iso) return '';
    const d = new Date(iso);
    return `${localDate(d, tz)} ${localTime(d, tz)}`;
  };
  const body = rows.map((x) => [
    x.date,
    inReaders(r, x.ticket),
    x.service[r.locale],
    plain(`market.status.${x.status}`),
    x.outcome ? plain(`market.export.outcome.${x.outcome}`) : '',
    x.note,
    plain(x.walkIn ? 'market.export.yes' : 'market.export.no'),
    x.name,
    x.phone,
    x.details,
    time(x.bookedAt),
    time(x.servedAt),
    x.held ? plain(`market.export.held.${x.held}`) : '',
  ]);
  return toCsv([COLUMNS.map((c) => plain(`market.export.header.${c}`)), ...body], { bom: true });
}
