import { type ChildProcess, spawn } from 'node:child_process';
import { join } from 'node:path';

export interface Launched {
  child: ChildProcess;
  exited: Promise<number | null>;
  output: () => string;
}

const children = new Set<ChildProcess>();

/**
 * The real process with npm start's Node flags and this environment: from the sources through tsx (as `npm run dev`
 * runs them), or `built`, the entry of a build (`npm run build`), run by node alone as `npm start` runs dist/.
 */
export function launch(env: Record<string, string>, built?: string): Launched {
  let output = '';
  const entry = built ? [built] : ['--import', 'tsx', 'src/main.ts'];
  const child = spawn(process.execPath, ['--max-semi-space-size=8', ...entry], {
    cwd: join(import.meta.dirname, '..', '..'),
    env: { ...process.env, LOG_LEVEL: 'warn', CONSOLE_PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout!.on('data', (d) => (output += d));
  child.stderr!.on('data', (d) => (output += d));
  children.add(child);
  const exited = new Promise<number | null>((r) =>
    child.on('exit', (code) => {
      children.delete(child);
      r(code);
    }),
  );
  return { child, exited, output: () => output };
}

/** For afterAll: no process of a test outlives it. */
export function killAll(): void {
  for (const c of children) c.kill('SIGKILL');
}
