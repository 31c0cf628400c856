import { html } from 'hono/html';

// Charts are drawn in the page by ECharts (served from node_modules/echarts/dist): the server writes the chart's
// option as JSON into a data attribute (escaped like any other value) and the console's script draws it.

export interface Series {
  name: string;
  data: (number | null)[];
  type?: 'bar' | 'line';
  /** A second axis on the right (rates in %, beside counts). */
  right?: boolean;
}

/** Bars (and lines) over categories: months, purposes, communities. */
export function barChart(id: string, title: string, categories: readonly string[], series: readonly Series[]) {
  const twoAxes = series.some((s) => s.right);
  const option = {
    title: { text: title, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'axis' },
    legend: { top: 24 },
    grid: { left: 48, right: twoAxes ? 48 : 16, top: 64, bottom: 32 },
    xAxis: { type: 'category', data: categories },
    yAxis: twoAxes ? [{ type: 'value' }, { type: 'value', max: 100 }] : [{ type: 'value' }],
    series: series.map((s) => ({
      name: s.name,
      type: s.type ?? 'bar',
      data: s.data,
      ...(s.right ? { yAxisIndex: 1 } : {}),
    })),
  };
  return chartDiv(id, title, option);
}

/** Parts of a whole (where the money went). */
export function pieChart(id: string, title: string, parts: readonly { name: string; value: number }[]) {
  const option = {
    title: { text: title, textStyle: { fontSize: 14 } },
    tooltip: { trigger: 'item' },
    legend: { bottom: 0 },
    series: [{ type: 'pie', radius: ['35%', '65%'], data: parts }],
  };
  return chartDiv(id, title, option);
}

const chartDiv = (id: string, title: string, option: object) =>
  html`<div class="chart" id="${id}" data-chart="${JSON.stringify(option)}" role="img" aria-label="${title}"></div>`;
