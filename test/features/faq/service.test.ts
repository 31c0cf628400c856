import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { demoFaqEntries, demoInputs } from '../../../src/features/faq/demo';
import {
  InvalidAnswer,
  InvalidCategory,
  InvalidPhrasings,
  InvalidQuestion,
  QueryNotFound,
  QuestionTooLong,
} from '../../../src/features/faq/errors';
import { isSmallTalk } from '../../../src/features/faq/service/questions';
import { listAudit } from '../../../src/identity';
import { faqWorld, OTHER, RESIDENT, STAFF_A, type World } from './world';

let w: World;
beforeEach(async () => {
  w = await faqWorld();
});
afterEach(() => w.h.close());

describe('the knowledge base', () => {
  it(
    'the demo has at least 40 questions in Chinese, ' + 'each with an English version, and seeding twice adds nothing',
    async () => {
      expect(demoFaqEntries.length).toBeGreaterThanOrEqual(40);
      const all = await w.faq.entries.all();
      expect(all.filter((e) => e.lang === 'zh-CN')).toHaveLength(demoFaqEntries.length);
      expect(all.filter((e) => e.lang === 'en')).toHaveLength(demoFaqEntries.length);
      expect(await w.faq.entries.seed(demoInputs())).toBe(0);
      expect(await w.faq.entries.all()).toHaveLength(all.length);
    },
  );

  it('a resident asking when relief is handed out gets that answer, and the entry counts the hit', async () => {
    const r = await w.faq.questions.ask(RESIDENT, '救助物资几号领？', 'zh-CN');
    expect(r.outcome).toBe('answer');
    expect(r.entries[0]?.key).toBe('relief-when');
    expect((await w.faq.entries.get(r.entries[0]!.id)).hits).toBe(1);
  });

  it(
    'a staff-added entry is found at once, ' + 'an edit changes the answer given, and a deleted one is no longer found',
    async () => {
      const { faq } = w;
      expect((await faq.questions.ask(RESIDENT, '社区可以借轮椅吗？', 'zh-CN')).outcome).toBe('none');
      const e = await faq.entries.add(STAFF_A, {
        lang: 'zh-CN',
        category: 'other',
        question: '社区可以借轮椅吗？',
        phrasings: ['哪里能借到轮椅'],
        keywords: ['轮椅'],
        answer: '可以，带身份证到社区办公室登记借用。',
      });
      let r = await faq.questions.ask(OTHER, '社区能借轮椅吗', 'zh-CN');
      expect(r.outcome).toBe('answer');
      expect(r.entries[0]?.id).toBe(e.id);
      await faq.entries.update(STAFF_A, e.id, { answer: '可以，免费借用两周。' });
      r = await faq.questions.ask(OTHER, '社区能借轮椅吗', 'zh-CN');
      expect(r.entries[0]?.answer).toBe('可以，免费借用两周。');
      await faq.entries.remove(STAFF_A, e.id);
      expect((await faq.questions.ask(OTHER, '社区能借轮椅吗', 'zh-CN')).outcome).toBe('none');
      expect((await listAudit(w.h.db, { actorId: STAFF_A })).map((a) => a.action)).toEqual([
        'faq.delete',
        'faq.edit',
        'faq.add',
      ]);
    },
  );

  it(
    'a question that is too short, ' + 'an answer that is empty or an unknown category is refused and nothing is saved',
    async () => {
      const { faq } = w;
      const before = (await faq.entries.all()).length;
      const base = {
        lang: 'zh-CN',
        category: 'other',
        question: '社区可以借轮椅吗？',
        phrasings: [],
        keywords: [],
        answer: '可以。',
      };
      await expect(faq.entries.add(STAFF_A, { ...base, question: '轮' })).rejects.toBeInstanceOf(InvalidQuestion);
      await expect(faq.entries.add(STAFF_A, { ...base, answer: '  ' })).rejects.toBeInstanceOf(InvalidAnswer);
      await expect(faq.entries.add(STAFF_A, { ...base, category: 'weather' })).rejects.toBeInstanceOf(InvalidCategory);
      const phrasings = Array.from({ length: 21 }, (_, i) => `问法${i}`);
      await expect(faq.entries.add(STAFF_A, { ...base, phrasings })).rejects.toBeInstanceOf(InvalidPhrasings);
      expect(await faq.entries.all()).toHaveLength(before);
    },
  );

  it('a change made by another process (the import command) is picked up by the running index', async () => {
    const { faq } = w;
    await faq.index.warm();
    const at = w.clock.now().toISOString();
    await w.h.db
      .insertInto('faq_entries')
      .values({
        key: 'outside',
        lang: 'zh-CN',
        category: 'other',
        question: '社区可以借轮椅吗？',
        answer: '可以。',
        created_by: null,
        created_at: at,
        updated_at: at,
      })
      .execute();
    expect((await faq.questions.ask(RESIDENT, '社区可以借轮椅吗', 'zh-CN')).outcome).toBe('none');
    expect(await faq.index.sync()).toBe(true);
    expect((await faq.questions.ask(RESIDENT, '社区可以借轮椅吗', 'zh-CN')).outcome).toBe('answer');
    expect(await faq.index.sync()).toBe(false);
  });

  it('hit and feedback counters do not make the index rebuild', async () => {
    const { faq } = w;
    await faq.index.warm();
    const r = await faq.questions.ask(RESIDENT, '救助物资几号领？', 'zh-CN');
    await faq.questions.giveFeedback(RESIDENT, r.queryId, true);
    expect(await faq.index.sync()).toBe(false);
  });

  it("each app keeps its own index: an entry deleted in another app's database is still answered here", async () => {
    const other = await faqWorld();
    try {
      const gone = (await other.faq.entries.all())[0]!;
      await other.faq.entries.remove(STAFF_A, gone.id);
      expect((await w.faq.questions.ask(RESIDENT, gone.question, 'zh-CN')).entries[0]?.id).toBe(gone.id);
      const there = await other.faq.questions.ask(RESIDENT, gone.question, 'zh-CN');
      expect(there.entries.map((e) => e.id)).not.toContain(gone.id);
    } finally {
      await other.h.close();
    }
  });
});

