import { describe, expect, it } from 'vitest';
import type { FundBooks } from '../../../src/features/fund/books';
import { communityReport, parsePeriod, type ReportSources } from '../../../src/features/fund/report';
import { reportText } from '../../../src/features/fund/views/report';
import { createI18n } from '../../../src/i18n';

// The community report put together from the other areas' figures: one read each over the trend's months, the
// period's figures taken from its own months.

const day = (date: string, people: number[], walkIns = 0) => ({
  date,
  served: people.length + walkIns,
  solved: people.length,
  walkIns,
  services: [{ serviceId: 1, nameZh: '理发', nameEn: 'Haircut', booked: people.length + 1, capacity: 10, served: 1 }],
});
// Market days and who was served on each (by account), as the market area counts them.
const served: [string, number[], number?][] = [
  ['2024-12-14', [1, 2]],
  ['2025-03-08', [1, 2, 3], 2],
  ['2025-03-22', [2, 4]],
];
const month = (m: string, filed: number, category: string) => ({
  month: m,
  filed,
  ackedInTime: filed,
  ackDue: filed,
  resolved: filed - 1,
  answerDue: filed,
  satisfied: 1,
  rated: 2,
  ratingSum: 9,
  byCategory: [{ category, nameZh: category, nameEn: category, count: filed }],
  byCommunity: [{ communityId: 1, nameZh: '野鸭冲社区', nameEn: 'Yeyachong', count: filed }],
});

const calls: string[] = [];
const sources: ReportSources = {
  async marketFigures(from, to) {
    calls.push(`market ${from} ${to}`);
    return { days: served.map(([date, people, walkIns]) => day(date, people, walkIns)) };
  },
  async marketResidentsServed(from, to) {
    calls.push(`residents served ${from} ${to}`);
    return new Set(served.filter(([date]) => date >= from && date < to).flatMap(([, people]) => people)).size;
  },
  async reliefMonths(months) {
    calls.push(`relief ${months[0]}…${months.at(-1)}`);
    return new Map(
      months.filter((m) => m !== '2025-01').map((m) => [m, { expected: 10, collected: 8, festivalExtras: 0 }]),
    );
  },
  async petitionFigures(from, to) {
    calls.push(`petitions ${from} ${to}`);
    return { months: [month('2024-12', 5, 'noise'), month('2025-03', 3, 'roads')] };
  },
  async activityFigures(from, to, today) {
    calls.push(`activities ${from} ${to} ${today}`);
    const lecture = { held: 1, signUps: 30, attended: 28 };
    return {
      ...lecture,
      walkIns: 2,
      noShows: 4,
      byKind: [{ kind: 'lecture', ...lecture }],
      byOrganiser: [{ partnerId: null, organiser: null, ...lecture }],
      drills: { held: 0, people: 0, seconds: [] },
    };
  },
};
const books: FundBooks = { since: null, founding: null, rows: [] };

describe('the community report of a month', () => {
  it('counts a resident helped once over the period, walk-ins each visit, and reads each area once', async () => {
    const r = await communityReport(
      sources,
      { fundBooks: async () => books, volunteerHours: async () => ({ minutes: 0, people: 0 }) },
      parsePeriod('2025-03')!,
      new Date('2025-03-31T04:00:00Z'),
      'Asia/Shanghai',
    );
    expect(r.market).toEqual({ held: 2, served: 7, helped: 4 + 2, solved: 5 });
    expect(r.services).toEqual([
      { serviceId: 1, nameZh: '理发', nameEn: 'Haircut', booked: 4 + 3, capacity: 20, served: 2 },
    ]);
    expect(r.byCategory).toEqual([{ category: 'roads', nameZh: 'roads', nameEn: 'roads', count: 3 }]);
    expect(r.petitions).toMatchObject({ filed: 3, resolved: 2, answerDue: 3 });
    expect(r.relief).toEqual({ expected: 10, collected: 8, festivalExtras: 0 });
    expect(r.trend.map((m) => m.month)).toEqual(['2024-10', '2024-11', '2024-12', '2025-01', '2025-02', '2025-03']);
    expect(r.trend.find((m) => m.month === '2024-12')).toMatchObject({ served: 2, petitions: 5 });
    expect(r.activities).toMatchObject({ held: 1, signUps: 30, attended: 28, noShows: 4 });
    expect(calls).toEqual([
      'market 2024-10-01 2025-04-01',
      // the period's own dates: a resident is counted once over the period, not over the trend
      'residents served 2025-03-01 2025-04-01',
      'relief 2024-10…2025-03',
      'petitions 2024-09-30T16:00:00.000Z 2025-03-31T16:00:00.000Z',
      // the period's own dates, not the trend's: activities are counted for the period only
      'activities 2025-03-01 2025-04-01 2025-03-31',
    ]);
  });
});

describe('the activities in the report’s message', () => {
  it('a month of many organisers names the six busiest, counts the rest, and escapes a partner’s name once', async () => {
    const busy = (n: number) => ({
      partnerId: n,
      organiser: n === 1 ? 'A&B 超市' : `合伙人${n}`,
      held: 10 - n,
      signUps: 5,
      attended: 4,
    });
    const many: ReportSources = {
      ...sources,
      activityFigures: async () => ({
        held: 36,
        signUps: 40,
        attended: 32,
        walkIns: 0,
        noShows: 8,
        byKind: [{ kind: 'class', held: 36, signUps: 40, attended: 32 }],
        byOrganiser: [1, 2, 3, 4, 5, 6, 7, 8].map(busy),
        drills: { held: 0, people: 0, seconds: [] },
      }),
    };
    const figures = { fundBooks: async () => books, volunteerHours: async () => ({ minutes: 0, people: 0 }) };
    const r = await communityReport(
      many,
      figures,
      parsePeriod('2025-03')!,
      new Date('2025-03-31T04:00:00Z'),
      'Asia/Shanghai',
    );
    const text = reportText(createI18n('zh-CN').getFixedT('zh-CN'), r);
    expect(text).toContain('按类型：课堂 36 场（到场/报名 32/40）');
    expect(text).toContain('按主办方：A&amp;B 超市 9 场（到场/报名 4/5）、合伙人2 8 场');
    expect(text).toContain('合伙人6 4 场（到场/报名 4/5）、另有 2 家');
    expect(text).not.toContain('合伙人7');
    expect(text).not.toContain('🚨'); // no drill this month: no drill line
  });
});
