// CSV as spreadsheets (Excel, WPS) read and write it: RFC 4180 quoting, CRLF, and a byte-order mark on files
// meant for Excel, which otherwise opens UTF-8 Chinese as mojibake. One implementation for every import and export.

export const EXCEL_BOM = '\ufeff';

export class CsvSyntaxError extends Error {}

/**
 * One cell. A cell starting with = + - @ (or a tab/CR) is run as a formula by spreadsheets — CSV injection with
 * resident text — so it gets a leading apostrophe; plain numbers such as -5 stay numbers.
 */
export function csvCell(v: unknown): string {
  let s = v === null || v === undefined ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s) && !/^-?\d+(\.\d+)?$/.test(s)) s = `'${s}`;
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** Rows to CSV text with CRLF line ends; `bom` for a file Excel will open. */
export function toCsv(rows: readonly (readonly unknown[])[], opts: { bom?: boolean } = {}): string {
  return `${(opts.bom ? EXCEL_BOM : '') + rows.map((r) => r.map(csvCell).join(',')).join('\r\n')}\r\n`;
}

/**
 * RFC 4180: quoted cells may hold commas, doubled quotes and line breaks; CRLF or LF; a leading BOM is dropped.
 * Blank rows are dropped unless `keepBlankRows` (an importer that reports the file's own row numbers needs them).
 */
export function parseCsv(text: string, opts: { keepBlankRows?: boolean } = {}): string[][] {
  const s = text.replace(/^\ufeff/, '');
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < s.length; i++) {
    const ch = s[i]!;
    if (quoted) {
      if (ch === '"' && s[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell === '') quoted = true;
    else if (ch === ',') {
      row.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && s[i + 1] === '\n') i++;
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
    } else cell += ch;
  }
  if (quoted) throw new CsvSyntaxError('a quoted cell is never closed');
  if (cell !== '' || row.length) {
    row.push(cell);
    rows.push(row);
  }
  return opts.keepBlankRows ? rows : rows.filter((r) => r.some((c) => c.trim() !== ''));
}
