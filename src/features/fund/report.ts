import { localDate, zonedToUtc } from '../../core/time';
import { nextMonth, type PeriodTotals } from './ledger';

// The community report: the numbers a sub-district puts in its newspaper story, for one month or one year,
// gathered from each area's own service (never its tables) through the ReportSources port.

/** What the report asks of the other areas; wired to their services in src/features/index.ts. */
export interface ReportSources {
  /** Published market days with a date in [from, to) and not after `today` (calendar dates). */
  marketDays(
    from: string,
    to: string,
    today: string,
  ): Promise<{ held: number; served: number; residents: number; solved: number }>;
  /** One month of relief pickups ('YYYY-MM'): how many were expected, collected (self or proxy), festival extras. */
  reliefMonth(month: string): Promise<{ expected: number; collected: number; festivalExtras: number }>;
  /** Petitions filed in [fromIso, toIso) and the rates over them, as of `now`. */
  petitionRates(
    fromIso: string,
    toIso: string,
    now: Date,
  ): Promise<{
    filed: number;
    resolutionRate: number | null;
    /** The rate's numerator and denominator: resolved, of those closed or past their limit. */
    resolved: number;
    answerDue: number;
    satisfaction: number | null;
    rated: number;
  }>;
}

export type Period = { kind: 'month' | 'year'; label: string; from: string; to: string };

/** 'YYYY-MM' or 'YYYY' → the calendar range [from, to); null for anything else. */
export function parsePeriod(s: string): Period | null {
  if (/^\d{4}-(0[1-9]|1[0-2])$/.test(s)) return { kind: 'month', label: s, from: `${s}-01`, to: `${nextMonth(s)}-01` };
  if (/^(19|20)\d{2}$/.test(s)) return { kind: 'year', label: s, from: `${s}-01-01`, to: `${Number(s) + 1}-01-01` };
  return null;
}

export interface CommunityReport {
  period: Period;
  market: { held: number; served: number; residents: number; solved: number };
  relief: { expected: number; collected: number; festivalExtras: number };
  petitions: {
    filed: number;
    resolutionRate: number | null;
    resolved: number;
    answerDue: number;
    satisfaction: number | null;
    rated: number;
  };
  fund: PeriodTotals;
  volunteers: { minutes: number; people: number };
}

const monthsOf = (p: Period, today: string): string[] => {
  const out: string[] = [];
  for (let m = p.from.slice(0, 7); `${m}-01` < p.to && `${m}-01` <= today; m = nextMonth(m)) out.push(m);
  return out;
};

/** The report's figures besides the other areas': the fund's totals and the volunteers' hours of a period. */
export interface ReportFigures {
  fundTotals(from: string, to: string): Promise<PeriodTotals>;
  volunteerHours(from: string, to: string): Promise<{ minutes: number; people: number }>;
}

export async function communityReport(
  sources: ReportSources,
  own: ReportFigures,
  p: Period,
  now: Date,
  tz: string,
): Promise<CommunityReport> {
  const today = localDate(now, tz);
  const market = await sources.marketDays(p.from, p.to, today);
  const relief = { expected: 0, collected: 0, festivalExtras: 0 };
  for (const month of monthsOf(p, today)) {
    const r = await sources.reliefMonth(month);
    // A month nobody collected in was before the roster was kept here: it has no "expected" either.
    if (r.collected === 0) continue;
    relief.expected += r.expected;
    relief.collected += r.collected;
    relief.festivalExtras += r.festivalExtras;
  }
  const pet = await sources.petitionRates(
    zonedToUtc(p.from, '00:00', tz).toISOString(),
    zonedToUtc(p.to, '00:00', tz).toISOString(),
    now,
  );
  return {
    period: p,
    market,
    relief,
    petitions: {
      filed: pet.filed,
      resolutionRate: pet.resolutionRate,
      resolved: pet.resolved,
      answerDue: pet.answerDue,
      satisfaction: pet.satisfaction,
      rated: pet.rated,
    },
    fund: await own.fundTotals(p.from, p.to),
    volunteers: await own.volunteerHours(p.from, p.to),
  };
}

/** One metric per row, for the office's spreadsheet; money in yuan with two decimals. */
export function reportRows(r: CommunityReport): [string, string | number][] {
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  return [
    ['period', r.period.label],
    ['market_days_held', r.market.held],
    ['market_people_served', r.market.served],
    ['market_residents_served', r.market.residents],
    ['market_problems_solved', r.market.solved],
    ['relief_packages_expected', r.relief.expected],
    ['relief_packages_collected', r.relief.collected],
    ['relief_festival_extras', r.relief.festivalExtras],
    ['petitions_received', r.petitions.filed],
    ['petitions_resolution_rate', r.petitions.resolutionRate === null ? '' : r.petitions.resolutionRate.toFixed(3)],
    ['petitions_satisfaction', r.petitions.satisfaction === null ? '' : r.petitions.satisfaction.toFixed(2)],
    ['fund_income_yuan', yuan(r.fund.incomeTotal)],
    ['fund_self_generated_yuan', yuan(r.fund.selfGenerated)],
    ['fund_spending_yuan', yuan(r.fund.expenseTotal)],
    ['volunteer_hours', (r.volunteers.minutes / 60).toFixed(1)],
    ['volunteers_active', r.volunteers.people],
  ];
}
