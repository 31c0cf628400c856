import type { TFunction } from '../../../i18n';
import { type Button, grid, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { nextMonth, previousMonth } from '../ledger';
import { formatYuan as yuan } from '../money';
import { quarterOf } from '../period';
import type { CommunityReport, ReportActivities } from '../report';
import type { Card } from './entry';

const pct = (n: number, d: number) => (d === 0 ? '—' : `${Math.round((n / d) * 100)}%`);

/** Organisers named in the message, busiest first; the activities export lists every one. */
const ORGANISERS_SHOWN = 6;

/** The period's activities: held, sign-ups and who came, by kind and organiser, and the drills' outcomes. */
function activitiesText(t: TFunction, a: ReportActivities): string {
  const group = (name: string, g: { held: number; signUps: number; attended: number }) =>
    t('fund.report.activityGroup', { name, held: g.held, attended: g.attended, signUps: g.signUps });
  const list = (xs: string[]) => xs.join(t('fund.report.listJoin'));
  const lines = [
    t('fund.report.activities', {
      held: a.held,
      signUps: a.signUps,
      attended: a.attended,
      walkIns: a.walkIns,
      noShows: a.noShows,
    }),
  ];
  if (a.byKind.length)
    lines.push(
      t('fund.report.activitiesByKind', {
        list: list(a.byKind.map((k) => group(t(`activities.kinds.${k.kind}`), k))),
      }),
    );
  if (a.byOrganiser.length)
    lines.push(
      t('fund.report.activitiesByOrganiser', {
        list: list([
          ...a.byOrganiser
            .slice(0, ORGANISERS_SHOWN)
            .map((o) => group(o.organiser ?? t('fund.report.communityOrganiser'), o)),
          ...(a.byOrganiser.length > ORGANISERS_SHOWN
            ? [t('fund.report.moreOrganisers', { count: a.byOrganiser.length - ORGANISERS_SHOWN })]
            : []),
        ]),
      }),
    );
  if (a.drills.held) {
    const times = a.drills.seconds.map((s) => t('fund.report.drillTime', { min: Math.floor(s / 60), sec: s % 60 }));
    const taken = times.length ? t('fund.report.drillTimes', { list: list(times) }) : '';
    lines.push(t('fund.report.drills', { held: a.drills.held, people: a.drills.people, times: taken }));
  }
  return lines.join('\n');
}

/** The community report in one message: market, relief, petitions, the fund, volunteers and activities. */
export function reportText(t: TFunction, r: CommunityReport): string {
  const p = r.petitions;
  const text = t('fund.report.text', {
    period: r.period.label,
    marketDays: r.market.held,
    served: r.market.served,
    helped: r.market.helped,
    solved: r.market.solved,
    reliefCollected: r.relief.collected,
    reliefExpected: r.relief.expected,
    festivalExtras: r.relief.festivalExtras,
    petitions: p.filed,
    onTime: pct(p.ackedInTime, p.ackDue),
    resolution: pct(p.resolved, p.answerDue),
    resolved: p.resolved,
    answerDue: p.answerDue,
    satisfaction: p.rated === 0 ? '—' : (p.ratingSum / p.rated).toFixed(1),
    rated: p.rated,
    income: yuan(r.fund.incomeTotal),
    selfGenerated: yuan(r.fund.selfGenerated),
    spending: yuan(r.fund.expenseTotal),
    hours: (r.volunteers.minutes / 60).toFixed(1),
    volunteers: r.volunteers.people,
  });
  return `${text}\n${activitiesText(t, r.activities)}`;
}

/** Under the report's picture: its other pictures. */
export const reportButtons = (t: TFunction, period: string) =>
  markup([
    [
      { text: t('fund.report.petitions'), data: CB.reportPetitions(period) },
      { text: t('fund.report.demand'), data: CB.reportDemand(period) },
    ],
  ]);

const previousQuarter = (q: string) =>
  q.endsWith('Q1') ? `${Number(q.slice(0, 4)) - 1}-Q4` : `${q.slice(0, 6)}${Number(q.slice(6)) - 1}`;

/** Which report: this or last month, quarter, year, or a month from a list — each a button, no period to type. */
export function reportChoice(t: TFunction, today: string, text = t('fund.report.choose')): Card {
  const month = today.slice(0, 7);
  const quarter = quarterOf(month);
  const year = Number(today.slice(0, 4));
  const periods = [
    { label: t('fund.report.thisMonth', { period: month }), period: month },
    { label: t('fund.report.lastMonth', { period: previousMonth(month) }), period: previousMonth(month) },
    { label: t('fund.report.thisQuarter', { period: quarter }), period: quarter },
    { label: t('fund.report.lastQuarter', { period: previousQuarter(quarter) }), period: previousQuarter(quarter) },
    { label: t('fund.report.thisYear', { period: year }), period: String(year) },
    { label: t('fund.report.lastYear', { period: year - 1 }), period: String(year - 1) },
  ];
  const rows = grid(periods.map((p) => ({ text: p.label, data: CB.report(p.period) })));
  rows.push([{ text: t('fund.report.months'), data: CB.reportMonths(year) }]);
  return { text, markup: markup(rows) };
}

/** The months of a year up to this month, three a row, with the year before and after to page. */
export function monthChoice(t: TFunction, today: string, year: number): Card {
  const months: Button[] = [];
  for (let m = `${year}-01`; m.startsWith(String(year)) && m <= today.slice(0, 7); m = nextMonth(m))
    months.push({ text: m, data: CB.report(m) });
  const rows = grid(months, 3);
  const nav: Button[] = [{ text: `◀ ${year - 1}`, data: CB.reportMonths(year - 1) }];
  if (year < Number(today.slice(0, 4))) nav.push({ text: `${year + 1} ▶`, data: CB.reportMonths(year + 1) });
  rows.push(nav);
  return { text: t('fund.report.pickMonth'), markup: markup(rows) };
}
