import type { Locale } from '../config';
import { HEAD } from './blocks';
import { tickIn } from './formatters';
import type { ChartOption } from './spec';
import { base, FONT, MUTED, PALETTE, RULE, SIZE, title } from './theme';

// Columns by month (stacked or side by side) with lines: the trend charts.

export interface Series {
  name: string;
  data: readonly number[];
  /** 'bar' (default) or 'line'; `right` reads it against a second axis on the right (another unit). */
  type?: 'bar' | 'line';
  right?: boolean;
  color?: string;
}

export interface ColumnsInput {
  title?: string;
  subtitle?: string;
  categories: readonly string[];
  series: readonly Series[];
  stacked?: boolean;
  /** Axis ticks are numbers in the reader's way ('2万' / '20k'). */
  locale: Locale;
  /** Where the legend starts and how tall the plot is. */
  top?: number;
  plotHeight?: number;
}

/** The option parts of a column chart, to be placed at `top` (a picture may have figures above it). */
export function columnParts(o: ColumnsInput) {
  const top = o.top ?? HEAD;
  const plot = o.plotHeight ?? 260;
  const dual = o.series.some((s) => s.right);
  const axis = {
    type: 'value' as const,
    minInterval: 1,
    axisLabel: { fontSize: FONT.small, color: MUTED, formatter: tickIn(o.locale) },
    splitLine: { lineStyle: { color: RULE } },
  };
  return {
    legend: { top, left: SIZE.pad, itemGap: 14, textStyle: { fontSize: FONT.small } },
    grid: { left: SIZE.pad + 48, right: SIZE.pad + (dual ? 48 : 8), top: top + 44, height: plot },
    xAxis: {
      type: 'category' as const,
      data: [...o.categories],
      axisTick: { show: false },
      axisLabel: { fontSize: FONT.small, color: MUTED, hideOverlap: true },
      axisLine: { lineStyle: { color: RULE } },
    },
    yAxis: dual ? [axis, { ...axis, splitLine: { show: false } }] : axis,
    series: o.series.map((s, i) => ({
      type: s.type ?? 'bar',
      name: s.name,
      data: [...s.data],
      yAxisIndex: s.right ? 1 : 0,
      stack: o.stacked && (s.type ?? 'bar') === 'bar' ? 'all' : undefined,
      barMaxWidth: 26,
      symbolSize: 7,
      lineStyle: { width: 3 },
      itemStyle: { color: s.color ?? PALETTE[i % PALETTE.length] },
    })),
    /** Height from `top` to the foot of the axis labels. */
    height: 44 + plot + 36,
  };
}

/** A column chart on its own. */
export function columnsChart(o: ColumnsInput) {
  const { height, ...parts } = columnParts(o);
  const option = { ...base(), title: title(o.title ?? '', o.subtitle), ...parts } as ChartOption;
  return { option, width: SIZE.width, height: (o.top ?? HEAD) + height + 12 };
}
