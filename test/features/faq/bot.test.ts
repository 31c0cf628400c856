import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { listAudit } from '../../../src/identity';
import { alertOf, buttons, dataOf, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Monday 2025-03-10 10:00 in Shanghai: the office is open.
const clock = new ManualClock('2025-03-10T02:00:00Z');
let tb: TestBot;
beforeAll(async () => {
  tb = await startBot({ clock, seedDemo: true });
});
afterAll(() => tb.stop());

let nextId = 2000;
const newResident = (o: { language_code?: string; first_name?: string } = {}) => tb.resident(nextId++, o);

describe('a resident asking a question', () => {
  it('哪里可以磨剪刀 gets the knife-sharpening answer at once, with 👍 and 👎', async () => {
    const u = await newResident();
    const out = await (await u.send('哪里可以磨剪刀？')).reply();
    expect(texts(out)).toContain('磨刀');
    expect(buttons(out).map((b) => b.text)).toEqual(['👍 有帮助', '👎 没解决']);
    const thanks = await (await u.click(dataOf(out, /^fq:u:/)!)).reply();
    expect(alertOf(thanks)).toContain('谢谢');
  });

  it('an English speaker asking in English gets the English answer', async () => {
    const u = await newResident({ language_code: 'en' });
    const out = await (await u.send('How do I donate to the community fund?')).reply();
    expect(texts(out)).toMatch(/donat/i);
    expect(buttons(out).map((b) => b.text)).toEqual(['👍 Helpful', '👎 Not solved']);
  });

  it('an unclear question offers likely questions as buttons, and tapping one shows its answer', async () => {
    const u = await newResident();
    const out = await (await u.send('领东西')).reply();
    expect(texts(out)).toContain('您是想问下面哪一个');
    const picks = buttons(out).filter((b) => b.callback_data?.startsWith('fq:c:'));
    expect(picks.length).toBeGreaterThan(1);
    expect(picks.length).toBeLessThanOrEqual(4);
    expect(buttons(out).some((b) => b.text.includes('都不是'))).toBe(true);
    const answer = await (await u.click(picks[0]!.callback_data!)).reply();
    expect(texts(answer)).toContain(picks[0]!.text.replace('…', ''));
    expect(dataOf(answer, /^fq:d:/)).toBeDefined();
  });

  it('👎 on an answer offers to ask the staff', async () => {
    const u = await newResident();
    const out = await (await u.send('救助物资几号领？')).reply();
    const after = await (await u.click(dataOf(out, /^fq:d:/)!)).reply();
    expect(texts(after)).toContain('要不要请社区工作人员来回答您');
    expect(dataOf(after, /^fq:h:\d+$/)).toBeDefined();
  });

  it('the common-questions button lists topics, then questions, then the answer', async () => {
    const u = await newResident();
    const out = await (await u.send('❓ 常见问题')).reply();
    expect(texts(out)).toContain('请选择您想了解的类别');
    expect(buttons(out).some((b) => b.text.startsWith('救助物资'))).toBe(true);
    const list = await (await u.click('fq:g:relief:0')).reply();
    const q = buttons(list).find((b) => b.callback_data?.startsWith('fq:e:'))!;
    const answer = await (await u.click(q.callback_data!)).reply();
    expect(texts(answer)).toContain(q.text.replace('…', ''));
  });

  it('a thank-you is not passed to staff, and an unknown command is not taken for a question', async () => {
    const u = await newResident();
    expect(texts(await (await u.send('谢谢')).reply())).toContain('不客气');
    const cmd = await (await u.command('/wheelchair')).reply();
    expect(texts(cmd)).toContain('没有这个命令');
    expect(buttons(cmd).some((b) => b.callback_data?.startsWith('fq:'))).toBe(false);
  });
});

describe('residents and staff-only parts', () => {
  it(
    'a resident is refused /faq, /inbox and every staff button, ' + 'even with forged data, and nothing changes',
    async () => {
      const u = await newResident();
      const id = (await tb.services.faq.entries.all())[0]!.id;
      for (const cmd of ['/faq', '/inbox'])
        expect(texts(await (await u.command(cmd)).reply())).toContain('只对社区工作人员开放');
      for (const d of [
        'fq:sm',
        'fq:sa',
        'fq:sn:zh-CN',
        `fq:se:${id}`,
        `fq:sf:${id}:a`,
        `fq:sx:${id}`,
        `fq:sy:${id}`,
        `fq:sr:${id}:other`,
        'fq:r:1',
        'fq:n:1',
        'fq:ib:0',
      ]) {
        expect(alertOf(await (await u.click(d)).reply()), d).toContain('只对社区工作人员开放');
      }
      expect(await tb.services.faq.entries.find(id)).toBeDefined();
      expect((await listAudit(tb.db, { actorId: u.id, action: 'denied' })).length).toBe(13);
    },
  );

  it("a resident cannot use another resident's question buttons", async () => {
    const a = await newResident();
    const out = await (await a.send('救助物资几号领？')).reply();
    const b = await newResident();
    for (const d of [
      dataOf(out, /^fq:u:/)!,
      dataOf(out, /^fq:d:/)!,
      dataOf(out, /^fq:u:/)!.replace('fq:u:', 'fq:h:'),
    ]) {
      expect(alertOf(await (await b.click(d)).reply())).toContain('过期');
    }
  });
});
