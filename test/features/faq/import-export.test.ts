import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CSV_COLUMNS, entriesToCsv, inputsFromCsv, inputsFromJson } from '../../../src/features/faq/csv';
import { ImportRejected } from '../../../src/features/faq/errors';
import { faqWorld, RESIDENT, STAFF_A, type World } from './world';

let w: World;
beforeEach(async () => {
  w = await faqWorld();
});
afterEach(() => w.h.close());

describe('import and export', () => {
  it('the export opens in Excel and imports back unchanged', async () => {
    const { entries } = w.faq;
    const before = await entries.all();
    const csv = entriesToCsv(before);
    expect(csv.split('\r\n')[0]).toBe(CSV_COLUMNS.join(','));
    const rows = inputsFromCsv(`\ufeff${csv}`);
    expect(rows).toHaveLength(before.length);
    const r = await entries.import(null, rows);
    expect(r).toEqual({ added: 0, updated: before.length });
    expect((await entries.all()).map(({ hits: _h, ...e }) => e)).toEqual(before.map(({ hits: _h, ...e }) => e));
  });

  it('a cell that Excel would run as a formula is neutralised and still imports as written', async () => {
    const e = await w.faq.entries.add(STAFF_A, {
      lang: 'en',
      category: 'other',
      question: '=1+1 is what?',
      phrasings: [],
      keywords: [],
      answer: '-2 degrees is cold',
    });
    const csv = entriesToCsv([e]);
    expect(csv).toContain("'=1+1 is what?");
    const [row] = inputsFromCsv(csv);
    expect(row?.input).toMatchObject({ question: '=1+1 is what?', answer: '-2 degrees is cold' });
  });

  it('a file with one bad row imports nothing and names the row', async () => {
    const { entries } = w.faq;
    const before = (await entries.all()).length;
    const csv = [
      'key,lang,category,question,phrasings,keywords,answer',
      'wheel,zh-CN,other,社区可以借轮椅吗？,能借轮椅吗|哪里借轮椅,轮椅,可以。',
      'bad,zh-CN,weather,今天下雨吗,,,不知道',
      '',
    ].join('\r\n');
    try {
      await entries.import(null, inputsFromCsv(csv));
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ImportRejected);
      expect((err as ImportRejected).errors).toEqual([{ row: 3, message: 'faq.invalidCategory' }]);
    }
    expect(await entries.all()).toHaveLength(before);
    const ok = await entries.import(null, inputsFromCsv(csv.split('\r\n').slice(0, 2).join('\r\n')));
    expect(ok).toEqual({ added: 1, updated: 0 });
    expect((await w.faq.questions.ask(RESIDENT, '哪里借轮椅', 'zh-CN')).outcome).toBe('answer');
  });

  it('a JSON file takes lists as arrays or as text', () => {
    const rows = inputsFromJson(
      JSON.stringify([
        {
          lang: 'en',
          category: 'other',
          question: 'Wheelchair?',
          answer: 'Yes.',
          phrasings: ['Can I borrow a wheelchair'],
          keywords: 'wheelchair, loan',
        },
      ]),
    );
    expect(rows[0]?.input).toMatchObject({
      phrasings: ['Can I borrow a wheelchair'],
      keywords: ['wheelchair', 'loan'],
    });
  });

  it("the revision counter is the database's own, not bumped by hits", async () => {
    const rev = async () => (await sql<{ n: number }>`select n from faq_revision`.execute(w.h.db)).rows[0]!.n;
    const r0 = await rev();
    await w.faq.questions.ask(RESIDENT, '救助物资几号领？', 'zh-CN');
    expect(await rev()).toBe(r0);
    await w.faq.entries.update(STAFF_A, 1, { answer: '每月5号。' });
    expect(await rev()).toBe(r0 + 1);
  });
});
