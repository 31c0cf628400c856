// What running TypeScript through tsx costs against compiled JavaScript: the app's code (src/app.ts and all it
// imports) loaded in a fresh process each way, with npm start's node flags and after a full GC: through tsx, as
// `npm run build` compiles it (file for file, what `npm start` runs), and as one esbuild bundle with the packages left
// outside (what a bundling build would have saved over file for file).
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
import { buildOnce } from '../built';
import type { Row } from '../report';
import { startFlags } from '../start-flags';

const mb = (b: number) => Math.round((b / 2 ** 20) * 10) / 10;
const root = join(import.meta.dirname, '..', '..');
const probe = join(import.meta.dirname, 'load-probe.mjs');

type Probe = {
  before: { rss: number; anon: number; files: number; threads: number };
  after: { rss: number; anon: number; files: number; threads: number };
  heapUsed: number;
  heapTotal: number;
  loadMs: number;
};

const ROUNDS = 5;
const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const medianOf = <T extends Record<string, number>>(xs: T[]): T =>
  Object.fromEntries(Object.keys(xs[0]!).map((k) => [k, median(xs.map((x) => x[k]!))])) as T;
const medianProbe = (ps: Probe[]): Probe => ({
  before: medianOf(ps.map((p) => p.before)),
  after: medianOf(ps.map((p) => p.after)),
  heapUsed: median(ps.map((p) => p.heapUsed)),
  heapTotal: median(ps.map((p) => p.heapTotal)),
  loadMs: median(ps.map((p) => p.loadMs)),
});

function load(flags: string[], target: string): Probe {
  const out = execFileSync(process.execPath, [...startFlags(), '--expose-gc', ...flags, probe, target], {
    cwd: root,
    encoding: 'utf8',
  });
  return JSON.parse(out) as Probe;
}

/** Rows: node alone and with the app's code loaded, through tsx and compiled. */
export async function loaderRows(): Promise<Row[]> {
  // Inside the repository, so that the bundle finds node_modules (bench/.cache is not committed).
  const outdir = join(root, 'bench', '.cache', 'compiled');
  await build({
    entryPoints: [join(root, 'src', 'app.ts')],
    bundle: true,
    platform: 'node',
    format: 'esm',
    packages: 'external',
    // what the app imports when first used stays a chunk of its own, loaded then, as it is without a bundle
    splitting: true,
    outdir,
    outExtension: { '.js': '.mjs' },
    logLevel: 'error',
  });
  const forms = [
    { how: 'tsx (npm run dev)', flags: ['--import', 'tsx'], target: join(root, 'src', 'app.ts') },
    { how: 'built (npm run build, npm start)', flags: [], target: join(buildOnce(), 'src', 'app.js') },
    { how: 'one esbuild bundle', flags: [], target: join(outdir, 'app.mjs') },
  ];
  // On a shared machine one start says little: each form ROUNDS times, in turn, and the median of each figure.
  const probes = forms.map((): Probe[] => []);
  for (let r = 0; r < ROUNDS; r++) for (const [i, f] of forms.entries()) probes[i]!.push(load(f.flags, f.target));
  const runs = forms.map((f, i) => ({ how: f.how, p: medianProbe(probes[i]!) }));
  return runs.flatMap(({ how, p }): Row[] => [
    {
      loader: how,
      phase: 'node started',
      rss_mb: mb(p.before.rss),
      anon_mb: mb(p.before.anon),
      threads: p.before.threads,
    },
    {
      loader: how,
      phase: 'the code loaded, after a full GC',
      rss_mb: mb(p.after.rss),
      anon_mb: mb(p.after.anon),
      files_mb: mb(p.after.files),
      heap_used_mb: mb(p.heapUsed),
      heap_total_mb: mb(p.heapTotal),
      threads: p.after.threads,
      load_ms: Math.round(p.loadMs),
    },
  ]);
}
