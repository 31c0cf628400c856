import type { Sheet } from '../../core/sheets';
import type { TFunction } from '../../i18n';
import type { Exporter, Period as WorkbenchPeriod } from '../../telegram/workbench';
import type { Statement } from './books';
import { INCOME_KINDS, PURPOSES } from './ledger';
import { plainYuan } from './money';
import { type CommunityReport, type Period, parsePeriod, reportRows } from './report';
import type { Entry } from './store';

// What staff download from the workbench (issue 15): the ledger, a month's statement and the community report, as
// XLSX and CSV with headers in their language. The workbench picks the period with buttons and audits the download.

/** The workbench's period as the report's: a month or a year. */
export function periodOf(p: WorkbenchPeriod | null): Period | null {
  if (p?.kind === 'month') return parsePeriod(p.month);
  if (p?.kind === 'year') return parsePeriod(p.year);
  return null;
}

const LEDGER_COLUMNS = [
  'id',
  'date',
  'direction',
  'kind',
  'purpose',
  'amount',
  'donor',
  'public',
  'note',
  'ref',
  'reverses',
  'source',
  'recordedAt',
] as const;

/** Every entry of the period, reversals included (negative, with the entry they reverse). */
export function ledgerSheet(t: TFunction, entries: Entry[], partnerNames: Map<number, string>): Sheet {
  return {
    name: t('fund.sheet.ledger'),
    header: LEDGER_COLUMNS.map((c) => t(`fund.sheet.col.${c}`)),
    rows: entries.map((e) => [
      e.id,
      e.date,
      t(`fund.sheet.${e.direction}`),
      e.kind ? t(`fund.kind.${e.kind}`) : '',
      e.purpose ? t(`fund.purpose.${e.purpose}`) : '',
      Number(plainYuan(e.amountFen)),
      (e.partnerId !== null ? partnerNames.get(e.partnerId) : undefined) ?? e.donorName ?? '',
      e.direction === 'income' ? t(e.donorPublic ? 'fund.sheet.yes' : 'fund.sheet.no') : '',
      e.note,
      e.ref ?? '',
      e.reversesId ?? '',
      e.source,
      e.recordedAt,
    ]),
  };
}

/** A month's statement as rows of label and amount: the same figures as the message and the picture. */
export function statementSheet(t: TFunction, s: Statement): Sheet {
  const yuan = (fen: number) => Number(plainYuan(fen));
  const rows: [string, number][] = [
    [t('fund.picture.monthIncome'), yuan(s.totals.incomeTotal)],
    ...INCOME_KINDS.map((k): [string, number] => [`  ${t(`fund.kind.${k}`)}`, yuan(s.totals.income[k])]),
    [t('fund.picture.monthExpense'), yuan(s.totals.expenseTotal)],
    ...PURPOSES.map((p): [string, number] => [`  ${t(`fund.purpose.${p}`)}`, yuan(s.totals.expense[p])]),
    [t('fund.picture.yearIn', { year: s.month.slice(0, 4) }), yuan(s.yearToDate.incomeTotal)],
    [t('fund.picture.yearOut', { year: s.month.slice(0, 4) }), yuan(s.yearToDate.expenseTotal)],
    [t('fund.picture.allIn'), yuan(s.sinceStart.incomeTotal)],
    [t('fund.picture.allOut'), yuan(s.sinceStart.expenseTotal)],
    [t('fund.picture.balance'), yuan(s.closing.balance)],
    [t('fund.picture.directed'), yuan(s.closing.restrictedTotal)],
    [t('fund.picture.free'), yuan(s.closing.free)],
  ];
  return { name: s.month, header: [t('fund.sheet.col.item'), t('fund.sheet.col.yuan')], rows };
}

/** The community report: one metric a row, then its trend month by month. */
export function reportSheets(t: TFunction, r: CommunityReport): Sheet[] {
  return [
    {
      name: t('fund.sheet.report'),
      header: [t('fund.sheet.col.metric'), t('fund.sheet.col.value')],
      rows: reportRows(r).map(([k, v]) => [t(`fund.sheet.metric.${k}`), v]),
    },
    {
      name: t('fund.sheet.trend'),
      header: ['month', 'served', 'relief', 'petitions', 'income', 'expense'].map((c) => t(`fund.sheet.col.${c}`)),
      rows: r.trend.map((m) => [m.month, m.served, m.relief, m.petitions, plainYuan(m.income), plainYuan(m.expense)]),
    },
  ];
}

/** What the fund's exporters need of its service. */
export interface FundSheetsSource {
  entriesBetween(from: string, to: string): Promise<{ entries: Entry[]; names: Map<number, string> }>;
  statement(month: string): Promise<Statement>;
  report(p: Period): Promise<CommunityReport>;
}

const label = (p: WorkbenchPeriod | null) => periodOf(p)?.label ?? 'all';

export function fundExporters(fund: FundSheetsSource): Exporter[] {
  return [
    {
      key: 'fund-ledger',
      labelKey: 'fund.sheet.ledgerLabel',
      roles: ['staff'],
      period: 'month-or-year',
      async sheets(t, period) {
        const p = periodOf(period);
        const { entries, names } = await fund.entriesBetween(p?.from ?? '0000-01-01', p?.to ?? '9999-12-31');
        return [ledgerSheet(t, entries, names)];
      },
      fileName: (p) => `fund-ledger-${label(p)}`,
    },
    {
      key: 'fund-statement',
      labelKey: 'fund.sheet.statementLabel',
      roles: ['staff'],
      period: 'month',
      async sheets(t, period) {
        const month = period?.kind === 'month' ? period.month : null;
        return month ? [statementSheet(t, await fund.statement(month))] : [];
      },
      fileName: (p) => `fund-statement-${label(p)}`,
    },
    {
      key: 'community-report',
      labelKey: 'fund.sheet.reportLabel',
      roles: ['staff'],
      period: 'month-or-year',
      async sheets(t, period) {
        const p = periodOf(period);
        return p ? reportSheets(t, await fund.report(p)) : [];
      },
      fileName: (p) => `community-report-${label(p)}`,
    },
  ];
}
