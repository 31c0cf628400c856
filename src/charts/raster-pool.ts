import { Worker } from 'node:worker_threads';
import { textToPaths } from './text-to-path';
import { SIZE } from './theme';

// Rasterising a chart takes 20–100 ms of native work, too long for the bot's event loop (the bar is 50 ms), and
// resvg-js 2.6 keeps each render's pixel memory (about 3 MB) until its thread ends. So PNGs are drawn on one worker
// thread, one at a time, and the thread is replaced after RECYCLE pictures, which hands its memory back.

const RECYCLE = 10;
let worker: Worker | null = null;
let used = 0;
let queue: Promise<unknown> = Promise.resolve();

function start(): Worker {
  const w = new Worker(new URL('./raster-worker.mjs', import.meta.url));
  w.unref();
  return w;
}

async function run(svg: string, width: number): Promise<Buffer> {
  // Text becomes outlines here (the font is open on this thread and its glyphs cached): the thread needs no font.
  const outlined = textToPaths(svg);
  worker ??= start();
  const w = worker;
  try {
    return await new Promise<Buffer>((resolve, reject) => {
      const done = () => {
        w.off('message', onMessage);
        w.off('error', onError);
      };
      const onMessage = (m: { png?: Uint8Array; error?: string }) => {
        done();
        if (m.png) resolve(Buffer.from(m.png.buffer, m.png.byteOffset, m.png.byteLength));
        else reject(new Error(`chart rasteriser: ${m.error}`));
      };
      const onError = (e: Error) => {
        done();
        reject(e);
      };
      w.on('message', onMessage);
      w.on('error', onError);
      w.postMessage({ svg: outlined, width: Math.round(width * SIZE.scale) });
    });
  } catch (e) {
    if (worker === w) worker = null;
    void w.terminate();
    throw e;
  } finally {
    if (worker === w && ++used >= RECYCLE) {
      used = 0;
      void w.terminate();
      // The next thread loads now, while the bot is idle, not when the next picture is asked for.
      worker = start();
    }
  }
}

/** The PNG of an SVG, drawn on the rasteriser's thread; one picture at a time, in the order asked. */
export function rasteriseOffThread(svg: string, width: number): Promise<Buffer> {
  const p = queue.then(
    () => run(svg, width),
    () => run(svg, width),
  );
  queue = p.catch(() => undefined);
  return p;
}

/** Ends the rasteriser's thread (tests, shutdown); the next picture starts a new one. */
export async function stopRasteriser(): Promise<void> {
  const w = worker;
  worker = null;
  used = 0;
  if (w) await w.terminate();
}
