import { localDate, zonedToUtc } from '../../core/time';
import { type FundBooks, totalsOf } from './books';
import { nextMonth, type PeriodTotals } from './ledger';
import { type Period, periodMonths, trendMonths } from './period';

export { type Period, parsePeriod } from './period';

// The community report: the numbers a sub-district puts in its newspaper story ("9 场市集，服务 600 余人次，帮助
// 393 人，解决问题 294 个"), for a month, a quarter or a year, with a trend by month — gathered from each area's own
// service (never its tables) through the ReportSources port. Text, pictures and the spreadsheet read one report.

type Service = { serviceId: number; nameZh: string; nameEn: string; booked: number; capacity: number; served: number };
type Community = { communityId: number | null; nameZh: string; nameEn: string; count: number };
type Turnout = { held: number; signUps: number; attended: number };

/**
 * A period's community activities as the activities area counts them: attended includes walk-ins, who are not
 * sign-ups; no-shows are a number, never names. A kind is a code (its name is `activities.kinds.<kind>`); an
 * organiser is a partner's name, or null for the community itself.
 */
export interface ReportActivities extends Turnout {
  walkIns: number;
  noShows: number;
  byKind: ({ kind: string } & Turnout)[];
  byOrganiser: ({ partnerId: number | null; organiser: string | null } & Turnout)[];
  drills: { held: number; people: number; seconds: number[] };
}

/** What the report asks of the other areas; wired to their services in src/features/index.ts. */
export interface ReportSources {
  /** Published market days in [from, to) and not after `today`, each with its numbers and its services. */
  marketFigures(
    from: string,
    to: string,
    today: string,
  ): Promise<{
    days: { date: string; served: number; solved: number; walkIns: number; services: Service[] }[];
  }>;
  /** Residents (by account) served on those days, each once however often they came: the report's "helped". */
  marketResidentsServed(from: string, to: string, today: string): Promise<number>;
  /**
   * Relief pickups of several months ('YYYY-MM'): how many were expected, collected (self or proxy), festival
   * extras; a month nobody collected in is missing (its roster was not kept here).
   */
  reliefMonths(
    months: readonly string[],
  ): Promise<ReadonlyMap<string, { expected: number; collected: number; festivalExtras: number }>>;
  /** Petitions filed in [fromIso, toIso) as of `now`, month by month (local months) with categories, communities. */
  petitionFigures(
    fromIso: string,
    toIso: string,
    now: Date,
  ): Promise<{
    months: {
      month: string;
      filed: number;
      ackedInTime: number;
      ackDue: number;
      resolved: number;
      answerDue: number;
      satisfied: number;
      rated: number;
      ratingSum: number;
      byCategory: { category: string; nameZh: string; nameEn: string; count: number }[];
      byCommunity: Community[];
    }[];
  }>;
  /** Published activities dated in [from, to) and not after `today`, with sign-ups and attendance. */
  activityFigures(from: string, to: string, today: string): Promise<ReportActivities>;
}

/** The report's figures besides the other areas': the fund's months and the volunteers' hours of a period. */
export interface ReportFigures {
  /** The fund's books (by month), the same read the statement and /fund are made from. */
  fundBooks(): Promise<FundBooks>;
  volunteerHours(from: string, to: string): Promise<{ minutes: number; people: number }>;
}

export interface TrendMonth {
  month: string;
  served: number;
  relief: number;
  petitions: number;
  income: number;
  expense: number;
}

export interface CommunityReport {
  period: Period;
  market: { held: number; served: number; helped: number; solved: number };
  relief: { expected: number; collected: number; festivalExtras: number };
  petitions: {
    filed: number;
    ackedInTime: number;
    ackDue: number;
    resolved: number;
    answerDue: number;
    satisfied: number;
    rated: number;
    ratingSum: number;
  };
  fund: PeriodTotals;
  volunteers: { minutes: number; people: number };
  activities: ReportActivities;
  /** Month by month up to the period's end (at least six months), for the trend chart. */
  trend: TrendMonth[];
  /** The period's petitions by category and by community, and the market's services by demand. */
  byCategory: { category: string; nameZh: string; nameEn: string; count: number }[];
  byCommunity: Community[];
  services: Service[];
}

/** Sums of items that share a key (a service over its days, a category over its months), largest first. */
function merge<T extends object>(items: T[], key: (x: T) => unknown, add: (a: T, b: T) => void, by: (x: T) => number) {
  const out = new Map<unknown, T>();
  for (const x of items) {
    const k = key(x);
    const have = out.get(k);
    if (have) add(have, x);
    else out.set(k, { ...x });
  }
  return [...out.values()].sort((a, b) => by(b) - by(a));
}

/** Counts of items that share a key (a category over its months), largest first. */
const countsBy = <T extends { count: number }>(items: T[], key: (x: T) => unknown) =>
  merge(
    items,
    key,
    (a, b) => {
      a.count += b.count;
    },
    (x) => x.count,
  );

const sum = <T>(xs: readonly T[], f: (x: T) => number) => xs.reduce((n, x) => n + f(x), 0);

