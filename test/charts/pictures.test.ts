import { describe, expect, it } from 'vitest';
import { exactMoney, money, renderChartAsync, stopChartThread } from '../../src/charts';
import { renderChart, renderSvg } from '../../src/charts/render';
import type { Locale } from '../../src/config';
import { type FundBooks, type MonthRow, statementOf, summaryOf } from '../../src/features/fund/books';
import { incomePicture, moneyWentPicture, statementPicture } from '../../src/features/fund/pictures/fund';
import { demandPicture, petitionsPicture, reportPicture } from '../../src/features/fund/pictures/report';
import type { CommunityReport } from '../../src/features/fund/report';
import { parsePeriod } from '../../src/features/fund/report';
import { createI18n } from '../../src/i18n';

const i18n = createI18n('zh-CN');
const words = (locale: Locale) => ({ t: i18n.getFixedT(locale), locale });

const row = (month: string, direction: string, kind: string | null, purpose: string | null, fen: number): MonthRow => ({
  month,
  direction,
  kind,
  purpose,
  fen,
});
// The founding fund (directed to relief), then a year of small gifts, shop sales and spending.
const books: FundBooks = {
  since: '2024-07-04',
  founding: { date: '2024-07-04', fen: 10_050_000, donors: 25 },
  rows: [
    row('2024-07', 'income', 'directed', 'relief', 10_050_000),
    row('2024-12', 'income', 'shop', null, 422_200),
    row('2025-02', 'expense', null, 'relief', 1_859_000),
    row('2025-03', 'income', 'monthly', null, 10_000),
    row('2025-03', 'expense', null, 'groups', 150_000),
  ],
};

describe('the fund pictures carry their labels and the ledger’s numbers', () => {
  it('where the money went: spending by purpose, and what is left apart, in both languages', () => {
    const s = summaryOf(books, '2025-03-10');
    const zh = renderSvg(moneyWentPicture(words('zh-CN'), s));
    for (const label of ['钱花在哪了', '帮困', '组织培育', money(1_859_000, 'zh-CN'), '定向·帮困', '可自由使用'])
      expect(zh, label).toContain(label);
    expect(zh).toContain(money(s.restricted.relief, 'zh-CN'));
    expect(zh).toContain(money(s.free, 'zh-CN'));
    expect(zh).not.toContain('公共设施'); // nothing spent on it: no 0.00 bar
    const en = renderSvg(moneyWentPicture(words('en'), s));
    for (const label of ['Where the money went', 'Relief', 'Free to use', '¥18,590'])
      expect(en, label).toContain(label);
  });

  it('the statement picture shows every figure of the statement, to the fen', () => {
    const st = statementOf(books, '2025-03');
    const svg = renderSvg(statementPicture(words('zh-CN'), st));
    const fen = [
      st.totals.incomeTotal,
      st.totals.expenseTotal,
      st.yearToDate.incomeTotal,
      st.yearToDate.expenseTotal,
      st.sinceStart.incomeTotal,
      st.sinceStart.expenseTotal,
      st.closing.balance,
      st.closing.restrictedTotal,
      st.closing.free,
    ];
    for (const f of fen) expect(svg, String(f)).toContain(exactMoney(f, 'zh-CN'));
    // month + earlier months of the year = the year; the year + earlier years = since the start
    expect(st.yearToDate.incomeTotal).toBe(10_000);
    expect(st.sinceStart.incomeTotal).toBe(10_050_000 + 422_200 + 10_000);
    expect(svg).toContain('设立基金：2024-07-04 25 家单位和个人捐赠 100,500.00元（定向捐）');
    expect(renderSvg(statementPicture(words('en'), st))).toContain('Founding fund');
  });

  it('income by kind over the months names each kind that brought money and no other', () => {
    const svg = renderSvg(incomePicture(words('zh-CN'), books, '2024-10', '2025-03'));
    for (const label of ['每月收入', '慈善超市义卖', '月月捐', '24-12', '25-03']) expect(svg, label).toContain(label);
    expect(svg).not.toContain('服务捐');
  });

  it('renders to a phone-sized PNG one and a half times the picture’s size, in little memory', () => {
    const spec = moneyWentPicture(words('zh-CN'), summaryOf(books, '2025-03-10'));
    renderChart(spec); // the font is opened once, on first use
    const rss = process.memoryUsage().rss;
    const r = renderChart(spec);
    // one render's extra memory; times and memory over many renders are measured by `npm run bench -- charts`
    expect((process.memoryUsage().rss - rss) / 1e6, 'MB').toBeLessThan(30);
    expect([r.width, r.height]).toEqual([810, Math.round(spec.height * 1.5)]);
    expect(r.png.subarray(1, 4).toString()).toBe('PNG');
    expect(r.png.readUInt32BE(16)).toBe(810);
    expect(r.png.readUInt32BE(20)).toBe(r.height);
  });
});

