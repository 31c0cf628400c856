import { DAY_MS, HOUR_MS, zonedToUtc } from '../../core/time';
import { isOpen, overdue } from './policy';
import type { Duration, Petition, Tally } from './store';

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

export const EMPTY_TALLY: Tally = {
  filed: 0,
  ackDue: 0,
  ackedInTime: 0,
  answerDue: 0,
  resolved: 0,
  rated: 0,
  satisfied: 0,
  satisfactionSum: 0,
  open: 0,
  overdue: 0,
};

/** Tallies of several areas as one (a deputy's areas, every area). */
export function addTallies(ts: readonly Tally[]): Tally {
  const sum = { ...EMPTY_TALLY };
  for (const t of ts) for (const k of Object.keys(sum) as (keyof Tally)[]) sum[k] += t[k];
  return sum;
}

/** The rates from what SQLite counted (store/stats.ts) and the durations behind the medians. */
export function ratesOf(t: Tally, ds: readonly Pick<Duration, 'ackMs' | 'resolveMs'>[]): Rates {
  return {
    filed: t.filed,
    responseRate: ratio(t.ackedInTime, t.ackDue),
    ackedInTime: t.ackedInTime,
    ackDue: t.ackDue,
    resolutionRate: ratio(t.resolved, t.answerDue),
    resolved: t.resolved,
    answerDue: t.answerDue,
    satisfaction: t.rated ? t.satisfactionSum / t.rated : null,
    satisfiedRate: ratio(t.satisfied, t.rated),
    satisfied: t.satisfied,
    rated: t.rated,
    medianAckHours: median(ds.flatMap((d) => (d.ackMs === null ? [] : [d.ackMs / HOUR_MS]))),
    medianResolveDays: median(ds.flatMap((d) => (d.resolveMs === null ? [] : [d.resolveMs / DAY_MS]))),
    open: t.open,
    overdue: t.overdue,
  };
}

/**
 * The same rates counted one petition at a time: what the SQL of store/stats.ts must agree with (a test holds them
 * together), and the definition of each figure in plain code.
 */
/** What the rates read of a petition (the community report reads only these columns of a year's petitions). */
export type RatedPetition = Pick<
  Petition,
  'status' | 'createdAt' | 'ackDueAt' | 'acknowledgedAt' | 'answerDueAt' | 'answeredAt' | 'satisfaction'
>;

export function rates(ps: readonly RatedPetition[], now: Date): Rates {
  const at = now.toISOString();
  const ackDue = ps.filter((p) => p.acknowledgedAt !== null || p.ackDueAt <= at);
  const answerDue = ps.filter((p) => !isOpen(p) || p.answerDueAt <= at);
  const ratings = ps.flatMap((p) => (p.satisfaction === null ? [] : [p.satisfaction]));
  const since = (from: string, to: string | null) => (to === null ? null : Date.parse(to) - Date.parse(from));
  const tally: Tally = {
    filed: ps.length,
    ackDue: ackDue.length,
    ackedInTime: ackDue.filter((p) => p.acknowledgedAt !== null && p.acknowledgedAt <= p.ackDueAt).length,
    answerDue: answerDue.length,
    resolved: answerDue.filter((p) => p.status === 'resolved').length,
    rated: ratings.length,
    satisfied: ratings.filter((r) => r >= 4).length,
    satisfactionSum: ratings.reduce((a, b) => a + b, 0),
    open: ps.filter(isOpen).length,
    overdue: ps.filter((p) => overdue(p, now) !== null).length,
  };
  const durations = ps.map((p) => ({
    ackMs: since(p.createdAt, p.acknowledgedAt),
    resolveMs: p.status === 'resolved' ? since(p.createdAt, p.answeredAt) : null,
  }));
  return ratesOf(tally, durations);
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

/** The instants [from, to) of a month ('YYYY-MM') or a year in the deployment time zone. */
export function periodRange(
  p: { kind: 'month'; month: string } | { kind: 'year'; year: string },
  tz: string,
): [string, string] {
  if (p.kind === 'month') return [monthStart(p.month, tz), monthStart(nextMonth(p.month), tz)];
  return [monthStart(`${p.year}-01`, tz), monthStart(`${Number(p.year) + 1}-01`, tz)];
}
