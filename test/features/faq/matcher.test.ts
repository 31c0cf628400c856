import { describe, expect, it } from 'vitest';
import { evaluate, loadEvalSet } from '../../../bench/faq';
import { demoEntriesAsFaq, demoFaqEntries } from '../../../src/features/faq/demo';
import { type FaqEntry, FaqIndex, type FaqLang, MAX_CHOICES } from '../../../src/features/faq/matcher';
import { SYNONYM_GROUPS } from '../../../src/features/faq/synonyms';
import { FuzzyVocabulary, normalize } from '../../../src/features/faq/text';

const demo = demoEntriesAsFaq(1);
const keyOf = (id: number | undefined) => demo.find((e) => e.id === id)?.key;
const index = new FaqIndex(demo);
const ask = (q: string, lang: FaqLang = 'zh-CN') => {
  const r = index.search(q, lang);
  return { ...r, key: keyOf(r.top[0]?.id), lang: r.lang };
};

describe('FAQ text normalisation', () => {
  it('reads full-width letters and digits like ordinary ones', () => {
    expect(normalize('ＩＧＯ慈善超市５号')).toBe('igo慈善超市5号');
  });

  it('reads traditional characters as simplified', () => {
    expect(normalize('領物資在哪裡？幾號開門')).toBe('领物资在哪里几号开门');
  });

  it('reads Hunan-flavoured words as the standard ones', () => {
    expect(normalize('领东西要带么子')).toBe('领东西要带什么');
  });

  it('reads Chinese numerals before a date as digits', () => {
    expect(normalize('每个月五号')).toBe(normalize('每个月5号'));
  });

  it('has every synonym written the way normalisation writes it', () => {
    for (const group of SYNONYM_GROUPS) for (const v of group) expect(normalize(v)).toBe(v);
  });
});

describe('English fuzzy lookup', () => {
  const vocab = new FuzzyVocabulary();
  for (const w of ['donate', 'volunteer', 'market', 'hours']) vocab.add(w);

  it('corrects one slip of the finger', () => {
    expect(vocab.correct('donnate')).toBe('donate');
    expect(vocab.correct('volunter')).toBe('volunteer');
    expect(vocab.correct('markets')).toBe('market');
  });

  it('does not turn a different word into a known one', () => {
    expect(vocab.correct('house')).toBeUndefined();
    expect(vocab.correct('pension')).toBeUndefined();
  });
});

describe('a resident asking the FAQ', () => {
  it('哪里可以磨剪刀 finds the knife-sharpening entry at once', () => {
    const r = ask('哪里可以磨剪刀？');
    expect(r.outcome).toBe('answer');
    expect(r.key).toBe('market-knife');
  });

  it('救助物资几号领 is answered with the pickup day', () => {
    expect(ask('救助物资几号领啊').key).toBe('relief-when');
  });

  it('a question in traditional characters finds the same entry as in simplified ones', () => {
    expect(ask('社區公益基金怎麼捐款').key).toBe(ask('社区公益基金怎么捐款').key);
    expect(ask('社區公益基金怎麼捐款').key).toBe('fund-donate');
  });

  it('a question typed in full-width characters finds its entry', () => {
    expect(ask('ＩＧＯ慈善超市在哪里').key).toBe('relief-where');
  });

  it('a name the segmenter does not know still matches (野享市集)', () => {
    expect(ask('野享是什么').key).toBe('market-what');
  });

  it('a question with a homophone typo still finds the entry among the first', () => {
    const r = ask('就助物资几号领');
    expect(r.outcome).not.toBe('none');
    expect(r.key).toBe('relief-when');
  });

  it('an English question with a spelling slip finds the English entry', () => {
    const r = ask('how can I donnate to the community fund', 'en');
    expect(r.key).toBe('fund-donate');
    expect(r.lang).toBe('en');
  });

  it('a Chinese question from a user whose Telegram is in English still finds the Chinese entry', () => {
    const r = ask('市集几号办', 'en');
    expect(r.lang).toBe('zh-CN');
    expect(r.key).toBe('market-when');
  });

  it('an unrelated question gets no answer', () => {
    expect(ask('今天天气怎么样').outcome).toBe('none');
    expect(ask('社保卡丢了怎么补办').outcome).toBe('none');
    expect(ask("what's the weather tomorrow", 'en').outcome).toBe('none');
    expect(ask('', 'zh-CN').outcome).toBe('none');
  });

  it('a vague question gets a short list of the likely entries instead of a guess', () => {
    const r = ask('领东西');
    expect(r.outcome).toBe('choices');
    expect(r.top.length).toBeGreaterThan(1);
    expect(r.top.every((h) => keyOf(h.id)?.startsWith('relief'))).toBe(true);
  });

  it('never offers more than four choices, whatever limit is asked', () => {
    const r = index.search('领东西', 'zh-CN', { limit: 10 });
    expect(r.outcome).toBe('choices');
    expect(r.top.length).toBeLessThanOrEqual(MAX_CHOICES);
  });
});

