import { type Element, HEAD, heading } from './blocks';
import { textWidth } from './fonts';
import { asIs } from './formatters';
import type { ChartOption, ChartSpec } from './spec';
import { base, FONT, INK, PALETTE, RULE, SIZE, title } from './theme';

// Horizontal bars, each with its value written after it (no axis to read off on a phone): one list or several
// lists one under another, and pairs (booked against places). Each bar carries its own label and each axis its
// own maximum, as data: a chart is drawn on another thread, and functions do not cross to it.

export interface Bar {
  name: string;
  value: number;
  /** The value as the reader reads it ('1.86万元'). */
  label: string;
  color?: string;
}

export interface Section {
  /** Shown above the bars when there are several sections. */
  heading?: string;
  bars: readonly Bar[];
  /** Shown instead of bars when there are none ("还没有支出"). */
  empty?: string;
}

const ROW = 44;
const FOOT = 24;
const widest = (texts: readonly string[]) => Math.max(0, ...texts.map((s) => textWidth(s, FONT.label)));

/** Lists of bars one under another, each with its own scale; `extra` is drawn below them (figures, a note). */
export function barSections(o: {
  title: string;
  subtitle?: string;
  sections: readonly Section[];
  extra?: (top: number) => { elements: Element[]; height: number };
}): ChartSpec {
  const all = o.sections.flatMap((s) => s.bars);
  const left = SIZE.pad + Math.min(190, widest(all.map((b) => b.name))) + 10;
  const right = SIZE.pad + widest(all.map((b) => b.label)) + 12;
  const grids: object[] = [];
  const xAxes: object[] = [];
  const yAxes: object[] = [];
  const series: object[] = [];
  const graphic: Element[] = [];
  let y = HEAD;
  o.sections.forEach((s, i) => {
    if (s.heading) {
      graphic.push(heading(s.heading, y));
      y += 32;
    }
    if (s.bars.length === 0) {
      if (s.empty) graphic.push(heading(s.empty, y));
      y += s.empty ? 36 : 0;
      return;
    }
    const n = grids.length;
    grids.push({ left, right, top: y, height: s.bars.length * ROW });
    xAxes.push({ type: 'value', gridIndex: n, show: false, max: Math.max(1, ...s.bars.map((b) => b.value)) });
    yAxes.push({
      type: 'category',
      gridIndex: n,
      inverse: true,
      data: s.bars.map((b) => b.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: RULE } },
      axisLabel: { fontSize: FONT.label, color: INK, width: 190, overflow: 'truncate' },
    });
    series.push({
      type: 'bar',
      xAxisIndex: n,
      yAxisIndex: n,
      barWidth: 24,
      data: s.bars.map((b, j) => ({
        value: b.value,
        itemStyle: { color: b.color ?? PALETTE[(i + j) % PALETTE.length] },
        label: { formatter: asIs(b.label) },
      })),
      label: { show: true, position: 'right', fontSize: FONT.label },
    });
    y += s.bars.length * ROW + 16;
  });
  if (o.extra) {
    const x = o.extra(y + 8);
    graphic.push(...x.elements);
    y += 8 + x.height;
  }
  const option = {
    ...base(),
    title: title(o.title, o.subtitle),
    grid: grids,
    xAxis: xAxes,
    yAxis: yAxes,
    series,
    graphic: { elements: graphic },
  } as ChartOption;
  return { option, width: SIZE.width, height: y + FOOT };
}

/** One list of bars. */
export const barsChart = (o: { title: string; subtitle?: string; bars: readonly Bar[]; empty?: string }) =>
  barSections({ title: o.title, subtitle: o.subtitle, sections: [{ bars: o.bars, empty: o.empty }] });

export interface Pair {
  name: string;
  /** What was used (booked) and what there was (places). */
  used: number;
  of: number;
}

/** Two bars for each item — what was used against what there was — with a legend and "used/of" written after. */
export function pairedBars(o: {
  title: string;
  subtitle?: string;
  items: readonly Pair[];
  names: { used: string; of: string };
  empty?: string;
}): ChartSpec {
  if (o.items.length === 0) return barsChart({ title: o.title, subtitle: o.subtitle, bars: [], empty: o.empty });
  const top = HEAD + 30;
  const row = 52;
  const left = SIZE.pad + Math.min(190, widest(o.items.map((x) => x.name))) + 10;
  const label = (x: Pair) => `${x.used}/${x.of}`;
  const option = {
    ...base(),
    title: title(o.title, o.subtitle),
    legend: { top: HEAD - 8, left: SIZE.pad, textStyle: { fontSize: FONT.small } },
    grid: { left, right: SIZE.pad + widest(o.items.map(label)) + 12, top, height: o.items.length * row },
    xAxis: { type: 'value', show: false, max: Math.max(1, ...o.items.flatMap((x) => [x.used, x.of])) },
    yAxis: {
      type: 'category',
      inverse: true,
      data: o.items.map((x) => x.name),
      axisTick: { show: false },
      axisLine: { lineStyle: { color: RULE } },
      axisLabel: { fontSize: FONT.label, color: INK, width: 190, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        name: o.names.used,
        data: o.items.map((x) => ({ value: x.used, label: { formatter: asIs(label(x)) } })),
        barWidth: 16,
        itemStyle: { color: PALETTE[0] },
        label: { show: true, position: 'right', fontSize: FONT.small },
      },
      { type: 'bar', name: o.names.of, data: o.items.map((x) => x.of), barWidth: 16, itemStyle: { color: PALETTE[1] } },
    ],
  } as ChartOption;
  return { option, width: SIZE.width, height: top + o.items.length * row + FOOT };
}
