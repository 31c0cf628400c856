import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LOCALES, loadResources } from '../../../src/i18n';
import { startBot, type TestBot } from '../../support/harness';

// Issue 13 item 10: the English FAQ said "tap Market booking" while the button says "Market day". An answer names a
// button in straight double quotes, exactly as it is labelled (without its emoji); other names take “curly” quotes.
// Every such name must be a real label in the answer's language — a menu or card button of any area, or a market
// service as the booking buttons show it — and both language versions of an answer name the same buttons.

let tb: TestBot;
beforeAll(async () => {
  tb = await startBot({ seedDemo: true });
});
afterAll(() => tb.stop());

/** "🛠 Market day" → "Market day", "❌ 取消 {{ticket}}" → "取消", "✋ Co-sign #{{id}}" → "Co-sign". */
const labelOf = (s: string) =>
  s
    .split('{{')[0]!
    .replace(/^[^\p{L}\p{N}]+/u, '')
    .replace(/[^\p{L}\p{N})）]+$/u, '');

/** Every label-like string of every area, per language: its cleaned text → the keys that carry it. */
function labels(): Map<string, Map<string, Set<string>>> {
  const out = new Map<string, Map<string, Set<string>>>();
  const walk = (lng: string, node: unknown, path: string) => {
    if (typeof node === 'string') {
      const label = labelOf(node);
      if (label === '' || [...label].length > 30) return;
      const byText = out.get(lng) ?? new Map<string, Set<string>>();
      byText.set(label, (byText.get(label) ?? new Set()).add(path));
      out.set(lng, byText);
    } else if (node && typeof node === 'object')
      for (const [k, v] of Object.entries(node)) walk(lng, v, path ? `${path}.${k}` : k);
  };
  const resources = loadResources();
  for (const lng of LOCALES) walk(lng, resources[lng]?.translation, '');
  return out;
}

/** The buttons an answer names: what stands in straight double quotes. */
const mentions = (answer: string) => [...answer.matchAll(/"([^"\n]{1,40})"/g)].map((m) => m[1]!);

/** The buttons an answer says are on the main menu ("菜单里的"X"", ""X" in the menu"): they must be its labels. */
const onMenu = (answer: string) =>
  [...answer.matchAll(/菜单(?:里|中|上)?的?"([^"]+)"|"([^"]+)"(?: button)? in the (?:bot )?menu/g)].map(
    (m) => (m[1] ?? m[2])!,
  );

describe('the FAQ answers', () => {
  it('name every button exactly as it is labelled, in both languages', async () => {
    const known = labels();
    const services = await tb.db.selectFrom('market_services').select(['code', 'name_zh', 'name_en']).execute();
    for (const s of services) {
      known.get('zh-CN')!.set(s.name_zh, new Set([`service:${s.code}`]));
      known.get('en')!.set(s.name_en, new Set([`service:${s.code}`]));
    }
    const entries = await tb.services.faq.entries.all();
    expect(entries.length).toBeGreaterThan(50);
    const menu = new Set(
      Object.values(loadResources()).flatMap(({ translation }) =>
        Object.values(translation).flatMap((area) =>
          Object.values((area as { menu?: object }).menu ?? {}).map(labelOf),
        ),
      ),
    );
    const wrong: string[] = [];
    const named = new Map<string, Map<string, Set<string>[]>>();
    for (const e of entries) {
      const byText = known.get(e.lang)!;
      const found = mentions(e.answer).map((m) => {
        const keys = byText.get(m);
        if (!keys) wrong.push(`${e.key} [${e.lang}] names "${m}", which no button is called`);
        return keys ?? new Set<string>();
      });
      named.set(e.key, (named.get(e.key) ?? new Map()).set(e.lang, found));
      for (const m of onMenu(e.answer))
        if (!menu.has(m)) wrong.push(`${e.key} [${e.lang}] says "${m}" is on the main menu, which it is not`);
    }
    expect(wrong).toEqual([]);

    // The two versions of an answer name the same buttons (in any order): one label of the same key or service.
    const unmatched: string[] = [];
    for (const [key, versions] of named) {
      const zh = versions.get('zh-CN') ?? [];
      const en = [...(versions.get('en') ?? [])];
      for (const z of zh) {
        const i = en.findIndex((x) => [...x].some((k) => z.has(k)));
        if (i < 0) unmatched.push(`${key}: a button named in Chinese is not named in English`);
        else en.splice(i, 1);
      }
      if (en.length) unmatched.push(`${key}: ${en.length} button(s) named in English only`);
    }
    expect(unmatched).toEqual([]);
  });
});
