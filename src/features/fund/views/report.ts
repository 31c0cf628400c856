import type { TFunction } from '../../../i18n';
import type { Bar } from '../chart';
import { formatYuan as yuan } from '../money';
import type { CommunityReport } from '../report';
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