describe('asking and feedback', () => {
  it('thank-yous and single characters are small talk, a real question is not', () => {
    for (const s of ['谢谢', '好的', '嗯', 'ok', '👍']) expect(isSmallTalk(s), s).toBe(true);
    for (const s of ['磨刀', '救助物资几号领', 'How do I donate?']) expect(isSmallTalk(s), s).toBe(false);
  });

  it("a vote counts once, and nobody can vote on or pick from another resident's question", async () => {
    const { faq } = w;
    const r = await faq.questions.ask(RESIDENT, '救助物资几号领？', 'zh-CN');
    await expect(faq.questions.giveFeedback(OTHER, r.queryId, false)).rejects.toBeInstanceOf(QueryNotFound);
    await expect(faq.questions.choose(OTHER, r.queryId, r.entries[0]!.id)).rejects.toBeInstanceOf(QueryNotFound);
    expect(await faq.questions.giveFeedback(RESIDENT, r.queryId, false)).toBe(true);
    expect(await faq.questions.giveFeedback(RESIDENT, r.queryId, false)).toBe(false);
    const e = await faq.entries.get(r.entries[0]!.id);
    expect([e.helpful, e.unhelpful]).toEqual([0, 1]);
  });

  it('an unclear question offers a few likely questions, and the one picked is counted', async () => {
    const { faq } = w;
    const r = await faq.questions.ask(RESIDENT, '领东西', 'zh-CN');
    expect(r.outcome).toBe('choices');
    expect(r.entries.length).toBeGreaterThan(1);
    expect(r.entries.length).toBeLessThanOrEqual(4);
    const picked = await faq.questions.choose(RESIDENT, r.queryId, r.entries[1]!.id);
    expect((await faq.entries.get(picked.id)).hits).toBe(1);
  });

  it('a question longer than 500 characters is refused', async () => {
    await expect(w.faq.questions.ask(RESIDENT, '问'.repeat(501), 'zh-CN')).rejects.toBeInstanceOf(QuestionTooLong);
  });
});
