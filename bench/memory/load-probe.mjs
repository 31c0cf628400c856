// Child of bench/memory/loader.ts: imports the module it is given, lets the loader settle, then prints its memory.
// Plain JavaScript, so that it runs the same with and without tsx.
import { readFileSync } from 'node:fs';

const status = () => {
  const s = readFileSync('/proc/self/status', 'utf8');
  const kb = (k) => Number(new RegExp(`^${k}:\\s+(\\d+)`, 'm').exec(s)?.[1] ?? Number.NaN) * 1024;
  return { rss: kb('VmRSS'), anon: kb('RssAnon'), files: kb('RssFile'), threads: kb('Threads') / 1024 };
};
const before = status();
const t0 = performance.now();
await import(process.argv[2]);
// how long loading the code took: most of what a restart costs before the database is opened
const loadMs = performance.now() - t0;
await new Promise((r) => setTimeout(r, 500));
globalThis.gc?.();
const m = process.memoryUsage();
process.stdout.write(JSON.stringify({ before, after: status(), heapUsed: m.heapUsed, heapTotal: m.heapTotal, loadMs }));
