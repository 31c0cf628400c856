import {
  barSections,
  base,
  type ChartOption,
  type ChartSpec,
  columnParts,
  count,
  figures,
  footnote,
  HEAD,
  money,
  pairedBars,
  percent,
  SIZE,
  title,
} from '../../../charts';
import { periodName } from '../period';
import type { CommunityReport } from '../report';
import type { Words } from './fund';

// The community report's pictures (issue 18): the headline figures the sub-district reports and a trend by month;
// petitions by category and community; the market's services by demand. All from the one CommunityReport, the same
// read the report's message is made from.

/** Labels drawn in the chart font: a leading emoji (which the font lacks) is dropped. */
const plain = (s: string) => s.replace(/^[^\p{L}\p{N}]+/u, '').trim();

/** The report as one image: the headline figures, then the trend of the months up to the period's end. */
export function reportPicture({ t, locale }: Words, r: CommunityReport): ChartSpec {
  const m = r.market;
  const p = r.petitions;
  const items = [
    { label: t('fund.picture.r.markets'), value: count(m.held, locale) },
    { label: t('fund.picture.r.served'), value: count(m.served, locale) },
    { label: t('fund.picture.r.helped'), value: count(m.helped, locale) },
    { label: t('fund.picture.r.solved'), value: count(m.solved, locale) },
    {
      label: t('fund.picture.r.relief'),
      value: count(r.relief.collected, locale),
      note: t('fund.picture.r.reliefOf', { expected: r.relief.expected }),
    },
    {
      label: t('fund.picture.r.petitions'),
      value: count(p.filed, locale),
      note: t('fund.picture.r.petitionsNote', {
        onTime: percent(p.ackedInTime, p.ackDue),
        resolved: percent(p.resolved, p.answerDue),
        satisfied: percent(p.satisfied, p.rated),
      }),
    },
    { label: t('fund.picture.r.fundIn'), value: money(r.fund.incomeTotal, locale) },
    { label: t('fund.picture.r.fundOut'), value: money(r.fund.expenseTotal, locale) },
    {
      label: t('fund.picture.r.activities'),
      value: count(r.activities.held, locale),
      note: t('fund.picture.r.activitiesNote', {
        attended: r.activities.attended,
        signUps: r.activities.signUps,
        noShows: r.activities.noShows,
      }),
    },
  ];
  const head = figures(items, HEAD);
  const top = HEAD + head.height + 16;
  const { height, ...trend } = columnParts({
    categories: r.trend.map((x) => x.month.slice(2)),
    series: [
      { name: t('fund.picture.r.trendServed'), data: r.trend.map((x) => x.served) },
      { name: t('fund.picture.r.trendRelief'), data: r.trend.map((x) => x.relief) },
      { name: t('fund.picture.r.trendPetitions'), data: r.trend.map((x) => x.petitions), type: 'line' },
    ],
    locale,
    top,
    plotHeight: 200,
  });
  const foot = top + height + 8;
  const option = {
    ...base(),
    title: title(t('fund.picture.r.title', { period: periodName(r.period, locale) }), t('fund.picture.r.sub')),
    ...trend,
    graphic: { elements: [...head.elements, footnote(t('fund.picture.r.trendNote'), foot)] },
  } as ChartOption;
  return { option, width: SIZE.width, height: foot + 32 };
}

/** The period's petitions by category and by community. */
export function petitionsPicture({ t, locale }: Words, r: CommunityReport): ChartSpec {
  const name = (c: { nameZh: string; nameEn: string; communityId: number | null }) =>
    c.communityId === null ? t('fund.picture.p.noCommunity') : locale === 'en' ? c.nameEn || c.nameZh : c.nameZh;
  const bar = (n: string, v: number) => ({ name: n, value: v, label: count(v, locale) });
  return barSections({
    title: t('fund.picture.p.title', { period: periodName(r.period, locale) }),
    subtitle: t('fund.picture.p.sub', { count: r.petitions.filed }),
    sections: [
      {
        heading: t('fund.picture.p.byCategory'),
        bars: r.byCategory.map((c) => bar(plain(locale === 'en' ? c.nameEn : c.nameZh), c.count)),
        empty: t('fund.picture.p.none'),
      },
      { heading: t('fund.picture.p.byCommunity'), bars: r.byCommunity.map((c) => bar(name(c), c.count)) },
    ],
  });
}

/** The market's services by demand over the period: places booked against places offered. */
export function demandPicture({ t, locale }: Words, r: CommunityReport): ChartSpec {
  return pairedBars({
    title: t('fund.picture.d.title', { period: periodName(r.period, locale) }),
    subtitle: t('fund.picture.d.sub'),
    items: r.services.map((s) => ({
      name: locale === 'en' ? s.nameEn || s.nameZh : s.nameZh,
      used: s.booked,
      of: s.capacity,
    })),
    names: { used: t('fund.picture.d.booked'), of: t('fund.picture.d.places') },
    empty: t('fund.picture.d.none'),
  });
}