describe('staff editing entries while the bot runs', () => {
  const entry = (id: number, question: string, phrasings: string[] = []): FaqEntry => ({
    id,
    lang: 'zh-CN',
    question,
    phrasings,
    keywords: [],
    answer: '…',
    category: 'test',
  });

  it('a new entry is found at once, a removed one no longer', () => {
    const idx = new FaqIndex(demo);
    expect(idx.search('垃圾分类怎么分', 'zh-CN').outcome).toBe('none');
    idx.add(entry(9001, '垃圾分类怎么分？', ['垃圾怎么分类', '厨余垃圾扔在哪里']));
    const found = idx.search('垃圾分类怎么分', 'zh-CN');
    expect(found.outcome).toBe('answer');
    expect(found.top[0]?.id).toBe(9001);
    expect(idx.remove(9001)).toBe(true);
    expect(idx.search('垃圾分类怎么分', 'zh-CN').outcome).toBe('none');
    expect(idx.remove(9001)).toBe(false);
  });

  it('an edited entry is found by its new wording and not by its old one', () => {
    const idx = new FaqIndex(demo);
    idx.add(entry(9002, '垃圾分类怎么分？'));
    idx.replace(entry(9002, '房子装修要备案吗？', ['装修备案去哪里办']));
    expect(idx.search('装修要不要备案', 'zh-CN').top[0]?.id).toBe(9002);
    expect(idx.search('垃圾分类怎么分', 'zh-CN').top.some((h) => h.id === 9002)).toBe(false);
    expect(idx.size).toBe(demo.length + 1);
  });

  it('removing the knife entries leaves no confident knife answer', () => {
    const idx = new FaqIndex(demo);
    for (const e of demo) if (e.key === 'market-knife') idx.remove(e.id);
    const r = idx.search('哪里可以磨刀', 'zh-CN');
    expect(r.top.some((h) => keyOf(h.id) === 'market-knife')).toBe(false);
  });

  it('adding an id twice is refused', () => {
    const idx = new FaqIndex();
    idx.add(entry(1, '问题'));
    expect(() => idx.add(entry(1, '问题'))).toThrow();
  });
});

describe('the demo knowledge base', () => {
  it('has at least 45 topics, each in Chinese and English with several phrasings', () => {
    expect(demoFaqEntries.length).toBeGreaterThanOrEqual(45);
    expect(new Set(demoFaqEntries.map((e) => e.key)).size).toBe(demoFaqEntries.length);
    for (const e of demoFaqEntries) {
      for (const text of [e.zh, e.en]) {
        expect(text.phrasings.length).toBeGreaterThanOrEqual(3);
        expect(text.phrasings.length).toBeLessThanOrEqual(6);
        expect(text.answer.length).toBeGreaterThan(0);
      }
    }
  });
});

describe('FAQ quality on the labelled resident questions', () => {
  const questions = loadEvalSet();
  const result = evaluate(index, questions, (id) => keyOf(id));

  it('the labelled set is large and includes questions the FAQ cannot answer', () => {
    expect(questions.length).toBeGreaterThanOrEqual(180);
    expect(questions.filter((q) => q.expect === 'none').length).toBeGreaterThanOrEqual(30);
    const keys = new Set(demoFaqEntries.map((e) => e.key));
    for (const q of questions) if (q.expect !== 'none') expect(keys.has(q.expect), q.expect).toBe(true);
  });

  it('the first suggestion is right for at least 85 % of questions', () => {
    expect(result.top1).toBeGreaterThanOrEqual(0.85);
  });

  it('a confident wrong answer happens for at most 3 % of questions', () => {
    expect(result.wrongConfident).toBeLessThanOrEqual(0.03);
  });
});
