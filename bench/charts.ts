import { loadavg } from 'node:os';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { Resvg } from '@resvg/resvg-js';
import { type ChartSpec, renderChartAsync, SIZE, stopChartThread } from '../src/charts';
import { renderSvg } from '../src/charts/render';
import { textToPaths } from '../src/charts/text-to-path';
import { pictures } from './charts/fixtures';
import { memorySplit } from './charts/memory-split';
import { type Row, report } from './report';

// npm run bench -- charts [--n=40]: each picture the bot sends, drawn N times the way the bot draws it (on the chart
// thread), with p50/p99 of ECharts' SVG step, of the raster step (outlines, resvg, PNG encoding) and of the whole
// round trip; the longest stall of this event loop meanwhile; and the process's memory after the first pictures,
// after 300 and after 1,050, split between the V8 heaps, external memory, mapped files and native memory (glibc's
// arenas shown apart; run with MALLOC_ARENA_MAX=1 or 2 to compare), with each part's growth.
// Two side tables show why the choices were made: the raster at 1080 px against the width drawn now, and resvg's
// memory in one thread with and without a young-generation collection after each picture.

const BAR_MS = 50;
const BAR_MB = 30;

const arg = (name: string, d: number) =>
  Number(process.argv.find((a) => a.startsWith(`--${name}=`))?.split('=')[1] ?? d);
const pct = (xs: number[], p: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.floor((p / 100) * s.length))] ?? 0;
};
const ms = (x: number) => Math.round(x * 10) / 10;
const mb = (x: number) => Math.round(x / 1e5) / 10;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as (o?: { type: 'minor' | 'major' }) => void;
const memory = () => {
  const m = process.memoryUsage();
  return { rss: m.rss, external: m.external };
};
/** Where the process's memory growth is measured, in pictures drawn on the chart thread. */
const CHECKPOINTS = [300, 1050];

/**
 * The split once this thread has collected its own garbage (the PNGs and SVGs handed back to it), a second later:
 * V8 and glibc give pages back from threads of their own, which lag on a busy machine.
 */
async function settledSplit(pictures: number) {
  gc();
  await new Promise((r) => setTimeout(r, 1000));
  return { pictures, load: loadavg()[0]!, ...(await memorySplit()) };
}

function splitRows(splits: Awaited<ReturnType<typeof settledSplit>>[]): Row[] {
  const s0 = splits[0]!;
  return splits.map((s) => ({
    pictures: s.pictures,
    rss: mb(s.rss),
    'rss growth': mb(s.rss - s0.rss),
    'main heap': mb(s.mainHeap),
    'thread heap': mb(s.threadHeap),
    'thread heap used': mb(s.threadHeapUsed),
    'thread heap growth': mb(s.threadHeap - s0.threadHeap),
    external: mb(s.external),
    files: mb(s.files),
    'native outside V8': mb(s.native),
    'native growth': mb(s.native - s0.native),
    'malloc arenas': `${mb(s.arenas)} (${s.arenaCount})`,
    'load 1m': Math.round(s.load * 100) / 100,
    [`growth < ${BAR_MB} MB`]: s === s0 ? null : s.rss - s0.rss < BAR_MB * 1e6,
  }));
}

async function onThread(specs: [string, ChartSpec][], n: number) {
  const rows: Row[] = [];
  const stall = monitorEventLoopDelay({ resolution: 1 });
  stall.enable();
  for (const [name, spec] of specs) {
    const svg: number[] = [];
    const raster: number[] = [];
    const total: number[] = [];
    const extra: number[] = [];
    let bytes = 0;
    for (let i = 0; i < n; i++) {
      // The process's memory sampled while the thread draws (this event loop is free meanwhile): the picture's
      // own extra memory is the highest it reaches over where it started.
      const start = process.memoryUsage.rss();
      let peak = 0;
      const sampler = setInterval(() => {
        peak = Math.max(peak, process.memoryUsage.rss() - start);
      }, 1);
      const t0 = performance.now();
      const r = await renderChartAsync(spec);
      total.push(performance.now() - t0);
      clearInterval(sampler);
      extra.push(Math.max(peak, process.memoryUsage.rss() - start));
      svg.push(r.ms.svg);
      raster.push(r.ms.raster);
      bytes = r.png.length;
    }
    const p99 = pct(total, 99);
    rows.push({
      picture: name,
      'svg p50': ms(pct(svg, 50)),
      'svg p99': ms(pct(svg, 99)),
      'raster p50': ms(pct(raster, 50)),
      'raster p99': ms(pct(raster, 99)),
      'total p50': ms(pct(total, 50)),
      'total p99': ms(p99),
      'png kB': Math.round(bytes / 1000),
      'extra MB p99': mb(pct(extra, 99)),
      [`p99 < ${BAR_MS} ms`]: p99 < BAR_MS,
      [`extra < ${BAR_MB} MB`]: pct(extra, 99) < BAR_MB * 1e6,
    });
  }
  stall.disable();
  return { rows, longestStallMs: ms(stall.max / 1e6) };
}

