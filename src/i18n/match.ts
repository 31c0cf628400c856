import { LOCALES, loadResources } from './index';

let cache: ReturnType<typeof loadResources> | undefined;

function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), tree);
}

/** Every translation of a key: lets a button labelled in one language be recognised whatever the user's language is now. */
export function textsFor(key: string): string[] {
  cache ??= loadResources();
  const out = new Set<string>();
  for (const lng of LOCALES) {
    const v = lookup(cache[lng]?.translation, key);
    if (typeof v === 'string') out.add(v);
  }
  if (out.size === 0) throw new Error(`locale key ${key} is missing`);
  return [...out];
}