export async function communityReport(
  sources: ReportSources,
  figures: ReportFigures,
  p: Period,
  now: Date,
  tz: string,
): Promise<CommunityReport> {
  const today = localDate(now, tz);
  const thisMonth = today.slice(0, 7);
  const inPeriod = new Set(periodMonths(p).filter((m) => m <= thisMonth));
  const months = trendMonths(p).filter((m) => m <= thisMonth);
  const from = `${months[0] ?? p.from.slice(0, 7)}-01`;
  const utc = (date: string) => zonedToUtc(date, '00:00', tz).toISOString();

  // One read of each area over the trend's months; the period's figures are its months of it. Asked all at once:
  // the heavy counts run on the read threads meanwhile (issue 14 item 9), so their waits overlap the rest.
  const [market, residentsServed, relief, pet, books, volunteers, activities] = await Promise.all([
    sources.marketFigures(from, p.to, today),
    sources.marketResidentsServed(p.from, p.to, today),
    sources.reliefMonths(months),
    sources.petitionFigures(utc(from), utc(p.to), now),
    figures.fundBooks(),
    figures.volunteerHours(p.from, p.to),
    sources.activityFigures(p.from, p.to, today),
  ]);
  const fundOf = (m: string) => totalsOf(books.rows, m, nextMonth(m));

  const days = market.days.filter((d) => inPeriod.has(d.date.slice(0, 7)));
  // Residents helped are counted once over the period, however often they came; a walk-in is one each visit.
  const helped = residentsServed + sum(days, (d) => d.walkIns);
  const reliefIn = [...relief].filter(([m, r]) => inPeriod.has(m) && r.collected > 0).map(([, r]) => r);
  const petIn = pet.months.filter((m) => inPeriod.has(m.month));
  type Counted = 'filed' | 'ackedInTime' | 'ackDue' | 'resolved' | 'answerDue' | 'satisfied' | 'rated' | 'ratingSum';
  const petSum = (k: Counted) => sum(petIn, (m) => m[k]);
  return {
    period: p,
    market: {
      held: days.length,
      served: sum(days, (d) => d.served),
      helped,
      solved: sum(days, (d) => d.solved),
    },
    relief: {
      expected: sum(reliefIn, (r) => r.expected),
      collected: sum(reliefIn, (r) => r.collected),
      festivalExtras: sum(reliefIn, (r) => r.festivalExtras),
    },
    petitions: {
      filed: petSum('filed'),
      ackedInTime: petSum('ackedInTime'),
      ackDue: petSum('ackDue'),
      resolved: petSum('resolved'),
      answerDue: petSum('answerDue'),
      satisfied: petSum('satisfied'),
      rated: petSum('rated'),
      ratingSum: petSum('ratingSum'),
    },
    fund: totalsOf(books.rows, p.from.slice(0, 7), p.to.slice(0, 7)),
    volunteers,
    activities,
    byCategory: countsBy(
      petIn.flatMap((m) => m.byCategory),
      (c) => c.category,
    ),
    byCommunity: countsBy(
      petIn.flatMap((m) => m.byCommunity),
      (c) => c.communityId,
    ),
    services: merge(
      days.flatMap((d) => d.services),
      (x) => x.serviceId,
      (a, b) => {
        a.booked += b.booked;
        a.capacity += b.capacity;
        a.served += b.served;
      },
      (x) => x.booked,
    ),
    trend: months.map((month) => ({
      month,
      served: sum(
        market.days.filter((d) => d.date.startsWith(month)),
        (d) => d.served,
      ),
      relief: relief.get(month)?.collected ?? 0,
      petitions: pet.months.find((x) => x.month === month)?.filed ?? 0,
      income: fundOf(month).incomeTotal,
      expense: fundOf(month).expenseTotal,
    })),
  };
}

const ratio = (n: number, d: number, digits: number) => (d === 0 ? '' : (n / d).toFixed(digits));

/** One metric per row, for the office's spreadsheet and the command line; money in yuan with two decimals. */
export function reportRows(r: CommunityReport): [string, string | number][] {
  const yuan = (fen: number) => (fen / 100).toFixed(2);
  const pet = r.petitions;
  return [
    ['period', r.period.label],
    ['market_days_held', r.market.held],
    ['market_people_served', r.market.served],
    ['market_residents_helped', r.market.helped],
    ['market_problems_solved', r.market.solved],
    ['relief_packages_expected', r.relief.expected],
    ['relief_packages_collected', r.relief.collected],
    ['relief_festival_extras', r.relief.festivalExtras],
    ['petitions_received', pet.filed],
    ['petitions_acknowledged_in_time', pet.ackedInTime],
    ['petitions_acknowledgement_due', pet.ackDue],
    ['petitions_resolved', pet.resolved],
    ['petitions_answer_due', pet.answerDue],
    ['petitions_resolution_rate', ratio(pet.resolved, pet.answerDue, 3)],
    ['petitions_satisfied', pet.satisfied],
    ['petitions_rated', pet.rated],
    ['petitions_satisfaction', ratio(pet.ratingSum, pet.rated, 2)],
    ['fund_income_yuan', yuan(r.fund.incomeTotal)],
    ['fund_self_generated_yuan', yuan(r.fund.selfGenerated)],
    ['fund_spending_yuan', yuan(r.fund.expenseTotal)],
    ['volunteer_hours', (r.volunteers.minutes / 60).toFixed(1)],
    ['volunteers_active', r.volunteers.people],
    ['activities_held', r.activities.held],
    ['activity_sign_ups', r.activities.signUps],
    ['activity_attendance', r.activities.attended],
    ['activity_walk_ins', r.activities.walkIns],
    ['activity_no_shows', r.activities.noShows],
    ['drills_held', r.activities.drills.held],
    ['drill_participants', r.activities.drills.people],
  ];
}
