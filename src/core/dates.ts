import { addDays, isDate } from './time';

// One date parser for every step that asks for a day (issue 13): what people actually type — 今天, 昨天, 明天, 后天,
// 下周六, 周六, 12月1日, 1月9号, 2026-12-01, 2026/12/1, 12/1, today, yesterday, next Saturday, Dec 1 — read against
// today's date in the deployment's time zone. Every step echoes the date it understood back in words.

export type DateDirection = 'past' | 'future' | 'any';

const RELATIVE: Record<string, number> = {
  今天: 0,
  今日: 0,
  today: 0,
  昨天: -1,
  昨日: -1,
  yesterday: -1,
  前天: -2,
  明天: 1,
  明日: 1,
  tomorrow: 1,
  后天: 2,
};

const WEEKDAY: Record<string, number> = {
  日: 0,
  天: 0,
  一: 1,
  二: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  sun: 0,
  mon: 1,
  tue: 2,
  wed: 3,
  thu: 4,
  fri: 5,
  sat: 6,
};

const MONTHS = ['jan', 'feb', 'mar', 'apr', 'may', 'jun', 'jul', 'aug', 'sep', 'oct', 'nov', 'dec'];

const weekdayOfDate = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();
const pad = (n: number) => String(n).padStart(2, '0');

/** A month and day without a year: the one the step means (the coming one, the last one, or the nearest). */
function withYear(month: number, day: number, today: string, direction: DateDirection): string | null {
  const year = Number(today.slice(0, 4));
  const candidates = [year - 1, year, year + 1].map((y) => `${y}-${pad(month)}-${pad(day)}`).filter((d) => isDate(d));
  if (candidates.length === 0) return null;
  if (direction === 'future') return candidates.find((d) => d >= today) ?? null;
  if (direction === 'past') return [...candidates].reverse().find((d) => d <= today) ?? null;
  const distance = (d: string) => Math.abs(Date.parse(d) - Date.parse(today));
  return candidates.reduce((best, d) => (distance(d) < distance(best) ? d : best));
}

/** "周六" / "下周六" / "这周六" / "next saturday": the next such day (this week's if still ahead), or a week later. */
function weekday(s: string, today: string): string | null {
  const zh = /^(下下|下|这|本|上)?(?:个)?(?:周|星期|礼拜)([一二三四五六日天])$/.exec(s);
  const en = /^(next |this |last )?(sun|mon|tue|wed|thu|fri|sat)[a-z]*$/.exec(s);
  const m = zh ?? en;
  if (!m) return null;
  const target = WEEKDAY[m[2]!]!;
  const which = (m[1] ?? '').trim();
  const now = weekdayOfDate(today);
  // Monday-based weeks, as people here count them ("下周日" is the Sunday after next Monday).
  const mondayOf = (d: string) => addDays(d, -((weekdayOfDate(d) + 6) % 7));
  const inWeek = (monday: string) => addDays(monday, (target + 6) % 7);
  if (which === '下' || which === 'next') return inWeek(addDays(mondayOf(today), 7));
  if (which === '下下') return inWeek(addDays(mondayOf(today), 14));
  if (which === '上' || which === 'last') return inWeek(addDays(mondayOf(today), -7));
  if (which === '这' || which === '本' || which === 'this') return inWeek(mondayOf(today));
  return addDays(today, (target - now + 7) % 7);
}

/**
 * The calendar date a person typed, or null. `today` is 'YYYY-MM-DD' in the deployment's zone; `direction` says
 * which year a day without one belongs to (a market is scheduled ahead, an expense was spent before).
 */
export function parseDate(text: string, today: string, direction: DateDirection = 'any'): string | null {
  // Lighter than the FAQ's normalising: its punctuation-to-space would erase 12/1 and 2026-12-01.
  const s = text
    .normalize('NFKC')
    .toLowerCase()
    .replace(/週/g, '周')
    .replace(/後/g, '后')
    .replace(/號/g, '号')
    .replace(/禮拜/g, '礼拜')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/[。.,，]$/, '');
  if (s in RELATIVE) return addDays(today, RELATIVE[s]!);
  const wd = weekday(s, today);
  if (wd) return wd;
  let m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})[日号]?$/.exec(s);
  if (m) {
    const d = `${m[1]}-${pad(Number(m[2]))}-${pad(Number(m[3]))}`;
    return isDate(d) ? d : null;
  }
  m = /^(\d{1,2})(?:月|\/|-|\.)(\d{1,2})[日号]?$/.exec(s);
  if (m) return withYear(Number(m[1]), Number(m[2]), today, direction);
  m = /^([a-z]{3})[a-z]* (\d{1,2})(?:st|nd|rd|th)?$/.exec(s) ?? /^(\d{1,2})(?:st|nd|rd|th)? ([a-z]{3})[a-z]*$/.exec(s);
  if (m) {
    const [mon, day] = /^\d/.test(m[1]!) ? [m[2]!, m[1]!] : [m[1]!, m[2]!];
    const month = MONTHS.indexOf(mon) + 1;
    return month ? withYear(month, Number(day), today, direction) : null;
  }
  return null;
}
