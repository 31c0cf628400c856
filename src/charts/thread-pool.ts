import { OnDemandThread } from '../core/on-demand-thread';
import type { ChartSpec, Rendered } from './spec';

// Drawing a chart takes tens of ms of ECharts layout and native raster work, too long for the bot's event loop (no
// stall over 50 ms), so every picture the bot sends is drawn on one thread, one at a time, in the order asked. The
// thread keeps the open fonts and the glyph outlines between the pictures of a burst (a report sends several); a
// minute after the last it ends, as it then holds 100-200 MB for nothing (bench -- scale: the process's RSS fell from
// 504 to 309 MB when it ended). The next picture starts it again.
const IDLE_MS = 60_000;

// The thread's old generation is capped. Its live objects (ECharts, the fonts, the glyph outlines) stay near 30 MB,
// but V8 raised its own limit as pictures kept coming and kept the garbage in between: the thread's heap grew from
// 70 to 145–160 MB over 1,050 pictures, nearly all of the process's growth (glibc's arenas and the rest of native
// memory did not grow; MALLOC_ARENA_MAX changed only their fixed size). Under the cap V8 runs its own incremental
// full collections, one every 8–9 pictures at 9–16 ms, and the heap stays at 60–70 MB (`npm run bench -- charts`).
// The cap leaves twice the live size: a picture that needs more kills the thread (replaced, see replaceWhenDead), and one allocation
// bigger than the headroom plus Node's 16 MB grace would kill the process: no spec may carry one huge string or array.
const OLD_GENERATION_MB = 64;

/** The chart thread's own memory, in bytes (the bench splits the process's memory with it). */
export interface ThreadMemory {
  heapTotal: number;
  heapUsed: number;
  /** The thread's V8 heap as resident pages. */
  heapPhysical: number;
  /** What V8 itself allocated with malloc for this isolate. */
  malloced: number;
  external: number;
  arrayBuffers: number;
  drawn: number;
  /** Each V8 heap space's size and use (new_space, old_space, large_object_space …). */
  spaces: Record<string, { size: number; used: number }>;
}

type Answer = { rendered?: Rendered & { png: Uint8Array }; memory?: ThreadMemory };

let thread: OnDemandThread<Answer> | undefined;

function ask(message: { spec: ChartSpec } | { memory: true }): Promise<Answer> {
  thread ??= new OnDemandThread<Answer>(new URL('./chart-thread.mjs', import.meta.url), {
    idleMs: IDLE_MS,
    failure: (message) => new Error(`chart thread: ${message}`),
    resourceLimits: { maxOldGenerationSizeMb: OLD_GENERATION_MB },
    replaceWhenDead: true,
  });
  return thread.ask(message);
}

/** The chart drawn on the chart thread. */
export async function drawOnChartThread(spec: ChartSpec): Promise<Rendered> {
  const { rendered } = await ask({ spec });
  const png = Buffer.from(rendered!.png.buffer, rendered!.png.byteOffset, rendered!.png.byteLength);
  return { ...rendered!, png };
}

/** The chart thread's own memory (bench), or null when no thread runs. */
export async function chartThreadMemory(): Promise<ThreadMemory | null> {
  if (!thread?.running) return null;
  return (await ask({ memory: true })).memory!;
}

/** Ends the chart thread (tests, shutdown): what it still owes fails; the next picture starts a new one. */
export async function stopChartThread(): Promise<void> {
  await thread?.stop();
}
