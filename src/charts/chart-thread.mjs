// The chart thread (see thread-pool.ts): a ChartSpec in, its SVG and PNG out, drawn off the bot's event loop.
// Plain JS, so that it starts the same under `node --import tsx`, vitest and the bench: it loads the TypeScript
// renderer itself.
import { getHeapSpaceStatistics, getHeapStatistics, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { parentPort } from 'node:worker_threads';
import { tsImport } from 'tsx/esm/api';

const { renderChart } = await tsImport('./render.ts', import.meta.url);

// resvg-js's images hold their pixels (3–6 MB) in native memory that V8 does not count, so nothing prompts a
// collection and they pile up (what looked like a leak, upstream thx/resvg-js#216). So the thread collects: young
// objects after each picture (a few ms), everything after every MAJOR_EVERY pictures (a full collection of this
// thread's heap, with ECharts and the fonts in it, takes 30–130 ms, so not each time). Both run once the answer is
// sent, and only after the message's handles are released (a collection inside the handler frees nothing).
const MAJOR_EVERY = 10;
setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc');
let drawn = 0;

parentPort.on('message', ({ id, spec, memory }) => {
  if (memory) {
    if (memory === 'collected') gc({ type: 'major' });
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
  const type = ++drawn % MAJOR_EVERY === 0 ? 'major' : 'minor';
  setImmediate(() => gc({ type }));
});
