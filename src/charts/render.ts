import type { EChartsOption } from 'echarts';
import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { textWidth, weightOf } from './fonts';
import { rasterise } from './raster';
import { rasteriseOffThread } from './raster-pool';
import { SIZE } from './theme';

// Charts are declared as ECharts options and rendered here, on the server: ECharts' SSR writes SVG (its labels
// measured with the same font that draws them), the labels become outlines, and resvg rasterises the result.

echarts.use([BarChart, LineChart, PieChart, GridComponent, TitleComponent, LegendComponent, GraphicComponent]);
echarts.use(SVGRenderer);
echarts.setPlatformAPI({
  measureText: (text: string, font?: string) => ({
    width: textWidth(text, Number(/([\d.]+)px/.exec(font ?? '')?.[1] ?? 12), weightOf(font)),
  }),
});

export type ChartOption = EChartsOption;

/** A chart: its option, and its size in CSS pixels (the PNG is SIZE.scale times larger). */
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
}

/** The chart as ECharts draws it: an SVG whose labels are <text> elements. */
export function renderSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(spec.option as echarts.EChartsCoreOption);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

export function renderChart(spec: ChartSpec): Rendered {
  const svg = renderSvg(spec);
  return {
    svg,
    png: rasterise(svg, spec.width),
    width: Math.round(spec.width * SIZE.scale),
    height: Math.round(spec.height * SIZE.scale),
  };
}

/** The chart drawn as renderChart draws it, with the PNG rasterised off the event loop (what the bot sends). */
export async function renderChartAsync(spec: ChartSpec): Promise<Rendered> {
  const svg = renderSvg(spec);
  return {
    svg,
    png: await rasteriseOffThread(svg, spec.width),
    width: Math.round(spec.width * SIZE.scale),
    height: Math.round(spec.height * SIZE.scale),
  };
}
