// What running TypeScript through tsx costs against compiled JavaScript: the app's code (src/app.ts and all it
// imports) loaded in a fresh process each way, with npm start's node flags and after a full GC. The compiled twin is
// one esbuild bundle (esbuild comes with tsx) with the packages left outside, as a build step would make it.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { build } from 'esbuild';
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
};

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
  const runs = [
    { how: 'tsx (npm start today)', p: load(['--import', 'tsx'], join(root, 'src', 'app.ts')) },
    { how: 'compiled (esbuild bundle)', p: load([], join(outdir, 'app.mjs')) },
  ];
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
    },
  ]);
}
