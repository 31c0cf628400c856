import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseCsv } from '../../../src/features/fund/csv';
import { ImportFailed } from '../../../src/features/fund/errors';
import { type FundWorld, fundWorld } from './world';

const NOW = new Date('2025-03-10T04:00:00Z'); // 12:00 in Shanghai
let w: FundWorld;
beforeEach(async () => {
  w = await fundWorld(NOW);
});
afterEach(() => w.h.close());

describe('CSV', () => {
  const header = 'date,direction,kind,purpose,amount,donor_type,donor_name,donor_public,note,ref';

  it('imports a spreadsheet with a BOM, Chinese names and quoted notes, and exports it again', async () => {
    const csv = [
      `\ufeff${header}`,
      '2025-03-01,收入,定向捐,帮困,"1,000.50",居民,王阿姨,是,"她说：""给困难户""",a1',
      '2025-03-02,expense,,relief,200,,,,"慰问, 米油",a2',
      '',
    ].join('\r\n');
    expect(await w.fund.importCsv(csv)).toBe(2);
    const s = await w.fund.summary();
    expect(s).toMatchObject({ balance: 80050 });
    expect(s.restricted.relief).toBe(80050);
    const out = await w.fund.exportCsv();
    const rows = parseCsv(out);
    expect(rows[1]).toEqual(
      expect.arrayContaining([
        '2025-03-01',
        'income',
        'directed',
        'relief',
        '1000.50',
        'resident',
        '王阿姨',
        'yes',
        '她说："给困难户"',
        'a1',
      ]),
    );
    expect(rows[2]).toEqual(expect.arrayContaining(['慰问, 米油']));
  });

  it('a file with any bad row imports nothing and names every problem with its row', async () => {
    const csv = [
      header,
      '2025-03-01,income,directed,,100,anonymous,,,,',
      '2025-13-01,income,gift,,abc,partner,不存在的店,maybe,,',
      '2025-03-02,expense,,,50,,,,,',
      '',
    ].join('\n');
    const err = await w.fund.importCsv(csv).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(ImportFailed);
    const lines = (err as ImportFailed).errors.join('\n');
    expect(lines).toMatch(/row 3: date "2025-13-01"/);
    expect(lines).toMatch(/row 3: amount "abc"/);
    expect(lines).toMatch(/row 3: kind "gift"/);
    expect(lines).toMatch(/row 3: donor_public "maybe"/);
    expect(lines).toMatch(/row 3: partner "不存在的店"/);
    expect(lines).toMatch(/row 4: an expense needs a purpose/);
    expect(lines).not.toMatch(/row 2/);
    expect((await w.fund.summary()).all.incomeTotal).toBe(0);
  });

  it('importing the same file twice is refused by its refs', async () => {
    const csv = `${header}\n2025-03-01,income,directed,,100,anonymous,,,,r1\n`;
    await w.fund.importCsv(csv);
    await expect(w.fund.importCsv(csv)).rejects.toBeInstanceOf(ImportFailed);
    expect((await w.fund.summary()).balance).toBe(10000);
  });

  it('an import that would spend more than the fund has is rolled back whole', async () => {
    const csv = `${header}\n2025-03-01,income,other,,100,anonymous,,,,\n2025-03-02,expense,,other,500,,,,电费,\n`;
    await expect(w.fund.importCsv(csv)).rejects.toBeInstanceOf(ImportFailed);
    expect((await w.fund.summary()).all.incomeTotal).toBe(0);
  });
});
