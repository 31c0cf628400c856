import { describe, expect, it } from 'vitest';
import { parseDate } from '../../src/core/dates';

// Friday 4 December 2026.
const today = '2026-12-04';

describe('one date parser for every step', () => {
  it('reads the words people use for nearby days', () => {
    expect(parseDate('今天', today)).toBe('2026-12-04');
    expect(parseDate('昨天', today)).toBe('2026-12-03');
    expect(parseDate('前天', today)).toBe('2026-12-02');
    expect(parseDate('明天', today)).toBe('2026-12-05');
    expect(parseDate('后天', today)).toBe('2026-12-06');
    expect(parseDate('yesterday', today)).toBe('2026-12-03');
    expect(parseDate('Tomorrow', today)).toBe('2026-12-05');
  });

  it('reads weekdays: the coming one, this week, next week', () => {
    expect(parseDate('周六', today)).toBe('2026-12-05');
    expect(parseDate('这周六', today)).toBe('2026-12-05');
    expect(parseDate('下周六', today)).toBe('2026-12-12');
    expect(parseDate('下星期一', today)).toBe('2026-12-07');
    expect(parseDate('上周五', today)).toBe('2026-11-27');
    expect(parseDate('next Saturday', today)).toBe('2026-12-12');
    expect(parseDate('周五', today)).toBe('2026-12-04');
    expect(parseDate('周四', today)).toBe('2026-12-10');
  });

  it('reads month and day in every common form, and picks the year the step means', () => {
    expect(parseDate('12月1日', today, 'past')).toBe('2026-12-01');
    expect(parseDate('12月1日', today, 'future')).toBe('2027-12-01');
    expect(parseDate('1月9号', today, 'future')).toBe('2027-01-09');
    expect(parseDate('1月9号', today)).toBe('2027-01-09');
    expect(parseDate('11月30日', today)).toBe('2026-11-30');
    expect(parseDate('12/1', today, 'past')).toBe('2026-12-01');
    expect(parseDate('2026-12-01', today)).toBe('2026-12-01');
    expect(parseDate('2026/12/1', today)).toBe('2026-12-01');
    expect(parseDate('2026年12月1日', today)).toBe('2026-12-01');
    expect(parseDate('Dec 1', today, 'past')).toBe('2026-12-01');
    expect(parseDate('9 January', today, 'future')).toBe('2027-01-09');
    expect(parseDate('１２月１日', today, 'past')).toBe('2026-12-01'); // full-width digits
  });

  it('says no to what is not a day', () => {
    for (const bad of ['', '随便', '2月30日', '13月1日', '2026-02-30', 'next week', '12月', '32/1'])
      expect(parseDate(bad, today), bad).toBeNull();
  });
});
