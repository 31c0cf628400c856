import {
  type Bar,
  barSections,
  type ChartSpec,
  columnsChart,
  exactMoney,
  footnote,
  lines,
  money,
} from '../../../charts';
import type { Locale } from '../../../config';
import type { TFunction } from '../../../i18n';
import { type FundBooks, type FundSummary, monthlySeries, type Statement } from '../books';
import { INCOME_KINDS, PURPOSES } from '../ledger';

// The fund's pictures (issue 18), each drawn from the same books the text is written from: where the money went,
// income by kind over the months, and a month's statement as an image to forward to a WeChat group.

export interface Words {
  t: TFunction;
  locale: Locale;
}

/** Where the money went since the start: spending by purpose, and apart from it what is still in the fund. */
export function moneyWentPicture({ t, locale }: Words, s: FundSummary): ChartSpec {
  const bar = (name: string, fen: number): Bar => ({ name, value: fen / 100, label: money(fen, locale) });
  const spent = PURPOSES.filter((p) => s.all.expense[p] > 0).map((p) => bar(t(`fund.purpose.${p}`), s.all.expense[p]));
  const left = [
    ...PURPOSES.filter((p) => s.restricted[p] > 0).map((p) =>
      bar(t('fund.picture.directedFor', { purpose: t(`fund.purpose.${p}`) }), s.restricted[p]),
    ),
    ...(s.free > 0 ? [bar(t('fund.picture.free'), s.free)] : []),
  ];
  return barSections({
    title: t('fund.picture.wentTitle'),
    subtitle: t('fund.picture.wentSub', { since: s.since ?? '', spent: money(s.all.expenseTotal, locale) }),
    sections: [
      { heading: t('fund.picture.spent'), bars: spent, empty: t('fund.picture.nothingSpent') },
      { heading: t('fund.picture.left', { amount: money(s.balance, locale) }), bars: left },
    ],
  });
}

/** Income by kind, month by month over [from, to] ('YYYY-MM'), stacked; kinds with no income are left out. */
export function incomePicture({ t, locale }: Words, books: FundBooks, from: string, to: string): ChartSpec {
  const months = monthlySeries(books, from, to);
  const kinds = INCOME_KINDS.filter((k) => months.some((m) => m.totals.income[k] > 0));
  return columnsChart({
    title: t('fund.picture.incomeTitle'),
    subtitle: t('fund.picture.incomeSub', { from, to }),
    categories: months.map((m) => m.month.slice(2)),
    series: kinds.map((k) => ({ name: t(`fund.kind.${k}`), data: months.map((m) => m.totals.income[k] / 100) })),
    stacked: true,
    locale,
  });
}

/** A month's statement as a picture: the same lines as the text, the founding fund named with its donors. */
export function statementPicture({ t, locale }: Words, s: Statement): ChartSpec {
  const yuan = (fen: number) => exactMoney(fen, locale);
  const items = [
    { label: t('fund.picture.monthIncome'), value: yuan(s.totals.incomeTotal), strong: true },
    ...INCOME_KINDS.filter((k) => s.totals.income[k] !== 0).map((k) => ({
      label: t(`fund.kind.${k}`),
      value: yuan(s.totals.income[k]),
      part: true,
    })),
    { label: t('fund.picture.monthExpense'), value: yuan(s.totals.expenseTotal), strong: true },
    ...PURPOSES.filter((p) => s.totals.expense[p] !== 0).map((p) => ({
      label: t(`fund.purpose.${p}`),
      value: yuan(s.totals.expense[p]),
      part: true,
    })),
    { label: t('fund.picture.yearIn', { year: s.month.slice(0, 4) }), value: yuan(s.yearToDate.incomeTotal) },
    { label: t('fund.picture.yearOut', { year: s.month.slice(0, 4) }), value: yuan(s.yearToDate.expenseTotal) },
    { label: t('fund.picture.allIn'), value: yuan(s.sinceStart.incomeTotal) },
    { label: t('fund.picture.allOut'), value: yuan(s.sinceStart.expenseTotal) },
    { label: t('fund.picture.balance'), value: yuan(s.closing.balance), strong: true },
    { label: t('fund.picture.directed'), value: yuan(s.closing.restrictedTotal), part: true },
    { label: t('fund.picture.free'), value: yuan(s.closing.free), part: true },
  ];
  const f = s.founding;
  const note = f
    ? t('fund.picture.founding', { date: f.date, amount: exactMoney(f.fen, locale), donors: f.donors })
    : t('fund.picture.source');
  return barSections({
    title: t('fund.picture.statementTitle', { month: s.month }),
    subtitle: t('fund.picture.statementSub'),
    sections: [],
    extra: (top) => {
      const body = lines(items, top);
      return { elements: [...body.elements, footnote(note, top + body.height + 12)], height: body.height + 40 };
    },
  });
}
