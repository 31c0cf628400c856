import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { LOCALES_DIR, loadResources } from '../../src/i18n';

function flatten(o: unknown, prefix = '', out = new Map<string, string>()): Map<string, string> {
  if (o && typeof o === 'object')
    for (const [k, v] of Object.entries(o)) flatten(v, prefix ? `${prefix}.${k}` : k, out);
  else out.set(prefix, String(o));
  return out;
}

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    return statSync(p).isDirectory() ? sourceFiles(p) : p.endsWith('.ts') ? [p] : [];
  });
}

const res = loadResources();
const zh = flatten(res['zh-CN']!.translation);
const en = flatten(res.en!.translation);
const placeholders = (s: string) => [...s.matchAll(/{{\s*([\w.]+)\s*}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  it('zh-CN and en have exactly the same keys', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('the same key uses the same placeholders in both languages', () => {
    const differ = [...zh.keys()].filter(
      (k) => en.has(k) && placeholders(zh.get(k)!).join() !== placeholders(en.get(k)!).join(),
    );
    expect(differ).toEqual([]);
  });

  it('no translation is empty', () => {
    expect([...zh, ...en].filter(([, v]) => v.trim() === '').map(([k]) => k)).toEqual([]);
  });

  it('every key the code names exists', () => {
    const patterns = [
      /\bt\(\s*'([\w.-]+)'/g, // ctx.t('a.b')
      /\b(?:descKey|key|textKey|\$t):\s*'([\w-]+\.[\w.-]+)'/g, // registries and outbox content
      /\b(?:isKeyText|textsFor)\(\s*'([\w.-]+)'/g,
    ];
    const missing: string[] = [];
    const prefixes: string[] = [];
    for (const file of sourceFiles(join(LOCALES_DIR, '..', 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const re of patterns)
        for (const m of text.matchAll(re)) if (!zh.has(m[1]!)) missing.push(`${file.split('/src/')[1]}: ${m[1]}`);
      // t(`area.thing.${x}`): at least the fixed part must name an existing group
      for (const m of text.matchAll(/\bt\(\s*`([\w.-]+)\.\$\{/g)) prefixes.push(m[1]!);
    }
    expect(missing).toEqual([]);
    for (const p of prefixes)
      expect(
        [...zh.keys()].some((k) => k.startsWith(`${p}.`)),
        p,
      ).toBe(true);
  });
});
