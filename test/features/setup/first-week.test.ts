import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { FakeUser, RecordedCall } from '../../../src/playground/fake-api';
import { type InlineButton, plainTexts, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Issue 15, done when: a new deployment's first week from an empty database with only ADMIN_IDS set, by taps and
// typed answers alone. Every button is found by its label on the bot's messages; no id is typed, no callback data
// is written here, nothing is seeded and no command-line verb runs.

const ADMIN = 5001;
const STAFF = 5002;
const DEPUTY = 5003;
const RESIDENT = 5004;

let tb: TestBot;
beforeAll(async () => {
  // Sunday 2026-11-29, 10:00 in Shanghai
  tb = await startBot({
    empty: true,
    clock: new ManualClock('2026-11-29T02:00:00Z'),
    env: { ADMIN_IDS: String(ADMIN) },
  });
});
afterAll(() => tb.stop());

const keyboard = (m: { reply_markup?: { inline_keyboard?: InlineButton[][] } }) =>
  (m.reply_markup?.inline_keyboard ?? []).flat();

/** The bot's messages in this user's chat, newest first, as the chat shows them now (edits applied). */
const botMessages = (u: FakeUser) =>
  tb.api
    .messages(u.id)
    .filter((m) => m.from === 'bot')
    .reverse();

/**
 * Taps the button whose label contains `label` on the newest bot message that has one, as a person would; fails
 * naming the buttons of the newest keyboard when there is none.
 */
async function press(u: FakeUser, label: string): Promise<RecordedCall[]> {
  for (const m of botMessages(u)) {
    const b = keyboard(m).find((x) => x.text.includes(label));
    if (b?.callback_data) return (await u.click(b.callback_data, { messageId: m.message_id })).reply();
  }
  const last = botMessages(u).find((m) => keyboard(m).length);
  throw new Error(`no button "${label}" for ${u.id}; newest keyboard: ${JSON.stringify(last && keyboard(last).map((b) => b.text))}`);
}

const say = async (u: FakeUser, text: string) => (await u.send(text)).reply();

/** The text of the newest bot message in the chat, tags removed. */
const lastText = (u: FakeUser) => plainTexts([{ payload: { text: u.lastText() ?? '' } } as RecordedCall]);

describe('a new sub-district is set up in the chat by its first admin', () => {
  it('the admin names the sub-district and adds two communities with their compounds', async () => {
    const admin = tb.user(ADMIN, { first_name: '陈主任' });
    let out = await (await admin.command('/start')).reply();
    expect(texts(out)).toContain('请输入街道的名称');
    out = await say(admin, '月塘街道');
    expect(texts(out)).toContain('街道名称已保存');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('社区和小区');
    out = await press(admin, '添加社区');
    await say(admin, '野鸭冲社区');
    out = await say(admin, 'Yeyachong Community');
    expect(texts(out)).toContain('已添加社区：野鸭冲社区');
    out = await press(admin, '添加小区');
    await say(admin, '荷塘花园');
    await say(admin, 'Hetang Garden');
    await say(admin, '荷塘区月塘路 18 号');
    out = await (await admin.location(27.8597, 113.1561)).reply();
    expect(texts(out)).toContain('已添加小区：荷塘花园');
    out = await press(admin, '添加小区');
    await say(admin, '肖明组');
    out = await press(admin, '英文名与中文相同');
    await say(admin, '荷塘区肖明路 3 号');
    out = await press(admin, '跳过');
    expect(texts(out)).toContain('已添加小区：肖明组');
    out = await press(admin, '全部社区');
    out = await press(admin, '添加社区');
    await say(admin, '石子头社区');
    await say(admin, 'Shizitou Community');
    out = await press(admin, '添加小区');
    await say(admin, '幸福里');
    await say(admin, 'Xingfuli');
    await say(admin, '荷塘区幸福路 22 号');
    out = await press(admin, '跳过');
    expect(texts(out)).toContain('已添加小区：幸福里');
    out = await press(admin, '全部社区');
    expect(texts(out)).toContain('野鸭冲社区：2 个小区');
    expect(texts(out)).toContain('石子头社区：1 个小区');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('市集场地');
  });

  it('a venue for market days, the charity supermarket, office hours and petition time limits, then it opens', async () => {
    const admin = tb.user(ADMIN);
    let out = await press(admin, '荷塘花园');
    expect(texts(out)).toContain('场地叫什么');
    await say(admin, '荷塘花园 3 栋前广场\nHetang Garden Square');
    await say(admin, '荷塘区月塘路 18 号');
    out = await press(admin, '跳过');
    expect(texts(out)).toContain('已添加场地');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('慈善超市叫什么名字');
    await say(admin, 'IGO慈善超市 / IGO Charity Supermarket');
    await say(admin, '荷塘区示范路 28 号 / 28 Shifan Road');
    await say(admin, '5');
    out = await say(admin, '09:00-11:30');
    expect(texts(out)).toContain('慈善超市设好了');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('办公时间');
    await press(admin, '周六');
    await press(admin, '选好了');
    await press(admin, '09:00');
    out = await press(admin, '18:00');
    expect(texts(out)).toContain('办公时间已保存：周一至周六 09:00-18:00');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('反映处理时限');
    await press(admin, '2');
    out = await say(admin, '10');
    expect(texts(out)).toContain('受理 2 天，答复 10 天');
    out = await press(admin, '下一步');
    expect(texts(out)).toContain('设置完成');
  });

  it('the admin adds three market services to the empty catalogue from the workbench', async () => {
    const admin = tb.user(ADMIN);
    await say(admin, '🧰 工作台');
    let out = await press(admin, '市集服务目录');
    console.log(texts(out), JSON.stringify(out.at(-1)?.payload.reply_markup));
  });
});
