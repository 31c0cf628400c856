// Calendar arithmetic of the monthly cycle: months are 'YYYY-MM', dates 'YYYY-MM-DD' in config.TIMEZONE.

export const monthOf = (date: string): string => date.slice(0, 7);

export function addMonths(month: string, n: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const d = new Date(Date.UTC(y, m - 1 + n, 1));
  return d.toISOString().slice(0, 7);
}

export const isMonth = (s: string): boolean => /^\d{4}-(0[1-9]|1[0-2])$/.test(s);

export const pickupDateOf = (month: string, day: number): string => `${month}-${String(day).padStart(2, '0')}`;

const WEEK_ZH = ['日', '一', '二', '三', '四', '五', '六'];
const WEEK_EN = ['Sun', 'Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat'];
const MONTH_EN = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

/** "6月5日（周四）" / "Thu 5 Jun": what an elderly reader needs, no year. */
export function dateLabel(date: string): { 'zh-CN': string; en: string } {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const wd = new Date(Date.UTC(y, m - 1, d)).getUTCDay();
  return { 'zh-CN': `${m}月${d}日（周${WEEK_ZH[wd]}）`, en: `${WEEK_EN[wd]} ${d} ${MONTH_EN[m - 1]}` };
}

export function monthLabel(month: string): { 'zh-CN': string; en: string } {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return { 'zh-CN': `${y}年${m}月`, en: `${MONTH_EN[m - 1]} ${y}` };
}
