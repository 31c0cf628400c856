// Charts for every area (issue 18): declared as ECharts options, rendered on the server to SVG and PNG. What the bot
// needs here is the specs and the chart thread, which draws them: ECharts itself (render.ts, with resvg in raster.ts)
// is loaded by that thread, and on the event loop's side only by what imports render.ts (the console's SVG, tests).
// Loaded at start it held 37 MB of the bot's memory for nothing (bench -- memory, the code loaded).
export { type Bar, barSections, barsChart, type Pair, pairedBars, type Section } from './bars';
export { type Element, type Figure, figures, footnote, HEAD, heading, type Line, lines, text } from './blocks';
export { type ColumnsInput, columnParts, columnsChart, type Series } from './columns';
export { count, exactMoney, money, percent, tick } from './numbers';
export type { ChartOption, ChartSpec, Rendered } from './spec';
export { base, FONT, INK, MUTED, PALETTE, PAPER, RULE, SIZE, title } from './theme';
export { drawOnChartThread as renderChartAsync, stopChartThread } from './thread-pool';
