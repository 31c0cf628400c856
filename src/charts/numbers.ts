import type { Locale } from '../config';

// Numbers as a Chinese reader expects them on a picture: 万 from ten thousand on (1.23万, 10.05万元), 亿 from a
// hundred million; below that, thousands separated. English readers get separators (and k / M on axes).

const sep = (n: number) => n.toLocaleString('en-US', { maximumFractionDigits: 0 });
const trim = (n: number, digits: number) => String(Number(n.toFixed(digits)));

/** A count: 1234 → '1,234'; 12345 → '1.23万' / '12,345'. */
export function count(n: number, locale: Locale): string {
  if (locale !== 'en' && Math.abs(n) >= 1e8) return `${trim(n / 1e8, 2)}亿`;
  if (locale !== 'en' && Math.abs(n) >= 1e4) return `${trim(n / 1e4, 2)}万`;
  return sep(n);
}

/** Yuan to the fen, as a statement prints it: '100,500.00元' / '¥100,500.00'. */
export function exactMoney(fen: number, locale: Locale): string {
  const sign = fen < 0 ? '-' : '';
  const abs = Math.abs(fen);
  const text = `${sep(Math.floor(abs / 100))}.${String(abs % 100).padStart(2, '0')}`;
  return locale === 'en' ? `${sign}¥${text}` : `${sign}${text}元`;
}

/** Yuan as a chart label reads best: '4,222.5元', '10.05万元' / '¥4,222.5', '¥100,500'. */
export function money(fen: number, locale: Locale): string {
  const yuan = fen / 100;
  if (locale === 'en')
    return `${yuan < 0 ? '-' : ''}¥${Math.abs(yuan) >= 1e4 ? sep(Math.abs(yuan)) : trim(Math.abs(yuan), 2)}`;
  const abs = Math.abs(yuan);
  const text = abs >= 1e4 ? count(abs, locale) : trim(abs, 2).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return `${yuan < 0 ? '-' : ''}${text}元`;
}

/** An axis tick: short, no decimals where none are needed: '2万' / '20k'. */
export function tick(n: number, locale: Locale): string {
  if (locale !== 'en') return count(n, locale);
  const abs = Math.abs(n);
  if (abs >= 1e6) return `${trim(n / 1e6, 1)}M`;
  if (abs >= 1e4) return `${trim(n / 1e3, 1)}k`;
  return sep(n);
}

/** A share as a whole percentage: 0.8 → '80%'; nothing to divide by → '—'. */
export const percent = (part: number, whole: number) => (whole === 0 ? '—' : `${Math.round((part / whole) * 100)}%`);
