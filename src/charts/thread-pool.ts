import { OnDemandThread } from '../core/on-demand-thread';
import type { ChartSpec, Rendered } from './spec';

// Drawing a chart takes tens of ms of ECharts layout and native raster work, too long for the bot's event loop (no
// stall over 50 ms), so every picture the bot sends is drawn on one thread, one at a time, in the order asked. The
// thread keeps the open fonts and the glyph outlines between the pictures of a burst (a report sends several); a
// minute after the last it ends, as it then holds 100-200 MB for nothing (bench -- scale: the process's RSS fell from
// 504 to 309 MB when it ended). The next picture starts it again.
const IDLE_MS = 60_000;

let thread: OnDemandThread<{ rendered: Rendered & { png: Uint8Array } }> | undefined;

/** The chart drawn on the chart thread. */
export async function drawOnChartThread(spec: ChartSpec): Promise<Rendered> {
  thread ??= new OnDemandThread(new URL('./chart-thread.mjs', import.meta.url), {
    idleMs: IDLE_MS,
    failure: (message) => new Error(`chart thread: ${message}`),
  });
  const { rendered } = await thread.ask({ spec });
  const png = Buffer.from(rendered.png.buffer, rendered.png.byteOffset, rendered.png.byteLength);
  return { ...rendered, png };
}

/** Ends the chart thread (tests, shutdown); the next picture starts a new one. */
export async function stopChartThread(): Promise<void> {
  await thread?.stop();
}