describe('rendering off the event loop', () => {
  it('the bot’s pictures are drawn whole on the chart thread, pixel for pixel the same, in the order asked', async () => {
    const specs = [
      statementPicture(words('zh-CN'), statementOf(books, '2025-03')),
      incomePicture(words('zh-CN'), books, '2024-07', '2024-12'), // its axis ticks are a named formatter
      demandPicture(words('zh-CN'), report), // its bar labels too
    ];
    const here = specs.map((s) => renderChart(s));
    // The chart is drawn on the thread (ECharts included): this event loop keeps turning meanwhile.
    let turns = 0;
    const ticker = setInterval(() => turns++, 1);
    const all = await Promise.all(Array.from({ length: 12 }, (_, i) => renderChartAsync(specs[i % 3]!)));
    clearInterval(ticker);
    all.forEach((r, i) => {
      expect(r.png.equals(here[i % 3]!.png), `picture ${i}`).toBe(true);
    });
    expect(all[1]!.svg).toMatch(/>\d+万</); // the axis in 万, drawn on the thread
    expect(turns).toBeGreaterThan(0);
    await stopChartThread();
  }, 60_000);
});

const report: CommunityReport = {
  period: parsePeriod('2025-Q1')!,
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
  fund: summaryOf(books, '2025-03-10').year,
  volunteers: { minutes: 600, people: 12 },
  activities: {
    held: 14,
    signUps: 310,
    attended: 287,
    walkIns: 9,
    noShows: 32,
    byKind: [{ kind: 'lecture', held: 14, signUps: 310, attended: 287 }],
    byOrganiser: [{ partnerId: null, organiser: null, held: 14, signUps: 310, attended: 287 }],
    drills: { held: 0, people: 0, seconds: [] },
  },
  trend: ['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03'].map((month, i) => ({
    month,
    served: 100 + i,
    relief: 160 + i,
    petitions: 10 + i,
    income: 0,
    expense: 0,
  })),
  byCategory: [
    { category: 'roads', nameZh: '🌧 积水 / 道路', nameEn: 'Roads', count: 25 },
    { category: 'noise', nameZh: '噪音扰民', nameEn: 'Noise', count: 15 },
  ],
  byCommunity: [
    { communityId: 1, nameZh: '野鸭冲社区', nameEn: 'Yeyachong', count: 30 },
    { communityId: null, nameZh: '', nameEn: '', count: 10 },
  ],
  services: [{ serviceId: 1, nameZh: '理发', nameEn: 'Haircut', booked: 80, capacity: 90, served: 75 }],
};

describe('the community report pictures', () => {
  it('the report carries the figures the sub-district reports and the months of the trend', () => {
    const zh = renderSvg(reportPicture(words('zh-CN'), report));
    for (const s of [
      '社区工作报告 · 2025年第1季度',
      '市集场次',
      '9',
      '服务人次',
      '612',
      '帮助居民（人）',
      '393',
      '294',
    ])
      expect(zh, s).toContain(s);
    expect(zh).toContain('应领 507 份');
    expect(zh).toContain('按时回应 95% · 办结 94% · 满意 89%');
    expect(zh).toContain('24-10');
    expect(zh).toContain('社区活动（场）');
    expect(zh).toContain('到场/报名 287/310 · 未到 32');
    const en = renderSvg(reportPicture(words('en'), report));
    for (const s of ['Community report · Q1 2025', 'Residents helped', 'People served', 'Activities held'])
      expect(en, s).toContain(s);
  });

  it('petitions by category and community, and the services by demand', () => {
    const p = renderSvg(petitionsPicture(words('zh-CN'), report));
    for (const s of ['积水 / 道路', '噪音扰民', '野鸭冲社区', '未填社区', '按类别']) expect(p, s).toContain(s);
    expect(renderSvg(petitionsPicture(words('en'), report))).toContain('Yeyachong');
    const d = renderSvg(demandPicture(words('zh-CN'), report));
    for (const s of ['理发', '80/90', '预约', '名额']) expect(d, s).toContain(s);
    expect(renderChart(demandPicture(words('en'), report)).png.length).toBeGreaterThan(1000);
  });
});
