import { describe, expect, it } from 'vitest';
import { createI18n, LOCALES, loadResources } from '../../src/i18n';
import { rememberingT } from '../../src/i18n/memo';

describe('a translator that remembers plain keys', () => {
  const i18n = createI18n('zh-CN');
  const en = rememberingT(i18n.getFixedT('en'));
  const zh = rememberingT(i18n.getFixedT('zh-CN'));

  it('answers every call with what i18next says, asked once or many times, in its own language', () => {
    for (let i = 0; i < 3; i++) {
      expect(en('common.cancelled')).toBe(i18n.getFixedT('en')('common.cancelled'));
      expect(zh('common.cancelled')).toBe(i18n.getFixedT('zh-CN')('common.cancelled'));
    }
    expect(en('common.cancelled')).not.toBe(zh('common.cancelled'));
  });

  it('fills in values afresh on every call, escaped as i18next escapes them', () => {
    expect(en('common.help', { commands: '/a <b>' })).toContain('/a &lt;b&gt;');
    expect(en('common.help', { commands: '/c' })).toContain('/c');
    expect(en('common.help', { commands: '/c' })).not.toContain('/a');
  });
});

describe('a translator that fills in values itself', () => {
  const i18n = createI18n('zh-CN');
  const resources = loadResources();
  /** Every key of a locale's texts, with the names of the placeholders its text holds. */
  const keysOf = (tree: Record<string, unknown>, prefix = ''): [string, string[]][] =>
    Object.entries(tree).flatMap(([k, v]) =>
      typeof v === 'string'
        ? [[`${prefix}${k}`, [...v.matchAll(/\{\{-?\s*([^},\s]+)/g)].map((m) => m[1]!)] as [string, string[]]]
        : keysOf(v as Record<string, unknown>, `${prefix}${k}.`),
    );

  it('says what i18next says for every text of both languages, values with HTML, quotes and numbers in them', () => {
    let compared = 0;
    for (const lng of LOCALES) {
      const mine = rememberingT(i18n.getFixedT(lng));
      const theirs = i18n.getFixedT(lng);
      for (const [key, names] of keysOf(resources[lng]!.translation)) {
        if (names.length === 0) continue;
        for (const sample of ['<b>A & "B"</b>', 42, '']) {
          const values = Object.fromEntries(names.map((n, i) => [n.split('.')[0]!, i === 0 ? sample : `v${i}<>`]));
          // twice: the first call learns the text, the second fills in what it learnt
          expect(mine(key, values)).toBe(theirs(key, values));
          expect(mine(key, values)).toBe(theirs(key, values));
          compared++;
        }
      }
    }
    expect(compared).toBeGreaterThan(300);
  });

  it('leaves nested texts, counts, missing values, values like placeholders and options to i18next', () => {
    const en = rememberingT(i18n.getFixedT('en'));
    const theirs = i18n.getFixedT('en');
    expect(en('common.help', {})).toBe(theirs('common.help', {}));
    const zh = rememberingT(i18n.getFixedT('zh-CN'));
    // a text that nests another one, named by a value: 「$t(petitions.status.{{status}})」
    for (const t of [en, zh]) t('petitions.errors.alreadyAcknowledged', { id: 1, status: 'new' });
    expect(zh('petitions.errors.alreadyAcknowledged', { id: 7, status: 'transferred' })).toBe(
      i18n.getFixedT('zh-CN')('petitions.errors.alreadyAcknowledged', { id: 7, status: 'transferred' }),
    );
    expect(zh('petitions.errors.alreadyAcknowledged', { id: 7, status: 'transferred' })).toContain(
      i18n.getFixedT('zh-CN')('petitions.status.transferred'),
    );
    expect(en('workbench.imports.more', { count: 3 })).toBe(theirs('workbench.imports.more', { count: 3 }));
    expect(en('common.help', { commands: '{{x}}' })).toBe(theirs('common.help', { commands: '{{x}}' }));
    expect(en('common.help', { commands: '/a', interpolation: { escapeValue: false } })).toBe(
      theirs('common.help', { commands: '/a', interpolation: { escapeValue: false } }),
    );
  });
});
