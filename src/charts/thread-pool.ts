import { Worker } from 'node:worker_threads';
import type { ChartSpec, Rendered } from './spec';

// Drawing a chart takes tens of ms of ECharts layout and native raster work, too long for the bot's event loop (no
// stall over 50 ms), so every picture the bot sends is drawn on one thread, one at a time, in the order asked. The
// thread is kept: it holds the open fonts and the glyph outlines, which make the next picture fast.

let worker: Worker | null = null;
let next = 0;
const waiting = new Map<number, { resolve: (r: Rendered) => void; reject: (e: Error) => void }>();

type Answer = { id: number; rendered?: Rendered & { png: Uint8Array }; error?: string };

function failAll(e: Error) {
  for (const w of waiting.values()) w.reject(e);
  waiting.clear();
}

function start(): Worker {
  const w = new Worker(new URL('./chart-thread.mjs', import.meta.url));
  w.on('message', ({ id, rendered, error }: Answer) => {
    const p = waiting.get(id);
    if (!p) return;
    waiting.delete(id);
    if (waiting.size === 0) w.unref();
    if (rendered) {
      const png = Buffer.from(rendered.png.buffer, rendered.png.byteOffset, rendered.png.byteLength);
      p.resolve({ ...rendered, png });
    } else p.reject(new Error(`chart thread: ${error}`));
  });
  // A thread that dies takes its pictures with it; the next picture starts a new one.
  w.on('error', (e) => {
    if (worker === w) worker = null;
    failAll(e);
  });
  w.on('exit', () => {
    if (worker === w) worker = null;
    failAll(new Error('chart thread stopped'));
  });
  w.unref();
  return w;
}

/** The chart drawn on the chart thread. */
export function drawOnChartThread(spec: ChartSpec): Promise<Rendered> {
  worker ??= start();
  const id = next++;
  const p = new Promise<Rendered>((resolve, reject) => waiting.set(id, { resolve, reject }));
  // Kept alive while a picture is owed (an idle thread never holds the process open).
  worker.ref();
  worker.postMessage({ id, spec });
  return p;
}

/** Ends the chart thread (tests, shutdown); the next picture starts a new one. */
export async function stopChartThread(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
}
