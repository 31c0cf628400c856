import { Worker } from 'node:worker_threads';
import type { ChartSpec, Rendered } from './spec';

// Drawing a chart takes tens of ms of ECharts layout and native raster work, too long for the bot's event loop (no
// stall over 50 ms), so every picture the bot sends is drawn on one thread, one at a time, in the order asked. The
// thread is kept: it holds the open fonts and the glyph outlines, which make the next picture fast.

// The thread's old generation is capped. Its live objects (ECharts, the fonts, the glyph outlines) stay near 30 MB,
// but V8 raised its own limit as pictures kept coming and kept the garbage in between: the thread's heap grew from
// 70 to 145–160 MB over 1,050 pictures, nearly all of the process's growth (glibc's arenas and the rest of native
// memory did not grow; MALLOC_ARENA_MAX changed only their fixed size). Under the cap V8 runs its own incremental
// full collections, one every 8–9 pictures at 9–16 ms, and the heap stays at 60–70 MB (`npm run bench -- charts`).
// The cap leaves twice the live size: a picture that needs more kills the thread (see died()), and one allocation
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

type Message = { spec: ChartSpec } | { memory: true };
type Answer = { id: number; rendered?: Rendered & { png: Uint8Array }; memory?: ThreadMemory; error?: string };
type Owed = { message: Message; resolve: (a: Answer) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let next = 0;
/** What the thread owes, oldest first (a Map keeps the order things were asked in). */
const owed = new Map<number, Owed>();

function start(): Worker {
  const w = new Worker(new URL('./chart-thread.mjs', import.meta.url), {
    resourceLimits: { maxOldGenerationSizeMb: OLD_GENERATION_MB },
  });
  w.on('message', (a: Answer) => {
    const p = owed.get(a.id);
    if (!p) return;
    owed.delete(a.id);
    if (owed.size === 0) w.unref();
    if (a.error === undefined) p.resolve(a);
    else p.reject(new Error(`chart thread: ${a.error}`));
  });
  w.on('error', (e) => died(w, e));
  w.on('exit', () => died(w, new Error('chart thread stopped')));
  w.unref();
  return w;
}

function post(id: number, message: Message) {
  worker ??= start();
  // Kept alive while an answer is owed (an idle thread never holds the process open).
  worker.ref();
  worker.postMessage({ id, ...message });
}

// A thread that dies (a picture too big for the cap) fails only the picture it was drawing: it draws one at a time,
// in order, so that is the oldest owed. Those asked after it go to a new thread, in the same order, so a caller
// never sees the replacement.
function died(w: Worker, e: Error) {
  if (worker !== w) return; // the 'exit' after an 'error', or stopped on purpose
  worker = null;
  const [first, ...rest] = owed.entries();
  if (!first) return;
  owed.delete(first[0]);
  first[1].reject(e);
  for (const [id, o] of rest) post(id, o.message);
}

function ask(message: Message): Promise<Answer> {
  const id = next++;
  const p = new Promise<Answer>((resolve, reject) => owed.set(id, { message, resolve, reject }));
  post(id, message);
  return p;
}

/** The chart drawn on the chart thread. */
export async function drawOnChartThread(spec: ChartSpec): Promise<Rendered> {
  const { rendered } = await ask({ spec });
  const png = Buffer.from(rendered!.png.buffer, rendered!.png.byteOffset, rendered!.png.byteLength);
  return { ...rendered!, png };
}

/** The chart thread's own memory (bench), or null when no thread runs. */
export async function chartThreadMemory(): Promise<ThreadMemory | null> {
  if (!worker) return null;
  return (await ask({ memory: true })).memory!;
}

/** Ends the chart thread (tests, shutdown): what it still owes fails; the next picture starts a new one. */
export async function stopChartThread(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
  for (const o of owed.values()) o.reject(new Error('chart thread stopped'));
  owed.clear();
}
