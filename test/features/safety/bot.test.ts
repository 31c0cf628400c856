import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { button, buttons, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

let tb: TestBot;
const STAFF = 6001;
beforeAll(async () => {
  tb = await startBot();
  await tb.withRole(STAFF, 'staff', { first_name: '刘社工' });
});
afterAll(() => tb.stop());

const firstNumber = (text: string) => /先打 (\d{3})|Call (\d{3}) first/.exec(text)?.slice(1).find(Boolean);

describe('danger first, whatever the resident was doing', () => {
  it('a fire typed anywhere gets 119 first, and never an FAQ card', async () => {
    const u = await tb.resident(6100);
    const out = await (await u.send('着火了')).reply();
    expect(firstNumber(texts(out))).toBe('119');
    expect(texts(out)).not.toContain('遇到紧急情况打什么电话');
    expect(
      buttons(out)
        .map((b) => b.text)
        .join(),
    ).not.toMatch(/👍|👎/);
    expect(button(out, '通知社区工作人员')).toMatch(/^em:n:\d+$/);
  });

  it('someone collapsed gets 120 first; violence 110; someone trapped 119 — in Chinese, traditional and English', async () => {
    const u = await tb.resident(6101);
    expect(firstNumber(texts(await (await u.send('有人晕倒了')).reply()))).toBe('120');
    expect(firstNumber(texts(await (await u.send('楼下有人持刀砍人')).reply()))).toBe('110');
    expect(firstNumber(texts(await (await u.send('電梯困人了')).reply()))).toBe('119');
    const tom = await tb.resident(6102, { language_code: 'en' });
    expect(firstNumber(texts(await (await tom.send('my father is not breathing')).reply()))).toBe('120');
  });

  it('a danger typed in the middle of a flow gets the alarm first, and "carry on" hands the text to the flow', async () => {
    const u = await tb.resident(6103);
    await (await u.send('📣 我要反映')).reply();
    const categories = await (await u.command('/petition')).reply();
    await (await u.click(button(categories, '积水'))).reply();
    const alarm = await (await u.send('肖明组涵洞，有个老人被困在车里了')).reply();
    expect(firstNumber(texts(alarm))).toBe('119');
    expect(texts(alarm)).toContain('没有作为您正在填写的内容提交');
    const mark = tb.api.lastSeq();
    await (await u.click(button(alarm, '现在没有危险'))).reply();
    // the flow gets the text as its answer to "where is it" and asks the next question
    await tb.api.waitForCall((c) => c.chatId === 6103 && /发送我的位置|位置/.test(String(c.payload.text)), {
      after: mark,
    });
  });

  it('"tell community staff" reaches every staff member once, and the card drops the button it used', async () => {
    const u = await tb.resident(6104, { first_name: '王阿姨' });
    const alarm = await (await u.send('家里煤气泄漏了')).reply();
    const notify = button(alarm, '通知社区工作人员');
    const mark = tb.api.lastSeq();
    const tapped = await (await u.click(notify)).reply();
    const edited = tapped.find((c) => c.method === 'editMessageText');
    expect(String(edited?.payload.text)).toContain('已经通知社区工作人员');
    expect(JSON.stringify(edited?.payload.reply_markup ?? {})).not.toContain('em:n:');
    await (await u.click(notify)).reply(); // a second tap tells no one twice
    await tb.delivered();
    const alerts = tb.api.callsTo(STAFF, { after: mark }).filter((c) => c.method === 'sendMessage');
    expect(alerts).toHaveLength(1);
    expect(String(alerts[0]!.payload.text)).toContain('燃气泄漏');
    expect(String(alerts[0]!.payload.text)).toContain('王阿姨');
  });

  it("nobody can use someone else's alarm buttons", async () => {
    const a = await tb.resident(6105);
    const alarm = await (await a.send('着火了')).reply();
    const b = await tb.resident(6106);
    const out = await (await b.click(button(alarm, '通知社区工作人员'))).reply();
    expect(out.find((c) => c.method === 'answerCallbackQuery')?.payload.text).toContain('过期');
  });

  it('texts that only mention fire or illness go to the FAQ as before', async () => {
    const u = await tb.resident(6107);
    const out = await (await u.send('电动车充电怎么防火')).reply();
    expect(texts(out)).not.toMatch(/先打 119/);
  });
});
