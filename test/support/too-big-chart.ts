import type { ChartSpec } from '../../src/charts';

// A chart far beyond anything the bot draws: ECharts' layout of 200,000 bars outgrows the chart thread's capped heap
// (7-11 s of allocation on a busy machine before V8 gives up), and the thread dies of it. Only small allocations:
// one allocation bigger than the heap's headroom would take the whole process down, not just the thread.
const n = 200_000;
export const tooBigForTheChartThread: ChartSpec = {
  width: 540,
  height: 400,
  option: {
    xAxis: { type: 'category', data: Array.from({ length: n }, (_, i) => `第${i}项`) },
    yAxis: { type: 'value' },
    series: [{ type: 'bar', data: Array.from({ length: n }, (_, i) => i) }],
  },
};
