import { describe, expect, it } from 'vitest';
import { type Bar, barLength, CHART, renderChart, whereTheMoneyWent } from '../../../src/features/fund/chart';
import type { FundSummary, PeriodTotals } from '../../../src/features/fund/ledger';
import { readPng, runLength } from './png-reader';

const zero = (): PeriodTotals => ({
  income: { directed: 0, consumption: 0, monthly: 0, service: 0, shop: 0, other: 0 },
  incomeTotal: 0,
  incomeRestricted: { relief: 0, facilities: 0, groups: 0, other: 0 },
  expense: { relief: 0, facilities: 0, groups: 0, other: 0 },
  expenseTotal: 0,
  selfGenerated: 0,
});

describe('where the money went (PNG)', () => {
  const all = zero();
  all.expense = { relief: 1859000, facilities: 320000, groups: 150001, other: 0 };
  const summary: FundSummary = {
    today: '2025-03-10',
    since: '2024-07-04',
    month: zero(),
    year: zero(),
    all,
    balance: 8521200,
    restricted: { relief: 141000, facilities: 0, groups: 0, other: 0 },
    restrictedTotal: 141000,
    free: 8380200,
  };
  const bars = whereTheMoneyWent(summary);
  const png = readPng(renderChart(bars));

  it('is a valid truecolour PNG whose every chunk checksum is right', () => {
    expect(png).toMatchObject({ width: CHART.width, bitDepth: 8, colorType: 2, interlace: 0 });
    expect(png.height).toBe(CHART.top * 2 + bars.length * CHART.barHeight + (bars.length - 1) * CHART.gap);
  });

  it('carries exactly the ledger numbers, to the fen', () => {
    expect(png.text['linli:bars']).toBe(
      'relief=1859000;facilities=320000;groups=150001;other=0;restricted=141000;free=8380200',
    );
  });

  it('draws each bar as long as its share of the largest', () => {
    bars.forEach((b: Bar, i) => {
      const y = CHART.top + i * (CHART.barHeight + CHART.gap) + 2;
      expect(runLength(png, y, b.color), b.key).toBe(barLength(b.fen, 8380200));
    });
    expect(barLength(8380200, 8380200)).toBe(CHART.maxBar);
    expect(barLength(0, 8380200)).toBe(0);
  });

  it('writes the amount next to each bar in dark pixels', () => {
    const y = CHART.top; // first bar row band
    let dark = 0;
    for (let yy = y; yy < y + CHART.barHeight; yy++)
      for (let x = CHART.left + barLength(1859000, 8380200); x < png.width; x++)
        if (png.pixel(x, yy).join() === '40,40,40') dark++;
    expect(dark).toBeGreaterThan(50);
  });
});
