import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The node flags `npm start` runs the built bot with (memory figures are only comparable with the same heap
 * settings); CHILD_NODE_FLAGS replaces them (e.g. '--max-semi-space-size=8 --expose-gc').
 */
export function startFlags(): string[] {
  if (process.env.CHILD_NODE_FLAGS !== undefined) return process.env.CHILD_NODE_FLAGS.split(' ').filter(Boolean);
  const pkg = JSON.parse(readFileSync(join(import.meta.dirname, '..', 'package.json'), 'utf8'));
  const words = (pkg.scripts.start as string).split(' ');
  return words.slice(1).filter((w) => w.startsWith('--'));
}
