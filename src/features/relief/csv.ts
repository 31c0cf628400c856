import { parseCsv as parseAnyCsv, toCsv as toAnyCsv } from '../../core/csv';

/** Blank lines are kept so problems are reported with the file's own row numbers. */
export const parseCsv = (text: string) => parseAnyCsv(text, { keepBlankRows: true });

/** With a BOM so Excel opens the Chinese text as UTF-8. */
export const toCsv = (rows: (string | number | null)[][]) => toAnyCsv(rows, { bom: true });
