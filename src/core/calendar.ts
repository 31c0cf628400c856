// Weekday and month names in both languages, for texts built outside a translator (outbox parameters, exports).
// One table for the whole code base; dates are 'YYYY-MM-DD' calendar dates (see time.ts).

import type { Bilingual } from './names';

const WEEK_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEK_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** The three-letter English day codes config uses ('Mon-Fri 08:30-17:30'), 0 = Sunday. */
export const WEEKDAY_CODES = WEEK_EN;

/** 0 = Sunday … 6 = Saturday, of a calendar date (no time zone involved: it is already a local date). */
export const weekdayOf = (date: string): number => new Date(`${date}T12:00:00Z`).getUTCDay();

/** "周四" / "Thu". */
export const weekdayName = (weekday: number): Bilingual => ({
  'zh-CN': `周${WEEK_ZH[weekday]}`,
  en: WEEK_EN[weekday]!,
});

/** "6月5日（周四）" / "Thu 5 Jun": what an elderly reader needs, no year. */
export function dateLabel(date: string): Bilingual {
  const [, m, d] = date.split('-').map(Number) as [number, number, number];
  const wd = weekdayOf(date);
  return { 'zh-CN': `${m}月${d}日（周${WEEK_ZH[wd]}）`, en: `${WEEK_EN[wd]} ${d} ${MONTH_EN[m - 1]}` };
}

/** "2026年6月" / "Jun 2026". */
export function monthLabel(month: string): Bilingual {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { 'zh-CN': `${y}年${m}月`, en: `${MONTH_EN[m - 1]} ${y}` };
}
