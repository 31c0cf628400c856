import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { faqWorld, MON_10, OTHER, RESIDENT, type World } from './world';

let w: World;
beforeEach(async () => {
  w = await faqWorld();
});
afterEach(() => w.h.close());

const logged = () =>
  w.h.db
    .selectFrom('faq_queries')
    .select(['id', 'user_id', 'text', 'lang', 'outcome', 'entry_id', 'feedback', 'handoff_id', 'created_at'])
    .orderBy('id')
    .execute();

describe('the question log (statements built once per engine)', () => {
  it('logs each question as asked, the language searched and the answer given, and counts every answer', async () => {
    const first = await w.faq.questions.ask(RESIDENT, '请问磨刀在哪里', 'zh-CN');
    const again = await w.faq.questions.ask(OTHER, '  请问磨刀在哪里 ', 'en');
    const english = await w.faq.questions.ask(OTHER, 'When is the market day?', 'zh-CN');
    const unclear = await w.faq.questions.ask(RESIDENT, '领东西', 'zh-CN');
    const knife = first.entries[0]!;
    expect([first.outcome, again.outcome, english.outcome, unclear.outcome]).toEqual([
      'answer',
      'answer',
      'answer',
      'choices',
    ]);
    expect(again.entries[0]?.id).toBe(knife.id);
    const at = MON_10.toISOString();
    const row = { feedback: null, handoff_id: null, created_at: at };
    expect(await logged()).toEqual([
      {
        id: first.queryId,
        user_id: RESIDENT,
        text: '请问磨刀在哪里',
        lang: 'zh-CN',
        outcome: 'answer',
        entry_id: knife.id,
        ...row,
      },
      {
        id: again.queryId,
        user_id: OTHER,
        text: '请问磨刀在哪里',
        lang: 'zh-CN',
        outcome: 'answer',
        entry_id: knife.id,
        ...row,
      },
      {
        id: english.queryId,
        user_id: OTHER,
        text: 'When is the market day?',
        lang: 'en',
        outcome: 'answer',
        entry_id: english.entries[0]!.id,
        ...row,
      },
      {
        id: unclear.queryId,
        user_id: RESIDENT,
        text: '领东西',
        lang: 'zh-CN',
        outcome: 'choices',
        entry_id: null,
        ...row,
      },
    ]);
    expect(new Set([first.queryId, again.queryId, english.queryId, unclear.queryId]).size).toBe(4);
    expect((await w.faq.entries.get(knife.id)).hits).toBe(2);
    expect((await w.faq.entries.get(english.entries[0]!.id)).hits).toBe(1);
  });

  it('a vote and a hand-off land on the question logged, and a picked choice counts its hit', async () => {
    const r = await w.faq.questions.ask(RESIDENT, '领东西', 'zh-CN');
    const picked = await w.faq.questions.choose(RESIDENT, r.queryId, r.entries[1]!.id);
    expect(await w.faq.questions.giveFeedback(RESIDENT, r.queryId, false)).toBe(true);
    await w.faq.handoffs.request(RESIDENT, r.queryId);
    const [row] = await logged();
    expect(row).toMatchObject({ id: r.queryId, entry_id: picked.id, feedback: 'down' });
    expect(row?.handoff_id).not.toBeNull();
    expect((await w.faq.entries.get(picked.id)).hits).toBe(1);
  });
});
