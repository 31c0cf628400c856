import { DAY_MS, HOUR_MS, zonedToUtc } from '../../core/time';
import { isOpen, overdue } from './policy';
import type { Petition } from './store';

/**
 * The "three rates" of 12345 接诉即办, plus how fast. Rates are null when nothing was due yet; each comes with its
 * numerator and denominator, which every place that shows a rate shows too ("5 件中 4 件，80%").
 */
export interface Rates {
  filed: number;
  /** Acknowledged within the limit (`ackedInTime`) / petitions whose acknowledgement was due or done (`ackDue`). */
  responseRate: number | null;
  ackedInTime: number;
  ackDue: number;
  /**
   * Resolved (`resolved`) / petitions closed or past their answer limit (`answerDue`). A reply answers a petition
   * for its time limit but does not close it: an open one counts here once its limit has passed.
   */
  resolutionRate: number | null;
  resolved: number;
  answerDue: number;
  /** Mean of the 1–5 ratings, and the share of 4 or 5 (`satisfied` of `rated`). */
  satisfaction: number | null;
  satisfiedRate: number | null;
  satisfied: number;
  rated: number;
  medianAckHours: number | null;
  medianResolveDays: number | null;
  open: number;
  overdue: number;
}

function median(xs: number[]): number | null {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

const ratio = (n: number, d: number) => (d === 0 ? null : n / d);

export function rates(ps: Petition[], now: Date): Rates {
  const at = now.toISOString();
  const ackDue = ps.filter((p) => p.acknowledgedAt !== null || p.ackDueAt <= at);
  const ackInTime = ackDue.filter((p) => p.acknowledgedAt !== null && p.acknowledgedAt <= p.ackDueAt);
  const answerDue = ps.filter((p) => !isOpen(p) || p.answerDueAt <= at);
  const resolved = answerDue.filter((p) => p.status === 'resolved');
  const ratings = ps.flatMap((p) => (p.satisfaction === null ? [] : [p.satisfaction]));
  const since = (from: string, to: string | null, unit: number) =>
    to === null ? [] : [(Date.parse(to) - Date.parse(from)) / unit];
  const satisfied = ratings.filter((r) => r >= 4).length;
  return {
    filed: ps.length,
    responseRate: ratio(ackInTime.length, ackDue.length),
    ackedInTime: ackInTime.length,
    ackDue: ackDue.length,
    resolutionRate: ratio(resolved.length, answerDue.length),
    resolved: resolved.length,
    answerDue: answerDue.length,
    satisfaction: ratings.length ? ratings.reduce((a, b) => a + b, 0) / ratings.length : null,
    satisfiedRate: ratio(satisfied, ratings.length),
    satisfied,
    rated: ratings.length,
    medianAckHours: median(ps.flatMap((p) => since(p.createdAt, p.acknowledgedAt, HOUR_MS))),
    medianResolveDays: median(resolved.flatMap((p) => since(p.createdAt, p.answeredAt, DAY_MS))),
    open: ps.filter(isOpen).length,
    overdue: ps.filter((p) => overdue(p, now) !== null).length,
  };
}

export const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);
/** "80% (4/5)" for the command line. */
export const share = (n: number, d: number) => (d === 0 ? '— (0/0)' : `${pct(n / d)} (${n}/${d})`);
export const num = (x: number | null, digits = 1) => (x === null ? '—' : x.toFixed(digits));

/** The instant a calendar month ('YYYY-MM') starts in the deployment time zone. */
export const monthStart = (month: string, tz: string) => zonedToUtc(`${month}-01`, '00:00', tz).toISOString();

/** 'YYYY-MM' of the month before. */
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** 'YYYY-MM' of the month after. */
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
