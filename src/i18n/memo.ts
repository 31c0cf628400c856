import type { TFunction } from 'i18next';
import { escapeHtml } from './index';

/** A text's placeholders, `{{name}}` (escaped) or `{{- name}}` (as given), between its fixed parts. */
interface Template {
  parts: string[];
  names: string[];
  raw: boolean[];
}

const PLACEHOLDER = /\{\{(-?)\s*([A-Za-z_]\w*)\s*\}\}/g;

/** Options that change what i18next looks up or how (plurals, context, language): such calls go to i18next. */
const LOOKUP_OPTIONS = new Set([
  'count',
  'context',
  'ordinal',
  'lng',
  'lngs',
  'ns',
  'keyPrefix',
  'postProcess',
  'nsSeparator',
  'keySeparator',
]);

/** Only values that are all strings or numbers, none of them an option: anything else (objects among them) is i18next's. */
function plainValues(values: Record<string, unknown>): boolean {
  for (const name in values) {
    const v = values[name];
    if (typeof v !== 'string' && typeof v !== 'number') return false;
    if (LOOKUP_OPTIONS.has(name) || name.startsWith('default')) return false;
  }
  return true;
}

/** Splits a text at its placeholders; null when it needs i18next (nesting, formats, dotted paths). */
function compile(text: string): Template | null {
  if (text.includes('$t(')) return null;
  const parts: string[] = [];
  const names: string[] = [];
  const raw: boolean[] = [];
  let last = 0;
  for (const m of text.matchAll(PLACEHOLDER)) {
    parts.push(text.slice(last, m.index));
    raw.push(m[1] === '-');
    names.push(m[2]!);
    last = m.index + m[0].length;
  }
  parts.push(text.slice(last));
  // Anything else between braces (a format, a path into an object) is i18next's to read.
  return parts.some((p) => p.includes('{{')) ? null : { parts, names, raw };
}

/** The filled-in text, or undefined when a value is not a plain string or number (i18next decides then). */
function fill(tpl: Template, values: Record<string, unknown>, escapeValue: (s: string) => string): string | undefined {
  let out = tpl.parts[0]!;
  for (let i = 0; i < tpl.names.length; i++) {
    const v = values[tpl.names[i]!];
    let s: string;
    if (typeof v === 'number') s = String(v);
    // A missing value, or one that looks like a placeholder or a nesting, is treated by i18next's own rules.
    else if (typeof v !== 'string' || v.includes('{{') || v.includes('$t(')) return undefined;
    else s = v;
    out += (tpl.raw[i] ? s : escapeValue(s)) + tpl.parts[i + 1]!;
  }
  return out;
}

/**
 * A fixed translator that remembers texts. The texts are loaded once at start and never change while the process
 * runs, and i18next resolves a key afresh on every call, building option objects and key paths each time (it copies
 * all of its options per call): plain labels were the largest allocation site on /me (11 % of the bytes sampled),
 * and after them filling in values was 9 % of /me's CPU (bench -- updates, CPU profile of the Linli runs only).
 * A text with values is split once at its `{{name}}` placeholders and filled in with the same escaping; whatever
 * needs more of i18next (plurals, context, nesting, formats, values that are not strings or numbers) goes to it.
 */
export function rememberingT(t: TFunction, escapeValue: (s: string) => string = escapeHtml): TFunction {
  const any = t as unknown as (...args: unknown[]) => unknown;
  const plain = new Map<string, string>();
  const templates = new Map<string, Template | null>();
  const text = (key: string) => {
    let s = plain.get(key);
    if (s === undefined) {
      s = any(key) as string;
      plain.set(key, s);
    }
    return s;
  };
  const remembering = (key: unknown, ...rest: unknown[]) => {
    if (typeof key !== 'string') return any(key, ...rest);
    if (rest.length === 0) return text(key);
    const values = rest[0];
    if (rest.length > 1 || typeof values !== 'object' || values === null) return any(key, ...rest);
    if (!plainValues(values as Record<string, unknown>)) return any(key, ...rest);
    let tpl = templates.get(key);
    if (tpl === undefined) {
      // The text as written: asked without values, i18next would already have resolved a nesting in it.
      tpl = compile(any(key, { skipInterpolation: true }) as string);
      templates.set(key, tpl);
    }
    return (tpl && fill(tpl, values as Record<string, unknown>, escapeValue)) ?? any(key, ...rest);
  };
  return remembering as unknown as TFunction;
}
