import type { Locale } from '../../config';
import { monthLabel } from '../../core/calendar';
import { nextMonth, previousMonth } from './ledger';

// The periods a report is for: a month ('2025-03'), a quarter ('2025-Q1') or a year ('2025'), as calendar dates
// [from, to) in the deployment's time zone.

export type Period = { kind: 'month' | 'quarter' | 'year'; label: string; from: string; to: string };

/** 'YYYY-MM', 'YYYY-Qn' or 'YYYY' → the calendar range [from, to); null for anything else. */
export function parsePeriod(s: string): Period | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) return { kind: 'month', label: s, from: `${s}-01`, to: `${nextMonth(s)}-01` };
  const q = /^((?:19|20)\d{2})-Q([1-4])$/.exec(s);
  if (q) {
    const first = `${q[1]}-${String((Number(q[2]) - 1) * 3 + 1).padStart(2, '0')}`;
    return { kind: 'quarter', label: s, from: `${first}-01`, to: `${nextMonth(nextMonth(nextMonth(first)))}-01` };
  }
  if (/^(19|20)\d{2}$/.test(s)) return { kind: 'year', label: s, from: `${s}-01-01`, to: `${Number(s) + 1}-01-01` };
  return null;
}

/** The months of a period, first to last. */
export function periodMonths(p: Period): string[] {
  const out: string[] = [];
  for (let m = p.from.slice(0, 7); `${m}-01` < p.to; m = nextMonth(m)) out.push(m);
  return out;
}

/** The months a trend shows: the period's, reaching back to make at least six. */
export function trendMonths(p: Period, least = 6): string[] {
  const months = periodMonths(p);
  while (months.length < least) months.unshift(previousMonth(months[0]!));
  return months;
}

/** The quarter a month is in: '2025-05' → '2025-Q2'. */
export const quarterOf = (month: string) => `${month.slice(0, 4)}-Q${Math.ceil(Number(month.slice(5, 7)) / 3)}`;

/** A period in words: '2025年3月' / 'March 2025', '2025年第1季度' / 'Q1 2025', '2025年' / '2025'. */
export function periodName(p: Period, locale: Locale): string {
  const y = p.label.slice(0, 4);
  if (p.kind === 'year') return locale === 'en' ? y : `${y}年`;
  if (p.kind === 'quarter') return locale === 'en' ? `Q${p.label.slice(6)} ${y}` : `${y}年第${p.label.slice(6)}季度`;
  return monthLabel(p.label)[locale];
}
