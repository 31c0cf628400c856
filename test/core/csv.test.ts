import { describe, expect, it } from 'vitest';
import { CsvSyntaxError, EXCEL_BOM, parseCsv, toCsv } from '../../src/core/csv';

describe('CSV for spreadsheets', () => {
  it('round-trips commas, quotes, line breaks and Chinese', () => {
    const rows = [
      ['名字', 'note'],
      ['王阿姨', '说："水管漏了, 快来"\n第二行'],
      ['Tom', ''],
    ];
    expect(parseCsv(toCsv(rows))).toEqual(rows);
  });

  it('a cell that looks like a formula is kept as text; plain numbers stay numbers', () => {
    const csv = toCsv([['=HYPERLINK("x")', '+86 138', '-5', '-1.5', '@me', 42]]);
    expect(csv).toBe(`"'=HYPERLINK(""x"")",'+86 138,-5,-1.5,'@me,42\r\n`);
  });

  it('a file for Excel starts with a byte-order mark, which the parser ignores', () => {
    const csv = toCsv([['a']], { bom: true });
    expect(csv.startsWith(EXCEL_BOM)).toBe(true);
    expect(parseCsv(csv)).toEqual([['a']]);
  });

  it('blank lines are dropped unless the importer wants the file’s own row numbers', () => {
    const text = 'a,b\r\n\r\n1,2\n';
    expect(parseCsv(text)).toEqual([
      ['a', 'b'],
      ['1', '2'],
    ]);
    expect(parseCsv(text, { keepBlankRows: true })).toEqual([['a', 'b'], [''], ['1', '2']]);
  });

  it('an unclosed quote is an error, not a silently merged file', () => {
    expect(() => parseCsv('a,"b\n1,2')).toThrow(CsvSyntaxError);
  });
});
