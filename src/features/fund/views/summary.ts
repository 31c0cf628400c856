import type { TFunction } from '../../../i18n';
import { type Button, markup } from '../../../telegram/markup';
import type { InlineMarkup } from '../../../telegram/port';
import { CB as PARTNERS } from '../../partners/callbacks';
import type { FundSummary } from '../books';
import { CB } from '../callbacks';
import { INCOME_KINDS, type PeriodTotals, PURPOSES } from '../ledger';
import { formatYuan as yuan } from '../money';

/** The buttons under /fund: the chart, donors, giving, the statement, partners and teams; staff also record. */
export function fundButtons(t: TFunction, subscribed: boolean, isStaff: boolean): InlineMarkup {
  const rows: Button[][] = [
    [
      { text: t('fund.buttons.chart'), data: CB.chart },
      { text: t('fund.buttons.income'), data: CB.income },
    ],
    [{ text: t('fund.buttons.donors'), data: CB.donors }],
    [
      { text: t('fund.buttons.pledge'), data: CB.pledge },
      subscribed
        ? { text: t('fund.buttons.unsubscribe'), data: CB.unsubscribe }
        : { text: t('fund.buttons.subscribe'), data: CB.subscribe },
    ],
    [
      { text: t('fund.buttons.partners'), data: PARTNERS.types },
      { text: t('fund.buttons.volunteers'), data: PARTNERS.teams },
    ],
  ];
  if (isStaff)
    rows.push(
      [
        { text: t('fund.buttons.add'), data: CB.add },
        { text: t('fund.buttons.ledger'), data: CB.ledger(0) },
      ],
      [
        { text: t('fund.buttons.pledges'), data: CB.pledges },
        { text: t('fund.buttons.report'), data: CB.reportMenu },
      ],
    );
  return markup(rows);
}

function periodBlock(t: TFunction, title: string, p: PeriodTotals): string {
  const lines = [`<b>${title}</b>`, t('fund.summary.income', { amount: yuan(p.incomeTotal) })];
  for (const k of INCOME_KINDS)
    if (p.income[k] !== 0)
      lines.push(t('fund.summary.line', { label: t(`fund.kind.${k}`), amount: yuan(p.income[k]) }));
  lines.push(t('fund.summary.expense', { amount: yuan(p.expenseTotal) }));
  for (const u of PURPOSES)
    if (p.expense[u] !== 0)
      lines.push(t('fund.summary.line', { label: t(`fund.purpose.${u}`), amount: yuan(p.expense[u]) }));
  if (p.selfGenerated !== 0) lines.push(t('fund.summary.selfGenerated', { amount: yuan(p.selfGenerated) }));
  return lines.join('\n');
}

/** The /fund message: balance (restricted money named as such), then this month, this year and since the start. */
export function summaryText(t: TFunction, s: FundSummary): string {
  if (!s.since) return t('fund.summary.empty');
  const head = [t('fund.summary.title'), t('fund.summary.balance', { amount: yuan(s.balance) })];
  if (s.restrictedTotal > 0) {
    const parts = PURPOSES.filter((p) => s.restricted[p] > 0).map((p) =>
      t('fund.summary.restrictedPart', { purpose: t(`fund.purpose.${p}`), amount: yuan(s.restricted[p]) }),
    );
    head.push(
      t('fund.summary.restricted', {
        amount: yuan(s.restrictedTotal),
        parts: parts.join(t('fund.summary.sep')),
        free: yuan(s.free),
      }),
    );
  }
  head.push(t('fund.summary.since', { date: s.since }));
  if (s.founding)
    head.push(
      t('fund.summary.founding', { date: s.founding.date, amount: yuan(s.founding.fen), donors: s.founding.donors }),
    );
  return [
    head.join('\n'),
    periodBlock(t, t('fund.summary.month', { month: s.today.slice(0, 7) }), s.month),
    periodBlock(t, t('fund.summary.year', { year: s.today.slice(0, 4) }), s.year),
    periodBlock(t, t('fund.summary.all'), s.all),
  ].join('\n\n');
}

export function donorsText(t: TFunction, donors: { name: string; fen: number }[]): string {
  const lines = donors.map((d) => t('fund.donors.line', { name: d.name, amount: yuan(d.fen) }));
  return [
    t('fund.donors.title'),
    ...(lines.length ? lines : [t('fund.donors.none')]),
    '',
    t('fund.donors.privacy'),
  ].join('\n');
}
