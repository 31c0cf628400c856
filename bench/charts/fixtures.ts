import type { ChartSpec } from '../../src/charts';
import type { Locale } from '../../src/config';
import { type FundBooks, type MonthRow, statementOf, summaryOf } from '../../src/features/fund/books';
import { incomePicture, moneyWentPicture, statementPicture } from '../../src/features/fund/pictures/fund';
import { demandPicture, petitionsPicture, reportPicture } from '../../src/features/fund/pictures/report';
import { type CommunityReport, parsePeriod } from '../../src/features/fund/report';
import { createI18n } from '../../src/i18n';

// Each picture the bot sends, drawn from a year of books and a quarter's report shaped like the demo's: the sizes
// of what is rendered (bars, months, labels) are what the bot renders, so the times are the bot's.

const months = (from: string, n: number) =>
  Array.from({ length: n }, (_, i) => {
    const [y, m] = from.split('-').map(Number) as [number, number];
    const d = new Date(Date.UTC(y, m - 1 + i, 1));
    return d.toISOString().slice(0, 7);
  });

const row = (month: string, direction: string, kind: string | null, purpose: string | null, fen: number): MonthRow => ({
  month,
  direction,
  kind,
  purpose,
  fen,
});

const books: FundBooks = {
  since: '2024-07-04',
  founding: { date: '2024-07-04', fen: 10_050_000, donors: 25 },
  rows: [
    row('2024-07', 'income', 'directed', 'relief', 10_050_000),
    ...months('2024-08', 20).flatMap((m, i) => [
      row(m, 'income', 'monthly', null, 30_000 + i * 100),
      row(m, 'income', 'shop', null, 120_000 + i * 1_000),
      ...(i % 3 === 0 ? [row(m, 'income', 'consumption', null, 55_000)] : []),
      ...(i % 4 === 0 ? [row(m, 'income', 'service', null, 20_000)] : []),
      row(m, 'expense', null, 'relief', 180_000 + i * 2_000),
      ...(i % 2 === 0 ? [row(m, 'expense', null, 'groups', 50_000)] : []),
      ...(i % 5 === 0 ? [row(m, 'expense', null, 'facilities', 90_000)] : []),
    ]),
  ],
};

const report: CommunityReport = {
  period: parsePeriod('2025-Q4')!,
  market: { held: 9, served: 612, helped: 393, solved: 294 },
  relief: { expected: 507, collected: 498, festivalExtras: 20 },
  petitions: {
    filed: 40,
    ackedInTime: 38,
    ackDue: 40,
    resolved: 30,
    answerDue: 32,
    satisfied: 25,
    rated: 28,
    ratingSum: 130,
  },
  fund: summaryOf(books, '2025-12-10').year,
  volunteers: { minutes: 600, people: 12 },
  activities: {
    held: 31,
    signUps: 940,
    attended: 861,
    walkIns: 24,
    noShows: 103,
    byKind: [
      { kind: 'lecture', held: 9, signUps: 520, attended: 478 },
      { kind: 'class', held: 20, signUps: 300, attended: 275 },
      { kind: 'drill', held: 2, signUps: 120, attended: 108 },
    ],
    byOrganiser: [{ partnerId: null, organiser: null, held: 31, signUps: 940, attended: 861 }],
    drills: { held: 2, people: 240, seconds: [270, 310] },
  },
  trend: months('2025-01', 12).map((month, i) => ({
    month,
    served: 100 + i * 7,
    relief: 160 + i,
    petitions: 10 + (i % 4),
    income: 150_000 + i * 1_000,
    expense: 180_000 + i * 900,
  })),
  byCategory: [
    { category: 'roads', nameZh: '🌧 积水 / 道路', nameEn: 'Roads', count: 25 },
    { category: 'noise', nameZh: '噪音扰民', nameEn: 'Noise', count: 15 },
    { category: 'property', nameZh: '物业管理', nameEn: 'Property management', count: 11 },
    { category: 'safety', nameZh: '安全隐患', nameEn: 'Safety', count: 7 },
    { category: 'other', nameZh: '其他', nameEn: 'Other', count: 4 },
  ],
  byCommunity: [
    { communityId: 1, nameZh: '野鸭冲社区', nameEn: 'Yeyachong', count: 30 },
    { communityId: 2, nameZh: '月塘社区', nameEn: 'Yuetang', count: 20 },
    { communityId: 3, nameZh: '新桥社区', nameEn: 'Xinqiao', count: 9 },
    { communityId: null, nameZh: '', nameEn: '', count: 3 },
  ],
  services: [
    '理发|Haircut',
    '磨刀|Knife sharpening',
    '缝补|Mending',
    '修鞋|Shoe repair',
    '家电维修|Appliance repair',
  ].map((n, i) => {
    const [nameZh, nameEn] = n.split('|') as [string, string];
    return { serviceId: i + 1, nameZh, nameEn, booked: 80 - i * 9, capacity: 90 - i * 5, served: 75 - i * 9 };
  }),
};

const i18n = createI18n('zh-CN');

/** The six pictures in the reader's language, by name. */
export function pictures(locale: Locale): [string, ChartSpec][] {
  const w = { t: i18n.getFixedT(locale), locale };
  return [
    ['fund: where the money went', moneyWentPicture(w, summaryOf(books, '2025-12-10'))],
    ['fund: income by kind', incomePicture(w, books, '2025-01', '2025-12')],
    ['fund: statement', statementPicture(w, statementOf(books, '2025-12'))],
    ['report: community report', reportPicture(w, report)],
    ['report: petitions', petitionsPicture(w, report)],
    ['report: market demand', demandPicture(w, report)],
  ];
}
