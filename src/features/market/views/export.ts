import { type Sheet, writeCsv } from '../../../core/sheets';
import { localDate, localTime } from '../../../core/time';
import type { TFunction } from '../../../i18n';
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
 * The reader behind a translator: the workbench hands an export only its translator, and the locale file says which
 * language it is (the service and ticket names follow it).
 */
export const readerOf = (t: TFunction): Reader => ({ t, locale: t('market.export.locale') === 'en' ? 'en' : 'zh-CN' });

/**
 * A market day's bookings as a sheet in the language of whoever asked: the headers, the service and ticket names and
 * every status are theirs; times are local. Cells are neutralised when written (core/sheets).
 */
export function exportSheet(r: Reader, rows: ExportRow[], tz: string, date: string): Sheet {
  const { t } = r;
  const plain = (key: string, params: Record<string, string> = {}) =>
    t(key, { ...params, interpolation: { escapeValue: false } });
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
  return {
    name: plain('market.export.sheet', { date }),
    header: COLUMNS.map((c) => plain(`market.export.header.${c}`)),
    rows: body,
  };
}

/** The file name of a market day's export (the date is what staff look for). */
export const exportFileName = (date: string) => `market-${date}`;

/** The same sheet as CSV text (UTF-8 with a byte-order mark, for Excel and WPS): the command line's export. */
export const exportCsv = (r: Reader, rows: ExportRow[], tz: string, date = rows[0]?.date ?? ''): string =>
  writeCsv(exportSheet(r, rows, tz, date)).toString('utf8');
