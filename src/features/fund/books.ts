import { type Balances, balances, nextMonth, type PeriodTotals, periodTotals } from './ledger';
import type { Founding, MonthRow } from './store';

// The books by calendar month: every figure the fund shows — the /fund summary, a month's statement, the charts,
// the community report's fund line — is summed here from the same rows (one read of fund_month_totals), so the
// text and the picture of a figure can never disagree, and "this month / this year / since the start" add up.

export type { Founding, MonthRow } from './store';

export interface FundBooks {
  /** The first day in the ledger (null: no entries yet). */
  since: string | null;
  founding: Founding | null;
  rows: MonthRow[];
}

/** Totals of the months in [from, to) ('YYYY-MM'; either end open when omitted). */
export function totalsOf(rows: readonly MonthRow[], from?: string, to?: string): PeriodTotals {
  return periodTotals(
    rows.filter((r) => (from === undefined || r.month >= from) && (to === undefined || r.month < to)),
  );
}

/** The balance, and what of it is directed, at the end of `month` (or now, when omitted). */
export const balancesAt = (rows: readonly MonthRow[], month?: string): Balances =>
  balances(month === undefined ? [...rows] : rows.filter((r) => r.month <= month));

/** Months from `from` to `to` inclusive ('YYYY-MM'). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  for (let m = from; m <= to; m = nextMonth(m)) out.push(m);
  return out;
}

export interface FundSummary extends Balances {
  today: string;
  since: string | null;
  founding: Founding | null;
  month: PeriodTotals;
  year: PeriodTotals;
  all: PeriodTotals;
}

/** /fund as of `today`: this month, this year, since the start, and the balance — all from the same rows. */
export function summaryOf(books: FundBooks, today: string): FundSummary {
  const month = today.slice(0, 7);
  const year = `${today.slice(0, 4)}-01`;
  return {
    today,
    since: books.since,
    founding: books.founding,
    month: totalsOf(books.rows, month, nextMonth(month)),
    year: totalsOf(books.rows, year, nextMonth(month)),
    all: totalsOf(books.rows, undefined, nextMonth(month)),
    ...balancesAt(books.rows, month),
  };
}

/** A month's statement: the month, the year to its end, since the start to its end, and the balance then. */
export interface Statement {
  month: string;
  since: string | null;
  founding: Founding | null;
  totals: PeriodTotals;
  yearToDate: PeriodTotals;
  sinceStart: PeriodTotals;
  closing: Balances;
}

export function statementOf(books: FundBooks, month: string): Statement {
  const end = nextMonth(month);
  return {
    month,
    since: books.since,
    founding: books.founding !== null && books.founding.date < `${end}-01` ? books.founding : null,
    totals: totalsOf(books.rows, month, end),
    yearToDate: totalsOf(books.rows, `${month.slice(0, 4)}-01`, end),
    sinceStart: totalsOf(books.rows, undefined, end),
    closing: balancesAt(books.rows, month),
  };
}

/** Income and spending month by month over [from, to] ('YYYY-MM'), every month present (zeros included). */
export function monthlySeries(books: FundBooks, from: string, to: string): { month: string; totals: PeriodTotals }[] {
  return monthsBetween(from, to).map((month) => ({ month, totals: totalsOf(books.rows, month, nextMonth(month)) }));
}
