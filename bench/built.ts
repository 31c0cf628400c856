// The measured process of a bench in either form: built (npm run build's compiler, node alone, as `npm start` runs
// the bot in production) or from the sources through tsx (as `npm run dev` runs it). The bench's own child files are
// compiled with the app so that the built form loads no TypeScript at all.
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { startFlags } from './start-flags';

const root = join(import.meta.dirname, '..');
export const BUILT_DIR = join(root, 'bench', '.cache', 'built');
let built = false;

/** Compiles src, the migrations and the bench's child files into bench/.cache/built, once per bench run. */
export function buildOnce(): string {
  if (!built) {
    execFileSync(
      process.execPath,
      ['scripts/build.mjs', `--outdir=${BUILT_DIR}`, 'src', 'migrations', 'bench/scale', 'bench/anatomy.ts'],
      { cwd: root, stdio: ['ignore', 'ignore', 'inherit'] },
    );
    built = true;
  }
  return BUILT_DIR;
}

export type Form = 'built' | 'tsx';

/** The file to fork and its node flags: `bench/<path>` (no extension) built, or its .ts through tsx. */
export function childOf(path: string, form: Form): { file: string; execArgv: string[] } {
  if (form === 'tsx')
    return { file: join(root, 'bench', `${path}.ts`), execArgv: [...startFlags(), '--import', 'tsx'] };
  return { file: join(buildOnce(), 'bench', `${path}.js`), execArgv: startFlags() };
}
