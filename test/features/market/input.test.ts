import { describe, expect, it } from 'vitest';
import { parseCapacities, parseDate, parseDetails, parseHours } from '../../../src/features/market/input';

const svc = [
  { id: 1, nameZh: '磨刀', nameEn: 'Knife sharpening', ticketPrefix: '磨刀' },
  { id: 2, nameZh: '家电维修', nameEn: 'Appliance repair', ticketPrefix: '家电' },
];

describe('what staff type', () => {
  it('dates are understood in the usual ways, the short form meaning the next such day', () => {
    expect(parseDate('2026-12-05', '2026-11-29')).toBe('2026-12-05');
    expect(parseDate('2026/12/5', '2026-11-29')).toBe('2026-12-05');
    expect(parseDate('12月5日', '2026-11-29')).toBe('2026-12-05');
    expect(parseDate('1-9', '2026-11-29')).toBe('2027-01-09');
    // The one date parser (issue 13 item 11): the words people use for a day are days too.
    expect(parseDate('1月9号', '2026-11-29')).toBe('2027-01-09');
    expect(parseDate('下周六', '2026-11-29')).toBe('2026-12-05');
    expect(parseDate('tomorrow', '2026-11-29')).toBe('2026-11-30');
    for (const bad of ['2026-02-30', '明天下午', '', '13-45'])
      expect(() => parseDate(bad, '2026-11-29')).toThrow(/badDate/);
  });

  it('hours need a start before the end', () => {
    expect(parseHours('09:00-12:00')).toEqual(['09:00', '12:00']);
    expect(parseHours('9点到12点')).toEqual(['09:00', '12:00']);
    expect(parseHours('8:30 ～ 11:30')).toEqual(['08:30', '11:30']);
    for (const bad of ['12:00-09:00', '9', '25:00-26:00', 'morning']) expect(() => parseHours(bad)).toThrow(/badHours/);
  });

  it('capacities are read line by line, by name in either language or ticket prefix', () => {
    expect(parseCapacities('磨刀 20\n家电：8', svc)).toEqual(
      new Map([
        [1, 20],
        [2, 8],
      ]),
    );
    expect(parseCapacities('appliance repair 5', svc)).toEqual(new Map([[2, 5]]));
    expect(() => parseCapacities('理发 5', svc)).toThrow(/unknownService/);
    expect(() => parseCapacities('磨刀 0', svc)).toThrow(/badCapacity/);
    expect(() => parseCapacities('磨刀', svc)).toThrow(/badCapacity/);
  });
});

describe('what residents type', () => {
  it('a description must have visible text and at most 300 characters', () => {
    expect(parseDetails('  电饭煲不加热 ')).toBe('电饭煲不加热');
    expect(() => parseDetails('\u200b ')).toThrow(/detailsEmpty/);
    expect(parseDetails('好'.repeat(300)).length).toBe(300);
    expect(() => parseDetails('好'.repeat(301))).toThrow(/detailsTooLong/);
  });
});
