import type ExcelJS from 'exceljs';
import { csvCell, parseCsv, toCsv } from './csv';
import { OnDemandThread } from './on-demand-thread';

// Spreadsheets as staff use them: XLSX from Excel or WPS, or CSV saved by either (UTF-8 with a BOM, or GB18030 from
// a Chinese Windows). One reader and one writer for every import and export, on exceljs (a maintained library)
// rather than a hand-written zip and XML.

export type Table = string[][];

export class SheetError extends Error {}

/**
 * exceljs is loaded on the first import or export, not at start: it adds about 28 MB to the process's memory and a
 * second to its start, for something staff do a few times a month (bench -- memory, issue 14 item 9).
 */
const excel = async () => (await import('exceljs')).default;

const XLSX_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]); // a zip file

/** What a cell shows, as text: numbers without float noise, dates as YYYY-MM-DD, formulas by their result. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'number') return Number.isInteger(v) ? String(v) : String(Number(v.toFixed(10)));
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('text' in v) return String(v.text);
    if ('error' in v) return '';
  }
  return String(v);
}

/** UTF-8 unless that does not decode cleanly: then the GB18030 a Chinese Excel writes. */
function decodeText(bytes: Buffer): string {
  const utf8 = new TextDecoder('utf-8', { fatal: false }).decode(bytes);
  if (!utf8.includes('\ufffd')) return utf8;
  return new TextDecoder('gb18030').decode(bytes);
}

/** The first sheet of an XLSX file, or a CSV file, as rows of text (the file's own blank rows kept). */
export async function readTable(bytes: Buffer): Promise<Table> {
  if (bytes.subarray(0, 4).equals(XLSX_MAGIC)) {
    const wb = new (await excel()).Workbook();
    try {
      await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    } catch {
      throw new SheetError('not a readable XLSX file');
    }
    const ws = wb.worksheets[0];
    if (!ws) return [];
    const rows: Table = [];
    const width = ws.columnCount;
    for (let r = 1; r <= ws.rowCount; r++) {
      const row = ws.getRow(r);
      const cells: string[] = [];
      for (let c = 1; c <= width; c++) cells.push(cellText(row.getCell(c).value).trim());
      rows.push(cells);
    }
    return rows;
  }
  return parseCsv(decodeText(bytes), { keepBlankRows: true });
}

/** A cell as written to a file: a leading = + - @ tab or CR would run as a formula in some tool, so it is not. */
const safe = (v: unknown): string | number =>
  typeof v === 'number'
    ? v
    : csvCell(v)
        .replace(/^"(.*)"$/s, '$1')
        .replace(/""/g, '"');

export interface Sheet {
  name: string;
  /** Column headers, already in the reader's language. */
  header: readonly string[];
  rows: readonly (readonly unknown[])[];
}

/**
 * The spreadsheet thread: started on the first file written and ended a minute after the last (exceljs stays loaded
 * in it meanwhile, for the next file of a burst of exports).
 */
const xlsxThread = new OnDemandThread<{ bytes: Uint8Array }>(new URL('./xlsx-thread.mjs', import.meta.url), {
  idleMs: 60_000,
  failure: (message) => new SheetError(`spreadsheet thread: ${message}`),
});

/**
 * An XLSX workbook that opens in Excel and WPS: one sheet per table, headers bold, columns wide enough. Written on
 * a thread of its own: a year's ledger took 157 ms of the event loop (bench -- console, exports).
 */
export async function writeXlsx(sheets: readonly Sheet[]): Promise<Buffer> {
  const plain = sheets.map((s) => ({ name: s.name, header: [...s.header], rows: s.rows.map((r) => r.map(safe)) }));
  const { bytes } = await xlsxThread.ask({ sheets: plain });
  return Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/** The same table as CSV for Excel (UTF-8 with a BOM, formulas neutralised). */
export const writeCsv = (s: Sheet): Buffer => Buffer.from(toCsv([s.header, ...s.rows], { bom: true }), 'utf8');
