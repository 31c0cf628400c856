import type { EChartsOption } from 'echarts';

// What a chart is, as data, and what drawing it gives.

export type ChartOption = EChartsOption;

/**
 * A chart: its option, and its size in CSS pixels (the PNG is SIZE.scale times larger). Data only — formatters are
 * named (formatters.ts) — so that it can be handed to the chart thread.
 */
export interface ChartSpec {
  option: ChartOption;
  width: number;
  height: number;
}

export interface Rendered {
  /** ECharts' SVG, labels as text (what tests read). */
  svg: string;
  png: Buffer;
  /** The PNG's size in pixels. */
  width: number;
  height: number;
  /** Where the time went, in ms: ECharts' SVG, and outlines + raster + PNG encoding. */
  ms: { svg: number; raster: number };
}
