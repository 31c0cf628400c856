import { describe, expect, it } from 'vitest';
import { createI18n } from '../../src/i18n';
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
