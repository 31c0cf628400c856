import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { RecordedCall } from '../../../src/playground/fake-api';
import { alertOf, buttons, dataOf, plainTexts as texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { bj, rosterCsv } from './support';

// Issue 13 items 7, 8, 10 and 13 and the desk's confirmations (issue 14 item 1), as people see them.

const STAFF = 910;
const EN_STAFF = 911;
const STRANGER = 920;
const LINKED = 921;
const EN_STRANGER = 922;
let tb: TestBot;
const clock = new ManualClock(bj('2025-06-01T10:00:00'));
const relief = () => tb.services.relief;
let a: { id: number; name: string };

beforeAll(async () => {
  tb = await startBot({ clock });
  await tb.withRole(STAFF, 'staff', { first_name: '刘干事' });
  await tb.withRole(EN_STAFF, 'staff', { first_name: 'Anna', language_code: 'en' });
  await relief().importRoster(null, rosterCsv());
  a = (await relief().roster())[0]!;
  const link = await relief().createRecipientLink(STAFF, a.id);
  await tb.resident(LINKED, { first_name: '王阿姨' });
  await relief().redeemLink(LINKED, link.code, null);
});
afterAll(() => tb.stop());

/** The staff member as Telegram shows them (each update brings their name). */
const desk = () => tb.user(STAFF, { first_name: '刘干事' });
const messageWith = (calls: RecordedCall[], data: string) =>
  calls.find((c) => buttons([c]).some((b) => b.callback_data === data))!.result.message_id as number;

describe('someone not on the roster', () => {
  it(
    'learns who the pickup is for, when and where it is and how to apply, ' + 'and can ask staff with a button',
    async () => {
      const staff = desk();
      await (await staff.command('/relief_settings')).reply();
      await (await staff.click('rl:sf:address')).reply();
      const saved = await (await staff.send('示范路28号 / 28 Shifan Road')).reply();
      expect(texts(saved)).toContain('地址：示范路28号');

      const u = await tb.resident(STRANGER, { first_name: '赵大爷' });
      const card = await (await u.send('🎁 救助领取')).reply();
      for (const part of ['每月 5 日', '低保', '下次发放：6月5日（周四）', 'IGO慈善超市（示范路28号）', '怎么申请'])
        expect(texts(card)).toContain(part);
      expect(texts(card)).not.toContain('绑定链接');
      const ask = await (await u.click(dataOf(card, /^rl:ask$/)!)).reply();
      expect(alertOf(ask)).toContain('已经告诉社区工作人员');
      const edited = ask.find((c) => c.method === 'editMessageText')!;
      expect(edited.payload.text).toContain('请社区工作人员联系您了');
      expect(edited.payload.text).not.toContain('点下面的按钮');
      expect(buttons([edited]).map((b) => b.callback_data)).not.toContain('rl:ask');

      // staff see who asked, with a way to reach them
      await tb.delivered();
      const told = (chat: number) =>
        tb.api.callsTo(chat).filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('赵大爷'));
      expect(told(STAFF)).toHaveLength(1);
      expect(told(STAFF)[0]!.payload.text).toContain(`tg://user?id=${STRANGER}`);
      expect(told(EN_STAFF)[0]!.payload.text).toContain('would like to know about or apply');

      // the old card's button pressed again asks nobody twice
      const again = await (await u.click('rl:ask', { messageId: messageWith(card, 'rl:ask') })).reply();
      expect(alertOf(again)).toContain('已经请过工作人员联系您了');
      await tb.delivered();
      expect(told(STAFF)).toHaveLength(1);
    },
  );

  it('reads the same in English, with the place and its address in English', async () => {
    const u = await tb.resident(EN_STRANGER, { language_code: 'en' });
    const card = await (await u.command('/relief')).reply();
    expect(texts(card)).toContain('IGO Charity Supermarket (28 Shifan Road)');
    expect(texts(card)).toContain('How to apply');
  });
});

describe('the announcement', () => {
  it('names the pickup day and says the code can be seen now, which the button shows', async () => {
    clock.set(bj('2025-06-02T09:00:00'));
    await tb.runJobs();
    await tb.delivered();
    const ann = tb.api.callsTo(LINKED).find((c) => String(c.payload.text).includes('救助领取通知'))!;
    expect(ann.payload.text).toContain(`${a.name}，本月的救助物资在 6月5日（周四） 发放`);
    expect(ann.payload.text).toContain('领取码现在就能看');
    expect(ann.payload.text).not.toContain('可以领了');
    const shown = await (await tb.user(LINKED).click(dataOf([ann], /^rl:me$/)!)).reply();
    expect(texts(shown)).toMatch(/2025年6月领取码：\d{6}/);
  });
});

