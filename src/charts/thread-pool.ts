import { Worker } from 'node:worker_threads';
import type { ChartSpec, Rendered } from './spec';

// Drawing a chart takes tens of ms of ECharts layout and native raster work, too long for the bot's event loop (no
// stall over 50 ms), so every picture the bot sends is drawn on one thread, one at a time, in the order asked. The
// thread is kept: it holds the open fonts and the glyph outlines, which make the next picture fast.

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

type Message = { spec: ChartSpec } | { memory: 'as-is' | 'collected' };
type Answer = { id: number; rendered?: Rendered & { png: Uint8Array }; memory?: ThreadMemory; error?: string };
type Owed = { message: Message; resolve: (a: Answer) => void; reject: (e: Error) => void };

let worker: Worker | null = null;
let next = 0;
/** What the thread owes, oldest first (a Map keeps the order things were asked in). */
const owed = new Map<number, Owed>();

function start(): Worker {
  const w = new Worker(new URL('./chart-thread.mjs', import.meta.url));
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

// A thread that dies takes its pictures with it; the next picture starts a new one.
function died(w: Worker, e: Error) {
  if (worker !== w) return; // the 'exit' after an 'error', or stopped on purpose
  worker = null;
  for (const o of owed.values()) o.reject(e);
  owed.clear();
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

/** The chart thread's own memory (bench), as it is or after a full collection; null when no thread runs. */
export async function chartThreadMemory(how: 'as-is' | 'collected' = 'as-is'): Promise<ThreadMemory | null> {
  if (!worker) return null;
  return (await ask({ memory: how })).memory!;
}

/** Ends the chart thread (tests, shutdown): what it still owes fails; the next picture starts a new one. */
export async function stopChartThread(): Promise<void> {
  const w = worker;
  worker = null;
  if (w) await w.terminate();
  for (const o of owed.values()) o.reject(new Error('chart thread stopped'));
  owed.clear();
}
