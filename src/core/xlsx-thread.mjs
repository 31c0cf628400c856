// The spreadsheet thread (see sheets.ts): tables in, an XLSX file out. exceljs builds a workbook row by row in one
// synchronous stretch (157 ms for a year's fund ledger, 251 ms to load it the first time), too long for the event loop
// the bot and the console share, so it runs here. Plain JS: the cells arrive already made safe.
import { parentPort } from 'node:worker_threads';
import ExcelJS from 'exceljs';

parentPort.on('message', async ({ id, sheets }) => {
  try {
    const wb = new ExcelJS.Workbook();
    for (const s of sheets) {
      const ws = wb.addWorksheet(s.name.slice(0, 31));
      ws.addRow([...s.header]).font = { bold: true };
      for (const r of s.rows) ws.addRow(r);
      ws.columns.forEach((col, i) => {
        const longest = Math.max(
          ...[s.header[i] ?? '', ...s.rows.map((r) => r[i] ?? '')].map((v) => [...String(v)].length),
        );
        // CJK characters are about two columns wide
        col.width = Math.min(60, Math.max(8, longest * 2 + 2));
      });
    }
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    parentPort.postMessage({ id, bytes }, [bytes.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
});
