// The chart thread (see thread-pool.ts): a ChartSpec in, its SVG and PNG out, drawn off the bot's event loop.
// Plain JS, so that it starts the same under `node --import tsx`, vitest, the bench and the build (npm run build):
// it loads the renderer itself, compiled beside it once built, else the TypeScript through tsx's API.
import { existsSync } from 'node:fs';
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';

const built = new URL('./render.js', import.meta.url);
const { renderChart } = existsSync(built)
  ? await import(built.href)
  : await (await import('tsx/esm/api')).tsImport('./render.ts', import.meta.url);

// resvg-js's images hold their pixels (3–6 MB) in native memory that V8 does not count, so nothing prompts a
// collection and they pile up (what looked like a leak, upstream thx/resvg-js#216). So the thread collects its young
// objects after each picture (a few ms), once the answer is sent and the message's handles are released (a
// collection inside the handler frees nothing). The old generation is left to V8 under the heap cap set in
// thread-pool.ts: a forced full collection every tenth picture took 58–83 ms each and twice the collection time
// over 500 pictures for no less memory (bench -- charts). On Node 20, gc({ type: 'major' }) runs a young collection
// only (gc() is the full one), so the forced one had never run: the heap grew to V8's own limit, up to 160 MB.
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
let drawn = 0;

parentPort.on('message', ({ id, spec, memory }) => {
  if (memory) {
    // This thread's own heap (process.memoryUsage() here counts this isolate's heap and external memory, and the
    // whole process's RSS), for the bench to split the process's memory between the threads and native memory.
    const { heapTotal, heapUsed, external, arrayBuffers } = process.memoryUsage();
    const { total_physical_size: heapPhysical, malloced_memory: malloced } = getHeapStatistics();
    const spaces = Object.fromEntries(
      getHeapSpaceStatistics().map((s) => [s.space_name, { size: s.space_size, used: s.space_used_size }]),
    );
    parentPort.postMessage({
      id,
      memory: { heapTotal, heapUsed, heapPhysical, malloced, external, arrayBuffers, drawn, spaces },
    });
    return;
  }
  try {
    const r = renderChart(spec);
    parentPort.postMessage({ id, rendered: r }, [r.png.buffer]);
  } catch (e) {
    parentPort.postMessage({ id, error: e instanceof Error ? e.message : String(e) });
  }
  drawn++;
  setImmediate(() => gc({ type: 'minor' }));
});
