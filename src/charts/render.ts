import { BarChart, LineChart, PieChart } from 'echarts/charts';
import { GraphicComponent, GridComponent, LegendComponent, TitleComponent } from 'echarts/components';
import * as echarts from 'echarts/core';
import { SVGRenderer } from 'echarts/renderers';
import { textWidth, weightOf } from './fonts';
import { withFormatters } from './formatters';
import { rasterise } from './raster';
import type { ChartSpec, Rendered } from './spec';
import { SIZE } from './theme';
import { drawOnChartThread } from './thread-pool';

// Charts are declared as ECharts options and rendered here, on the server: ECharts' SSR writes SVG (its labels
// measured with the same font that draws them), the labels become outlines, and resvg rasterises the result.

echarts.use([BarChart, LineChart, PieChart, GridComponent, TitleComponent, LegendComponent, GraphicComponent]);
echarts.use(SVGRenderer);
echarts.setPlatformAPI({
  measureText: (text: string, font?: string) => ({
    width: textWidth(text, Number(/([\d.]+)px/.exec(font ?? '')?.[1] ?? 12), weightOf(font)),
  }),
});

export type { ChartOption, ChartSpec, Rendered } from './spec';

/** The chart as ECharts draws it: an SVG whose labels are <text> elements. */
export function renderSvg(spec: ChartSpec): string {
  const chart = echarts.init(null, undefined, { renderer: 'svg', ssr: true, width: spec.width, height: spec.height });
  try {
    chart.setOption(withFormatters(spec.option) as echarts.EChartsCoreOption);
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** The chart drawn on this thread (tests, and the chart thread itself). */
export function renderChart(spec: ChartSpec): Rendered {
  const t0 = performance.now();
  const svg = renderSvg(spec);
  const t1 = performance.now();
  const png = rasterise(svg, spec.width);
  return {
    svg,
    png,
    width: Math.round(spec.width * SIZE.scale),
    height: Math.round(spec.height * SIZE.scale),
    ms: { svg: t1 - t0, raster: performance.now() - t1 },
  };
}

/** The chart drawn on the chart thread, off the event loop (what the bot sends); the same pixels as renderChart. */
export const renderChartAsync = (spec: ChartSpec): Promise<Rendered> => drawOnChartThread(spec);
