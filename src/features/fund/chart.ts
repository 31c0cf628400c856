import { drawText, GLYPH_H, textWidth } from './font';
import { type FundSummary, type PeriodTotals, PURPOSES } from './ledger';
import { formatYuan } from './money';
import { Canvas, encodePng, type Rgb } from './png';

/** One bar: what it stands for (a purpose, or the money still in the fund), how much, and the legend square. */
export interface Bar {
  key: 'relief' | 'facilities' | 'groups' | 'other' | 'restricted' | 'free' | 'income';
  fen: number;
  color: Rgb;
  /** The emoji square of the same colour, used in the caption's legend. */
  square: string;
}

// Colours match the emoji squares so the caption can serve as the legend.
const COLORS: Record<Bar['key'], { color: Rgb; square: string }> = {
  relief: { color: [221, 46, 68], square: '🟥' },
  facilities: { color: [85, 172, 238], square: '🟦' },
  groups: { color: [120, 177, 89], square: '🟩' },
  other: { color: [170, 142, 214], square: '🟪' },
  restricted: { color: [193, 105, 79], square: '🟫' },
  free: { color: [253, 203, 88], square: '🟨' },
  income: { color: [244, 144, 12], square: '🟧' },
};

/** Where the money went since the start: spending by purpose, then what is still in the fund (directed, and free). */
export function whereTheMoneyWent(s: FundSummary): Bar[] {
  const spent = PURPOSES.map((p) => ({ key: p, fen: s.all.expense[p] }));
  const kept = [
    { key: 'restricted' as const, fen: s.restrictedTotal },
    { key: 'free' as const, fen: s.free },
  ];
  return [...spent, ...kept].map((b) => ({ ...b, ...COLORS[b.key] }));
}

/** One period at a glance (the report): what came in, then what was spent on each purpose. */
export function periodBars(t: PeriodTotals): Bar[] {
  return [{ key: 'income' as const, fen: t.incomeTotal }, ...PURPOSES.map((p) => ({ key: p, fen: t.expense[p] }))].map(
    (b) => ({ ...b, ...COLORS[b.key] }),
  );
}

export const CHART = { width: 720, left: 24, top: 24, barHeight: 44, gap: 18, labelScale: 3, maxBar: 440 };

/** Pixel length of a bar: proportional to the largest, at least 2 px when not zero so small amounts stay visible. */
export function barLength(fen: number, maxFen: number): number {
  if (fen <= 0 || maxFen <= 0) return 0;
  return Math.max(2, Math.round((fen / maxFen) * CHART.maxBar));
}

/** A horizontal bar chart as PNG; the exact amounts are written on the bars and kept in a tEXt chunk. */
export function renderChart(bars: Bar[]): Buffer {
  const { width, left, top, barHeight, gap, labelScale } = CHART;
  const height = top * 2 + bars.length * barHeight + (bars.length - 1) * gap;
  const c = new Canvas(width, height);
  const max = Math.max(0, ...bars.map((b) => b.fen));
  bars.forEach((b, i) => {
    const y = top + i * (barHeight + gap);
    const len = barLength(b.fen, max);
    c.fill(left, y, len, barHeight, b.color);
    const label = formatYuan(Math.max(0, b.fen));
    const labelY = y + Math.floor((barHeight - GLYPH_H * labelScale) / 2);
    const labelX = Math.min(left + len + 10, width - textWidth(label, labelScale) - 4);
    drawText(c, label, labelX, labelY, labelScale, [40, 40, 40]);
  });
  c.fill(left - 2, top - 8, 2, height - 2 * top + 16, [90, 90, 90]); // axis
  return encodePng(c, { Title: 'Linli community fund', 'linli:bars': bars.map((b) => `${b.key}=${b.fen}`).join(';') });
}
