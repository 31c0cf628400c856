import type { TFunction } from '../../../i18n';
import { grid, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import type { Bar } from '../chart';
import { previousMonth } from '../ledger';
import { formatYuan as yuan } from '../money';
import type { CommunityReport } from '../report';
import type { Card } from './entry';
import { legend } from './summary';

const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

/** The community report in one message: market, relief, petitions, the fund and volunteers. */
export function reportText(t: TFunction, r: CommunityReport): string {
  return t('fund.report.text', {
    period: r.period.label,
    marketDays: r.market.held,
    served: r.market.served,
    residents: r.market.residents,
    solved: r.market.solved,
    reliefCollected: r.relief.collected,
    reliefExpected: r.relief.expected,
    festivalExtras: r.relief.festivalExtras,
    petitions: r.petitions.filed,
    resolution: pct(r.petitions.resolutionRate),
    resolved: r.petitions.resolved,
    answerDue: r.petitions.answerDue,
    satisfaction: r.petitions.satisfaction === null ? '—' : r.petitions.satisfaction.toFixed(1),
    rated: r.petitions.rated,
    income: yuan(r.fund.incomeTotal),
    selfGenerated: yuan(r.fund.selfGenerated),
    spending: yuan(r.fund.expenseTotal),
    hours: (r.volunteers.minutes / 60).toFixed(1),
    volunteers: r.volunteers.people,
  });
}

export const reportCaption = (t: TFunction, period: string, bars: Bar[]) =>
  [t('fund.report.chartTitle', { period }), ...legend(t, bars)].join('\n');

/** Which report: this month, last month, this year or last year, each a button (no period to type). */
export function reportChoice(t: TFunction, today: string, text = t('fund.report.choose')): Card {
  const month = today.slice(0, 7);
  const year = Number(today.slice(0, 4));
  const periods = [
    { label: t('fund.report.thisMonth', { period: month }), period: month },
    { label: t('fund.report.lastMonth', { period: previousMonth(month) }), period: previousMonth(month) },
    { label: t('fund.report.thisYear', { period: year }), period: String(year) },
    { label: t('fund.report.lastYear', { period: year - 1 }), period: String(year - 1) },
  ];
  return { text, markup: markup(grid(periods.map((p) => ({ text: p.label, data: CB.report(p.period) })))) };
}