describe('the month report', () => {
  it('before the pickup day says the day has not come, instead of listing everyone as not collected', async () => {
    const out = await (await desk().command('/relief_report')).reply();
    expect(texts(out)).toContain('领取率：169 人中 0 人，0%');
    expect(texts(out)).toContain('领取日是 6月5日（周四），还没到');
    expect(texts(out)).not.toContain('第 1/');
    expect(texts(out)).not.toContain(a.name);
  });

  it('after the day lists those still to collect a page at a time, each rate with what it counts', async () => {
    clock.set(bj('2025-06-05T09:30:00'));
    await relief().checkIn(STAFF, a.id, {}, 'code');
    clock.set(bj('2025-06-06T10:00:00'));
    const staff = desk();
    const out = await (await staff.command('/relief_report')).reply();
    expect(texts(out)).toContain('领取率：169 人中 1 人，1%');
    expect(texts(out)).toContain('未领名单（第 1/6 页');
    const next = await (await staff.click(dataOf(out, /^rl:rn:202506:1$/)!)).reply();
    const page2 = next.find((c) => c.method === 'editMessageText')!;
    expect(page2.payload.text).toContain('第 2/6 页');
    expect(buttons([page2]).map((b) => b.text)).toEqual(['◀ 上一页', '下一页 ▶', '◀', '📄 CSV', '▶']);
  });

  it('comes as a file in the language of whoever asked', async () => {
    const file = async (chat: number) => {
      const u = chat === STAFF ? desk() : tb.user(chat, { first_name: 'Anna', language_code: 'en' });
      const out = await (await u.click('rl:rx:202506')).reply();
      const doc = out.find((x) => x.method === 'sendDocument')!;
      return tb.api.chats.file(doc.result.document.file_id)!.bytes.toString('utf8').split('\r\n');
    };
    const zh = await file(STAFF);
    expect(zh[0]).toBe('\uFEFF编号,姓名,类别,状态,领取时间,代领人,登记人,节日加发');
    expect(zh.find((l) => l.startsWith(`${a.id},`))).toMatch(/,本人已领,2025-06-05 09:30,,刘干事,否$/);
    const en = await file(EN_STAFF);
    expect(en[0]).toBe('\uFEFFid,name,category,status,collected_at,proxy,staff,festival_extras');
    expect(en.filter((l) => l.includes(',not collected,'))).toHaveLength(168);
  });
});

describe('the desk', () => {
  it('is closed with a button, not a command to type', async () => {
    const staff = desk();
    const opened = await (await staff.command('/checkin')).reply();
    expect(texts(opened)).not.toContain('/cancel');
    const end = await (await staff.click(dataOf(opened, /^rl:ckx$/)!)).reply();
    expect(texts(end)).toContain('登记结束');
    expect(texts(await (await staff.send('王')).reply())).not.toContain('找到');
  });

  it("a recorded pickup's card shows it at once, without the buttons that would record it again", async () => {
    const staff = desk();
    const b = (await relief().roster())[1]!;
    await (await staff.command('/checkin')).reply();
    const picked = await (await staff.send(b.name)).reply();
    const card = await (await staff.click(dataOf(picked, new RegExp(`^rl:ci:${b.id}$`))!)).reply();
    const done = await (await staff.click(`rl:cy:${b.id}:s`)).reply();
    const edited = done.find((c) => c.method === 'editMessageText')!;
    expect(edited.payload.message_id).toBe(messageWith(card, `rl:cy:${b.id}:s`));
    expect(texts([edited])).toContain('已领取');
    expect(buttons([edited]).map((x) => x.callback_data)).toEqual([`rl:rc:${b.id}`]);
  });

  it("someone's name for a pickup arriving again after it was recorded records nothing twice", async () => {
    const staff = desk();
    const c = (await relief().roster())[2]!;
    const picked = await (await staff.send(c.name)).reply();
    await (await staff.click(dataOf(picked, new RegExp(`^rl:ci:${c.id}$`))!)).reply();
    expect(texts(await (await staff.click(`rl:co:${c.id}:s`)).reply())).toContain(`谁替 ${c.name} 来领`);
    const first = await (await staff.send('邻居老周')).reply();
    expect(texts(first)).toContain(`已登记：${c.name} 由 邻居老周 代领`);
    // Telegram delivers the same message again (the bot was killed before it confirmed the update)
    const again = await (await staff.send('邻居老周')).reply();
    expect(texts(again)).toContain(`已经登记过了：${c.name}`);
    expect((await relief().monthReport('2025-06')).collectedByProxy).toBe(1);
    // the desk goes on: the next name is a search again
    expect(texts(await (await staff.send('邻居老周')).reply())).toContain('没有找到');
  });
});
