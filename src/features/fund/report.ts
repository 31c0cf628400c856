import { localDate } from '../../core/time';
import type { DbOrTx } from '../../db/schema';
import { summary as marketSummary } from '../market/day';
import { recentMarkets } from '../market/service';
import { hoursBetween } from '../partners/volunteers';
import { monthStart, responsiveness } from '../petitions/stats';
import { monthReport } from '../relief/report';
import { nextMonth, type PeriodTotals, rangeTotals } from './service';

// The community report: the numbers a sub-district puts in its newspaper story, for one month or one year,
// gathered from each area's own service (never its tables).

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
  petitions: { filed: number; resolutionRate: number | null; satisfaction: number | null; rated: number };
  fund: PeriodTotals;
  volunteers: { minutes: number; people: number };
}

const monthsOf = (p: Period, today: string): string[] => {
  const out: string[] = [];
  for (let m = p.from.slice(0, 7); `${m}-01` < p.to && `${m}-01` <= today; m = nextMonth(m)) out.push(m);
  return out;
};

export async function communityReport(db: DbOrTx, p: Period, now: Date, tz: string): Promise<CommunityReport> {
  const today = localDate(now, tz);
  const market = { held: 0, served: 0, residents: 0, solved: 0 };
  for (const m of await recentMarkets(db, 500)) {
    if (m.date < p.from || m.date >= p.to || m.date > today || m.status !== 'published') continue;
    const s = await marketSummary(db, m.id);
    market.held++;
    market.served += s.served;
    market.residents += s.residents;
    market.solved += s.solved;
  }
  const relief = { expected: 0, collected: 0, festivalExtras: 0 };
  for (const month of monthsOf(p, today)) {
    const r = await monthReport(db, month);
    const collected = r.collectedSelf + r.collectedByProxy;
    // A month nobody collected in was before the roster was kept here: it has no "expected" either.
    if (collected === 0) continue;
    relief.expected += r.total;
    relief.collected += collected;
    relief.festivalExtras += r.festivalExtras;
  }
  const pet = (await responsiveness(db, monthStart(p.from.slice(0, 7), tz), monthStart(p.to.slice(0, 7), tz), now))
    .overall;
  return {
    period: p,
    market,
    relief,
    petitions: {
      filed: pet.filed,
      resolutionRate: pet.resolutionRate,
      satisfaction: pet.satisfaction,
      rated: pet.rated,
    },
    fund: await rangeTotals(db, p.from, p.to),
    volunteers: await hoursBetween(db, p.from, p.to),
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
