import { describe, expect, it } from 'vitest';
import { FESTIVALS, LUNAR_DAY } from '../../../src/features/relief/festivals';

// ICU's Chinese calendar, as a second opinion on the hand-entered table.
const chinese = new Intl.DateTimeFormat('en-u-ca-chinese', {
  timeZone: 'Asia/Shanghai',
  month: 'numeric',
  day: 'numeric',
});
function lunar(date: string): [string, number] {
  const parts = Object.fromEntries(
    chinese.formatToParts(new Date(`${date}T12:00:00+08:00`)).map((p) => [p.type, p.value]),
  );
  return [parts.month!, Number(parts.day)];
}

// ICU approximates the new moon; on 6 Feb 2027 it falls at 23:59 Beijing time and ICU puts 正月初一 a day late.
// The Purple Mountain / Hong Kong Observatory tables give 6 Feb (春节) and 20 Feb (元宵).
const ICU_OFF_BY_ONE = new Set(['2027-02-06', '2027-02-20']);

describe('the festival table', () => {
  it('has 春节, 元宵, 端午, 中秋 and 重阳 for each of 2025, 2026 and 2027', () => {
    for (const year of ['2025', '2026', '2027']) {
      const names = FESTIVALS.filter((f) => f.date.startsWith(year)).map((f) => f.nameZh);
      expect(names).toEqual(expect.arrayContaining(['春节', '元宵节', '端午节', '中秋节', '重阳节']));
    }
  });

  it('puts every festival on the right lunar day', () => {
    for (const f of FESTIVALS) {
      const [month, day] = LUNAR_DAY[f.nameZh]!;
      const [lm, ld] = lunar(f.date);
      if (ICU_OFF_BY_ONE.has(f.date)) {
        // ICU puts this lunar day on the next Gregorian day; if ICU is ever corrected this fails and the exception
        // can go.
        const next = new Date(Date.parse(`${f.date}T12:00:00+08:00`) + 86_400_000).toISOString().slice(0, 10);
        expect(lunar(next), f.date).toEqual([String(month), day]);
      } else {
        expect([lm, ld], `${f.date} ${f.nameZh}`).toEqual([String(month), day]);
      }
    }
  });

  it('has the well-known dates: 春节 29 Jan 2025, 17 Feb 2026, 6 Feb 2027; 中秋 6 Oct 2025', () => {
    const at = (name: string, year: string) =>
      FESTIVALS.find((f) => f.nameZh === name && f.date.startsWith(year))?.date;
    expect([at('春节', '2025'), at('春节', '2026'), at('春节', '2027')]).toEqual([
      '2025-01-29',
      '2026-02-17',
      '2027-02-06',
    ]);
    expect(at('中秋节', '2025')).toBe('2025-10-06');
    expect(at('端午节', '2026')).toBe('2026-06-19');
  });
});
