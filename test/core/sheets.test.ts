import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { readTable, writeCsv, writeXlsx } from '../../src/core/sheets';

describe('spreadsheets in and out', () => {
  it('an XLSX written here reads back the same, Chinese headers and all, with formulas neutralised', async () => {
    const bytes = await writeXlsx([
      {
        name: '名单',
        header: ['姓名', '类别', '电话'],
        rows: [
          ['张三', '低保', '13800000000'],
          ['=HYPERLINK("x")', '@', 5],
        ],
      },
    ]);
    const back = await readTable(bytes);
    expect(back[0]).toEqual(['姓名', '类别', '电话']);
    expect(back[1]).toEqual(['张三', '低保', '13800000000']);
    expect(back[2]![0]).toBe('\'=HYPERLINK("x")');
    expect(back[2]![2]).toBe('5');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
    expect(wb.worksheets[0]!.getCell('A3').formula).toBeUndefined();
    // what staff see on opening it: a bold header, and the phone numbers' column wide enough to read them
    expect(wb.worksheets[0]!.getCell('A1').font?.bold).toBe(true);
    expect(wb.worksheets[0]!.getColumn(3).width).toBeGreaterThanOrEqual(22);
  });

  it('reads numbers, dates, rich text and formula results the way the cell shows them', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('x');
    ws.addRow([1.1 + 2.2, new Date('2026-12-01T00:00:00Z'), { richText: [{ text: '荷塘' }, { text: '花园' }] }]);
    ws.getCell('D1').value = { formula: '1+1', result: 2 };
    const rows = await readTable(Buffer.from(await wb.xlsx.writeBuffer()));
    expect(rows[0]).toEqual(['3.3', '2026-12-01', '荷塘花园', '2']);
  });

  it('reads CSV saved by Excel in UTF-8 with a BOM, and by a Chinese Windows in GB18030', async () => {
    const utf8 = writeCsv({ name: 'x', header: ['姓名', '备注'], rows: [['李四', '腿脚不便, 需代领']] });
    expect(await readTable(utf8)).toEqual([
      ['姓名', '备注'],
      ['李四', '腿脚不便, 需代领'],
    ]);
    // 姓名,类别\r\n王五,残疾 in GB18030
    const gb = Buffer.from('d0d5c3fb2cc0e0b1f00d0acdf5cee52cb2d0bcb20d0a', 'hex');
    expect(await readTable(gb)).toEqual([
      ['姓名', '类别'],
      ['王五', '残疾'],
    ]);
  });

  it('refuses a file that only pretends to be XLSX', async () => {
    await expect(readTable(Buffer.from('PK\u0003\u0004garbage'))).rejects.toThrow('not a readable XLSX file');
  });
});
