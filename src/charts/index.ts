// Charts for every area (issue 18): declared as ECharts options, rendered on the server to SVG and PNG.
export { type Bar, barSections, barsChart, type Pair, pairedBars, type Section } from './bars';
export { type Element, type Figure, figures, footnote, HEAD, heading, type Line, lines, text } from './blocks';
export { type ColumnsInput, columnParts, columnsChart, type Series } from './columns';
export { count, exactMoney, money, percent, tick } from './numbers';
export { rasterise } from './raster';
export { type ChartOption, type ChartSpec, type Rendered, renderChart, renderChartAsync, renderSvg } from './render';
export { base, FONT, INK, MUTED, PALETTE, PAPER, RULE, SIZE, title } from './theme';
export { stopChartThread } from './thread-pool';
