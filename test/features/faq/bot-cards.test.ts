import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { ChatMessage } from '../../../src/playground/fake-api';
import { alertOf, button, dataOf, type InlineButton, seen, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Issue 13 items 2 and 5 for the FAQ: the hand-off card every staff member holds tells the truth, and a staff answer
// becomes a common question only after staff have seen it with its personal details pointed out.

const clock = new ManualClock('2025-03-10T02:00:00Z'); // Monday 10:00 in Shanghai
let tb: TestBot;
const A = 930;
const B = 931;
beforeAll(async () => {
  tb = await startBot({ clock, seedDemo: true });
  await tb.withRole(A, 'staff', { first_name: '小张' });
  await tb.withRole(B, 'staff', { first_name: '小刘' });
});
afterAll(() => tb.stop());

let nextId = 3000;

/** A resident hands a question off; returns them once every staff member has the card. */
async function handedOff(question: string, firstName = '王阿姨') {
  const u = await tb.resident(nextId++, { first_name: firstName });
  const none = await (await u.send(question)).reply();
  await (await u.click(dataOf(none, /^fq:h:\d+$/)!)).reply();
  await tb.delivered();
  return u;
}

/** The bot's messages in a staff chat that are about this question (its card, its reminders). */
const cardsAbout = (chat: number, question: string) =>
  seen(tb, chat).filter((m) => /^(🙋|⏰)/u.test(m.text ?? '') && m.text?.includes(question));
const NAMES: Record<number, string> = { [A]: '小张', [B]: '小刘' };
const staffUser = (id: number) => tb.user(id, { first_name: NAMES[id] });
const keys = (m: ChatMessage): InlineButton[] => (m.reply_markup?.inline_keyboard ?? []).flat();
const labels = (m: ChatMessage) => keys(m).map((b) => b.text);
/** Presses the button so labelled on that very card. */
const press = (staff: number, card: ChatMessage, label: string) =>
  staffUser(staff)
    .click(keys(card).find((b) => b.text.includes(label))!.callback_data!, { messageId: card.message_id })
    .then((s) => s.reply());

describe('the card of a handed-off question', () => {
  it('loses ✍️ 回复 at every staff member once it is answered, its reminders too', async () => {
    const q = '社区有没有理发的上门服务';
    const u = await handedOff(q);
    clock.advance(4.5 * 3_600_000); // past the reminder limit: each staff member also holds a reminder card
    try {
      await tb.runJobs();
      await tb.delivered();
      for (const s of [A, B]) {
        expect(cardsAbout(s, q)).toHaveLength(2);
        for (const card of cardsAbout(s, q)) expect(labels(card)).toContain('✍️ 回复');
      }

      const stale = keys(cardsAbout(B, q)[0]!)[0]!.callback_data!; // B's button, kept from before
      await press(A, cardsAbout(A, q)[0]!, '回复');
      await tb.delivered();
      // Taken: everyone reads who took it; only the one who took it may still reply.
      for (const card of cardsAbout(B, q)) {
        expect(card.text).toContain('小张 已接手');
        expect(labels(card)).toEqual([]);
      }
      for (const card of cardsAbout(A, q)) expect(labels(card)).toEqual(['✍️ 回复']);
      expect(alertOf(await (await staffUser(B).click(stale)).reply())).toContain('小张 接手');

      await (await staffUser(A).send('有的，每月市集日有免费理发，行动不便的可以打电话约上门。')).reply();
      await tb.delivered();
      expect(seen(tb, u.id).at(-1)?.text).toContain('每月市集日有免费理发');
      for (const s of [A, B]) {
        const cards = cardsAbout(s, q);
        expect(cards).toHaveLength(2); // edited in place, never a second card beside a stale one
        for (const card of cards) {
          expect(card.edited).toBe(true);
          expect(card.text).toContain('小张 已回复');
          expect(card.text).toContain('每月市集日有免费理发');
          expect(labels(card)).toEqual(['📌 加入常见问题']);
        }
      }
      // A reply button kept from before (a stale one) is answered and changes nothing.
      expect(alertOf(await (await staffUser(B).click(stale)).reply())).toContain('已经由 小张 回复过了');
    } finally {
      clock.set('2025-03-10T02:00:00Z');
    }
  });

  it('says it became a common question, with no buttons left, once staff save it', async () => {
    const q = '社区能不能帮忙收快递';
    await handedOff(q, '李大爷');
    await press(B, cardsAbout(B, q)[0]!, '回复');
    await (await staffUser(B).send('可以，放在社区办公室，凭取件码领取。')).reply();
    await tb.delivered();
    await press(A, cardsAbout(A, q)[0]!, '加入常见问题');
    const review = await (await staffUser(A).send('社区可以代收快递吗？')).reply();
    await (await staffUser(A).click(dataOf(review, /^fq:hs$/)!)).reply();
    await tb.delivered();
    for (const s of [A, B])
      for (const card of cardsAbout(s, q)) {
        expect(card.text).toContain('已加入常见问题：社区可以代收快递吗？');
        expect(labels(card)).toEqual([]);
      }
  });
});

describe('/inbox and the reply link', () => {
  it('replying from /inbox shows the page again with the question taken', async () => {
    const q = '社区有没有上门理发';
    await handedOff(q);
    const inbox = await (await staffUser(B).command('/inbox')).reply();
    const page = seen(tb, B).at(-1)!;
    const id = cardsAbout(B, q)[0]!.text!.match(/#(\d+)/)![1]!;
    const data = keys(page).find((b) => b.callback_data?.startsWith(`fq:ir:${id}:`))!.callback_data!;
    expect(texts(inbox)).toContain(q);
    const prompt = await (await staffUser(B).click(data, { messageId: page.message_id })).reply();
    expect(texts(prompt)).toContain('请输入给居民');
    expect(page.edited).toBe(true);
    expect(page.text).toContain('小刘 已接手');
    await (await staffUser(B).click(button(prompt, '取消'))).reply();
  });

  it('the link from the staff group opens the reply in private', async () => {
    const q = '社区能不能借梯子';
    await handedOff(q);
    const id = cardsAbout(A, q)[0]!.text!.match(/#(\d+)/)![1]!;
    const prompt = await (await staffUser(A).command('/start', `fqr_${id}`)).reply();
    expect(texts(prompt)).toContain(`问题 #${id}`);
    expect(texts(await (await tb.resident(nextId++)).command('/start', `fqr_${id}`).then((s) => s.reply()))).toContain(
      '只对社区工作人员开放',
    );
  });
});

describe('a staff answer made a common question', () => {
  it("is shown before it is saved, the resident's own name flagged first, and saved as staff edited it", async () => {
    const q = '我的医保卡丢了怎么办';
    const u = await handedOff(q, '王阿姨');
    const staff = staffUser(A);
    await press(A, cardsAbout(A, q)[0]!, '回复');
    const sent = await (
      await staff.send('王阿姨您好，医保卡丢了带身份证到社区办公室补办就行。住3栋2单元的话可以打13812345678找我。')
    ).reply();
    expect(texts(sent)).toContain('回复已发给居民');
    await tb.delivered();
    expect(seen(tb, u.id).at(-1)?.text).toContain('王阿姨您好'); // the resident got it as written

    await (await staff.click(dataOf(sent, /^fq:n:\d+$/)!)).reply();
    const review = await (await staff.send('医保卡丢了怎么补办？')).reply();
    const card = texts(review);
    expect(card).toContain('将加入常见问题');
    expect(card).toContain('发现 3 处可能的个人信息');
    const own = card.indexOf('提问居民本人的名字：<b>王阿姨</b>');
    expect(own).toBeGreaterThan(0);
    expect(own).toBeLessThan(card.indexOf('电话号码：<b>13812345678</b>'));
    expect(card).toContain('地址或门牌：<b>3栋2单元</b>');
    expect(button(review, '仍然保存')).toBe('fq:hs');
    expect(await tb.services.faq.entries.inCategory('other', 'zh-CN')).not.toContainEqual(
      expect.objectContaining({ question: '医保卡丢了怎么补办？' }),
    );

    const prompt = await (await staff.click(button(review, '改回答'))).reply();
    expect(texts(prompt)).toContain('现在的回答');
    const clean = await (await staff.send('医保卡丢了，带身份证到社区办公室补办。')).reply();
    expect(texts(clean)).toContain('没有发现姓名、电话或地址');
    const made = await (await staff.click(button(clean, '保存'))).reply();
    expect(texts(made)).toContain('已加入常见问题');
    // A second tap, or Telegram delivering the tap again: nothing is saved twice.
    expect(alertOf(await (await staff.click('fq:hs')).reply())).toContain('已经加入常见问题了');

    const next = await tb.resident(nextId++);
    const answer = texts(await (await next.send('医保卡丢了怎么补办')).reply());
    expect(answer).toContain('带身份证到社区办公室补办');
    expect(answer).not.toContain('王阿姨');
  });
});

describe('staff prompts', () => {
  it('offer a cancel button instead of telling staff to send /cancel', async () => {
    const q = '社区有没有老年大学';
    await handedOff(q);
    const prompt = await press(A, cardsAbout(A, q)[0]!, '回复');
    expect(texts(prompt)).not.toContain('/cancel');
    const cancelled = await (await staffUser(A).click(button(prompt, '取消'))).reply();
    expect(texts(cancelled)).toContain('已取消');
    // The flow is over: a typed text is a question again, not a reply to the resident.
    expect(texts(await (await staffUser(A).send('谢谢')).reply())).not.toContain('回复已发给居民');
  });
});
