import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { detectEmergency, type EmergencyKind, NUMBERS } from '../../src/core/emergency';

const { cases } = JSON.parse(readFileSync(new URL('../fixtures/emergency-eval.json', import.meta.url), 'utf8')) as {
  cases: { text: string; kind: EmergencyKind | null }[];
};

describe('the emergency check on the labelled set', () => {
  const dangers = cases.filter((c) => c.kind !== null);
  const calm = cases.filter((c) => c.kind === null);

  it('has at least 60 emergencies and 30 texts that only mention fire, gas or illness', () => {
    expect(dangers.length).toBeGreaterThanOrEqual(60);
    expect(calm.length).toBeGreaterThanOrEqual(30);
  });

  it('catches every emergency, with the right number first', () => {
    const wrong = dangers
      .map((c) => ({ text: c.text, want: NUMBERS[c.kind!][0], got: detectEmergency(c.text)?.numbers[0] ?? null }))
      .filter((r) => r.got !== r.want);
    expect(wrong).toEqual([]);
  });

  it('raises at most two false alarms', () => {
    expect(calm.filter((c) => detectEmergency(c.text) !== null).map((c) => c.text).length).toBeLessThanOrEqual(2);
  });

  it('orders the numbers for the situation: fire → 119, collapsed → 120, violence → 110, trapped → 119', () => {
    expect(detectEmergency('着火了')?.numbers[0]).toBe('119');
    expect(detectEmergency('有人晕倒了')?.numbers[0]).toBe('120');
    expect(detectEmergency('有人在打人')?.numbers[0]).toBe('110');
    expect(detectEmergency('电梯困人了')?.numbers[0]).toBe('119');
  });

  it('fires, gas leaks, people trapped and crimes in progress are emergencies; a hazard worried about is not', () => {
    for (const s of [
      '楼下着火了！',
      '厨房煤气泄漏了',
      '涵洞积水，有个老人被困在车里',
      '有人正在撬门偷东西',
      'There is a fire in building 3',
    ])
      expect(detectEmergency(s) !== null, s).toBe(true);
    for (const s of [
      '3 栋消防通道被杂物堵死了，真着火了人出不去',
      '路灯坏了',
      '消防通道堵了，万一失火怎么办',
      'the fire exit is blocked',
    ])
      expect(detectEmergency(s) !== null, s).toBe(false);
  });
});
