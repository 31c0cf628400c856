import { LOCALES, loadResources } from './index';

// Recognising button labels whatever language the user is in now. The one home for "is this text a menu label".

let cache: ReturnType<typeof loadResources> | undefined;
let labels: Set<string> | undefined;

function lookup(tree: unknown, key: string): unknown {
  return key
    .split('.')
    .reduce<unknown>((o, k) => (o && typeof o === 'object' ? (o as Record<string, unknown>)[k] : undefined), tree);
}

/** Every translation of a key: a button labelled in one language is recognised whatever the user's language is now. */
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

/**
 * Every label of every area's main-menu buttons (`<area>.menu.*`) and the cancel button, in every language. A tap
 * on such a button — even of an area not installed, or typed by hand — is never a question or a flow's answer.
 */
export function isMenuLabel(text: string): boolean {
  if (!labels) {
    cache ??= loadResources();
    labels = new Set();
    for (const { translation } of Object.values(cache)) {
      for (const area of Object.values(translation)) {
        const menu = (area as Record<string, unknown>).menu;
        if (menu && typeof menu === 'object')
          for (const v of Object.values(menu)) if (typeof v === 'string') labels.add(v);
      }
      const cancel = (translation.common as Record<string, unknown> | undefined)?.cancelButton;
      if (typeof cancel === 'string') labels.add(cancel);
    }
  }
  return labels.has(text.trim());
}
