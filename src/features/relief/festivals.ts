import { isDate } from '../../core/time';
import { InvalidInput } from './errors';

// Lunar-calendar festivals 2025–2027 in Gregorian dates (Asia/Shanghai), as published by the Purple Mountain
// Observatory / Hong Kong Observatory. test/features/relief/festivals.test.ts checks them against the Chinese
// calendar in ICU; where ICU's approximate new moon falls on the wrong side of midnight (2027: the new moon is
// at 23:59 Beijing time on 6 February) the official date is kept.

/** A festival and the extra food that goes out with the pickup before it, in both languages. */
export interface Festival {
  date: string;
  nameZh: string;
  nameEn: string;
  extrasZh: string;
  extrasEn: string;
}

const kinds = {
  laba: ['腊八节', 'Laba Festival', '腊八粥米豆', 'Laba porridge grains'],
  chunjie: [
    '春节',
    'Spring Festival',
    '年货（腊肉、糖果、食用油）',
    'New Year goods (cured pork, sweets, cooking oil)',
  ],
  yuanxiao: ['元宵节', 'Lantern Festival', '汤圆', 'Sweet rice dumplings (tangyuan)'],
  duanwu: ['端午节', 'Dragon Boat Festival', '粽子', 'Rice dumplings (zongzi)'],
  zhongqiu: ['中秋节', 'Mid-Autumn Festival', '月饼', 'Mooncakes'],
  chongyang: ['重阳节', 'Double Ninth (Seniors) Festival', '重阳糕、长寿面', 'Double Ninth cake and longevity noodles'],
} as const;

const dates: [string, keyof typeof kinds][] = [
  ['2025-01-07', 'laba'],
  ['2025-01-29', 'chunjie'],
  ['2025-02-12', 'yuanxiao'],
  ['2025-05-31', 'duanwu'],
  ['2025-10-06', 'zhongqiu'],
  ['2025-10-29', 'chongyang'],
  ['2026-01-26', 'laba'],
  ['2026-02-17', 'chunjie'],
  ['2026-03-03', 'yuanxiao'],
  ['2026-06-19', 'duanwu'],
  ['2026-09-25', 'zhongqiu'],
  ['2026-10-18', 'chongyang'],
  ['2027-01-15', 'laba'],
  ['2027-02-06', 'chunjie'],
  ['2027-02-20', 'yuanxiao'],
  ['2027-06-09', 'duanwu'],
  ['2027-09-15', 'zhongqiu'],
  ['2027-10-08', 'chongyang'],
];

export const FESTIVALS: readonly Festival[] = dates.map(([date, k]) => {
  const [nameZh, nameEn, extrasZh, extrasEn] = kinds[k];
  return { date, nameZh, nameEn, extrasZh, extrasEn };
});

/** Lunar month/day of each festival, for the cross-check against ICU's Chinese calendar. */
export const LUNAR_DAY: Record<string, [number, number]> = {
  腊八节: [12, 8],
  春节: [1, 1],
  元宵节: [1, 15],
  端午节: [5, 5],
  中秋节: [8, 15],
  重阳节: [9, 9],
};

/** Staff type "2026-09-25 中秋节 月饼" (English names optional after a slash: "… 中秋节/Mid-Autumn 月饼/Mooncakes"). */
export function parseHoliday(text: string): Festival {
  const m = text.trim().match(/^(\d{4}-\d{2}-\d{2})\s+(\S+)\s+(.+)$/);
  if (!m || !isDate(m[1]!)) throw new InvalidInput('Holiday');
  const [nameZh, nameEn] = m[2]!.split('/');
  const [extrasZh, extrasEn] = m[3]!.split('/').map((s) => s.trim());
  if (!nameZh || nameZh.length > 20 || !extrasZh || extrasZh.length > 60) throw new InvalidInput('Holiday');
  return { date: m[1]!, nameZh, nameEn: nameEn || nameZh, extrasZh, extrasEn: extrasEn || extrasZh };
}
