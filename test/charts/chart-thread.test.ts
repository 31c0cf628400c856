import { describe, expect, it } from 'vitest';
import { type ChartSpec, renderChartAsync, stopChartThread } from '../../src/charts';
import { renderChart } from '../../src/charts/render';
import { statementOf } from '../../src/features/fund/books';
import { incomePicture, statementPicture } from '../../src/features/fund/pictures/fund';
import { createI18n } from '../../src/i18n';
import { tooBigForTheChartThread } from '../support/too-big-chart';

const t = createI18n('zh-CN').getFixedT('zh-CN');
const books = {
  since: '2024-07-04',
  founding: { date: '2024-07-04', fen: 10_050_000, donors: 25 },
  rows: [
    { month: '2024-07', direction: 'income', kind: 'directed', purpose: 'relief', fen: 10_050_000 },
    { month: '2024-12', direction: 'income', kind: 'shop', purpose: null, fen: 422_200 },
    { month: '2025-02', direction: 'expense', kind: null, purpose: 'relief', fen: 1_859_000 },
  ],
};

describe('the chart thread is replaced when it dies', () => {
  it('a picture too big for the chart thread fails alone: those asked before and after it arrive whole, in order', async () => {
    const statement = statementPicture({ t, locale: 'zh-CN' }, statementOf(books, '2025-02'));
    const income = incomePicture({ t, locale: 'zh-CN' }, books, '2024-07', '2025-02');
    const here = [statement, income].map((s) => renderChart(s).png);
    const arrived: string[] = [];
    const ask = (name: string, spec: ChartSpec) =>
      renderChartAsync(spec).then(
        (r) => {
          arrived.push(name);
          return r.png;
        },
        (e: Error) => {
          arrived.push(`${name} failed`);
          return e;
        },
      );
    const asked = [
      ask('before', statement),
      ask('too big', tooBigForTheChartThread),
      ask('after', income),
      ask('after, again', statement),
    ];
    const [before, failed, after, again] = await Promise.all(asked);
    expect(arrived).toEqual(['before', 'too big failed', 'after', 'after, again']);
    expect((failed as Error).message).toMatch(/memory/);
    expect((before as Buffer).equals(here[0]!)).toBe(true);
    expect((after as Buffer).equals(here[1]!)).toBe(true);
    expect((again as Buffer).equals(here[0]!)).toBe(true);
    // The new thread stays: the next picture is drawn as well.
    expect((await renderChartAsync(income)).png.equals(here[1]!)).toBe(true);
    await stopChartThread();
  }, 120_000);
});
