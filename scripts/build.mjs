// `npm run build`: the TypeScript the running bot loads (src, migrations) compiled to plain JavaScript in dist/, file
// for file in the same folders, with the locales and the files src reads beside its code (the playground's page, the
// console's assets, the threads' .mjs entries) copied. Production then runs without tsx, which cost the bot about
// 60 MB and its start time (issue 14 item 9; bench -- memory and scale measure both forms).
//
// esbuild rather than tsc: the sources import without extensions ('./config'), which Node's ESM loader cannot
// resolve and tsc does not rewrite (its rewriteRelativeImportExtensions needs './config.ts' in every import of 560
// files). esbuild resolves each import here and writes it with its .js extension; nothing is bundled, so every file
// keeps its own import.meta.url and the paths the code finds its neighbours by (../../locales, ./read-worker.mjs)
// hold in dist/ as in the sources.
//
//   node scripts/build.mjs [--outdir=dist] [folders or files to compile, default: src migrations]
import { cpSync, existsSync, mkdirSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { build } from 'esbuild';

const root = resolve(import.meta.dirname, '..');
const args = process.argv.slice(2);
const outdir = resolve(root, args.find((a) => a.startsWith('--outdir='))?.slice('--outdir='.length) ?? 'dist');
const folders = args.filter((a) => !a.startsWith('--'));
if (folders.length === 0) folders.push('src', 'migrations');
// Written into every build: a folder without it is never emptied (a mistyped --outdir must not delete anything).
const MARK = '.linli-build';

function files(path) {
  if (!statSync(path).isDirectory()) return [path];
  return readdirSync(path, { withFileTypes: true }).flatMap((e) => files(join(path, e.name)));
}

if (existsSync(outdir) && readdirSync(outdir).length > 0 && !existsSync(join(outdir, MARK)))
  throw new Error(`${outdir} is not a build folder (no ${MARK} in it); choose another --outdir`);
// Built beside the old build and swapped in at the end: a bot running from it (started once, a rebuild on deploy)
// still finds its threads' files and lazy imports while the new one is written, and a build that fails leaves the
// old one whole for the next start. A new folder also drops files removed from the sources (a migration above all).
const staging = `${outdir}.building-${process.pid}`;
rmSync(staging, { recursive: true, force: true });
// Gone by then when the build succeeded; what a failed build wrote otherwise.
process.on('exit', () => rmSync(staging, { recursive: true, force: true }));

const sources = folders.flatMap((f) => files(join(root, f)));
const code = sources.filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'));
const t0 = performance.now();

/** Every import stays an import: relative ones get the extension of the file they name, once compiled. */
const keepImports = {
  name: 'keep-imports',
  setup(b) {
    b.onResolve({ filter: /.*/ }, (a) => {
      if (a.kind === 'entry-point') return undefined;
      if (!a.path.startsWith('.')) return { path: a.path, external: true };
      const target = resolve(a.resolveDir, a.path);
      if (/\.(m?js|json)$/.test(a.path)) return { path: a.path, external: true };
      if (existsSync(`${target}.ts`)) return { path: `${a.path}.js`, external: true };
      if (existsSync(join(target, 'index.ts'))) return { path: `${a.path}/index.js`, external: true };
      return { errors: [{ text: `cannot resolve ${a.path} from ${relative(root, a.importer)}` }] };
    });
  },
};

await build({
  entryPoints: code,
  outbase: root,
  outdir: staging,
  bundle: true,
  plugins: [keepImports],
  platform: 'node',
  format: 'esm',
  target: 'node20',
  // Chinese stays Chinese in the built files (and smaller than \u escapes)
  charset: 'utf8',
  logLevel: 'warning',
});

// What the code reads or starts beside itself: src's other files (.mjs threads, the playground's and console's
// pages) and the locales (found as ../../locales from src/i18n).
for (const f of sources.filter((f) => f.startsWith(join(root, 'src')) && !f.endsWith('.ts'))) {
  const to = join(staging, relative(root, f));
  mkdirSync(dirname(to), { recursive: true });
  cpSync(f, to);
}
cpSync(join(root, 'locales'), join(staging, 'locales'), { recursive: true });
// .js is ESM wherever the build is put (a test builds into a temporary folder).
writeFileSync(join(staging, 'package.json'), `${JSON.stringify({ type: 'module', private: true })}\n`);
writeFileSync(join(staging, MARK), '');
// Two renames: the folder is missing for microseconds, not for the whole build as when it was emptied first.
const old = `${outdir}.old-${process.pid}`;
if (existsSync(outdir)) renameSync(outdir, old);
renameSync(staging, outdir);
rmSync(old, { recursive: true, force: true });
const kb = Math.round(files(outdir).reduce((n, f) => n + statSync(f).size, 0) / 1024);
console.error(
  `built ${code.length} files into ${relative(process.cwd(), outdir) || '.'} (${kb} kB) in ${Math.round(performance.now() - t0)} ms`,
);