/** The raster step alone, in this thread, at 1080 px (the width drawn before) and at the width drawn now. */
function widths(specs: [string, ChartSpec][], n: number): Row[] {
  const at = (svg: string, px: number) => {
    const t0 = performance.now();
    new Resvg(svg, { fitTo: { mode: 'width', value: px }, font: { loadSystemFonts: false }, background: '#fff' })
      .render()
      .asPng();
    return performance.now() - t0;
  };
  const now = Math.round(SIZE.width * SIZE.scale);
  return specs.map(([name, spec]) => {
    const svg = textToPaths(renderSvg(spec));
    const wide: number[] = [];
    const chosen: number[] = [];
    for (let i = 0; i < n; i++) {
      wide.push(at(svg, 1080));
      chosen.push(at(svg, now));
    }
    return { picture: name, '1080 px p50': ms(pct(wide, 50)), [`${now} px p50`]: ms(pct(chosen, 50)) };
  });
}

/** resvg's pictures in this thread, left to V8 as they were, then with a young-generation collection after each. */
async function collection(specs: [string, ChartSpec][], n: number): Promise<Row[]> {
  const svgs = specs.map(([, s]) => textToPaths(renderSvg(s)));
  const rows: Row[] = [];
  for (const collect of [false, true]) {
    gc();
    await new Promise((r) => setTimeout(r, 50));
    const before = memory().rss;
    for (let i = 0; i < n; i++) {
      const img = new Resvg(svgs[i % svgs.length]!, {
        fitTo: { mode: 'width', value: Math.round(SIZE.width * SIZE.scale) },
        font: { loadSystemFonts: false },
      }).render();
      img.asPng();
      await new Promise((r) => setImmediate(r));
      if (collect) gc({ type: 'minor' });
    }
    rows.push({
      'after each picture': collect ? 'minor GC' : 'nothing',
      pictures: n,
      'extra RSS MB': mb(memory().rss - before),
    });
  }
  return rows;
}

export async function main(): Promise<void> {
  const n = arg('n', 40);
  const specs = [
    ...pictures('zh-CN'),
    ...pictures('en')
      .slice(0, 1)
      .map(([k, s]) => [`${k} (en)`, s] as [string, ChartSpec]),
  ];
  const loadBefore = loadavg();

  const t0 = performance.now();
  await renderChartAsync(specs[0]![1]); // the thread starts, loads the renderer and opens the fonts
  const coldMs = ms(performance.now() - t0);
  // Each chart's code paths warmed before memory is first read: the first few pictures, what growth is counted from.
  for (let round = 0; round < 3; round++) for (const [, s] of specs) await renderChartAsync(s);
  const first = await settledSplit(specs.length * 3 + 1);
  // Many more pictures, one after another as a busy bot would ask, so that anything kept per picture would show: the
  // split at 300 and at 1,050. The timed pictures come after, so that their sampling is not under this measurement.
  const splits = [first];
  let drawn = first.pictures;
  for (const at of CHECKPOINTS) {
    for (; drawn < at; drawn++) await renderChartAsync(specs[drawn % specs.length]![1]);
    splits.push(await settledSplit(drawn));
  }
  const { rows, longestStallMs } = await onThread(specs, n);
  await stopChartThread();
  const memoryRows = splitRows(splits);
  const last = memoryRows.at(-1)!;
  // After the chart thread's memory is read, so that these pictures' memory does not come and go under it.
  const gcRows = await collection(specs.slice(0, 6), 120);
  const widthRows = widths(specs.slice(0, 6), Math.min(n, 15));
  const loadAfter = loadavg();

  report('charts', rows, {
    n,
    scale: SIZE.scale,
    pngWidth: Math.round(SIZE.width * SIZE.scale),
    coldFirstPictureMs: coldMs,
    longestEventLoopStallMs: longestStallMs,
    memory: memoryRows,
    memoryBar: { mb: BAR_MB, met: memoryRows.every((r) => r[`growth < ${BAR_MB} MB`] !== false) },
    rasterWidths: widthRows,
    collection: gcRows,
    loadavg: { before: loadBefore, after: loadAfter },
  });
  console.log(
    `first picture (thread start, fonts): ${coldMs} ms; longest event-loop stall while drawing: ${longestStallMs} ms`,
  );
  console.log(
    `load average before ${loadBefore.map((x) => x.toFixed(2)).join(' ')}, after ${loadAfter.map((x) => x.toFixed(2)).join(' ')}`,
  );
  const { table } = await import('./report');
  table(
    `charts: the process's memory after the first pictures, 300 and 1,050 (MB; growth = rss − the first row)`,
    memoryRows,
  );
  console.log(`rss growth at ${last.pictures} pictures: ${last['rss growth']} MB (bar ${BAR_MB} MB)`);
  table('charts: raster width (this thread)', widthRows);
  table('charts: resvg memory and collection (this thread)', gcRows);
}
