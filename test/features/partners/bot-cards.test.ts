import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { ChatMessage } from '../../../src/playground/fake-api';
import { alertOf, button, type InlineButton, say, seen, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Issue 13 item 12: a sign-up reaches staff at once and every staff card follows the decision; the volunteer is
// offered buttons, never told to send a command; each card pressed shows its new state.

const clock = new ManualClock('2025-03-10T02:00:00Z'); // Monday 10:00 in Shanghai
let tb: TestBot;
const A = 7601;
const B = 7602;
let teamId: number;
beforeAll(async () => {
  tb = await startBot({ clock });
  await tb.withRole(A, 'staff', { first_name: '小张' });
  await tb.withRole(B, 'staff', { first_name: '小刘' });
  teamId = await tb.services.partners.createTeam(null, '帮困服务队', '上门帮困');
});
afterAll(() => tb.stop());

const staffUser = (id: number) => tb.user(id, { first_name: id === A ? '小张' : '小刘' });
const keys = (m: ChatMessage): InlineButton[] => (m.reply_markup?.inline_keyboard ?? []).flat();
/** The data of the button so labelled on a message the chat shows. */
const labelled = (m: ChatMessage, label: string) => keys(m).find((b) => b.text.includes(label))!.callback_data!;
const signUpCard = (staff: number, name: string) => seen(tb, staff).find((m) => m.text?.includes(`${name} 报名加入`))!;

describe('a volunteer sign-up', () => {
  it('reaches every staff member at once with approve and decline; when one decides, every card says who', async () => {
    const vol = await tb.resident(7611, { first_name: '小王' });
    await (await vol.command('/volunteer')).reply();
    const card = await tap(vol, `pa:v:${teamId}`);
    const applied = await tap(vol, button(card, '报名加入'));
    expect(texts(applied)).toContain('已报名「帮困服务队」');
    // The team card pressed now says the sign-up waits for staff, with no second sign-up button.
    const teamCard = seen(tb, vol.id).at(-1)!;
    expect(teamCard.text).toContain('正在等社区审核');
    expect(keys(teamCard).map((b) => b.text)).not.toContain('✋ 报名加入');

    await tb.delivered();
    for (const s of [A, B]) expect(keys(signUpCard(s, '小王')).map((b) => b.text)).toEqual(['✅ 通过', '❌ 不通过']);
    const stale = keys(signUpCard(B, '小王'))[0]!.callback_data!;

    const atA = signUpCard(A, '小王');
    await (await staffUser(A).click(keys(atA)[0]!.callback_data!, { messageId: atA.message_id })).reply();
    expect(signUpCard(A, '小王').text).toContain('已由 小张 通过');
    await tb.delivered();
    const atB = signUpCard(B, '小王');
    expect(atB.edited).toBe(true);
    expect(atB.text).toContain('已由 小张 通过');
    expect(keys(atB)).toEqual([]);
    expect(alertOf(await (await staffUser(B).click(stale)).reply())).toContain('已经由 小张 通过了');

    // The volunteer is told, with a button to their shifts instead of "send /shifts".
    const welcome = seen(tb, vol.id).find((m) => m.text?.includes('您已成为「帮困服务队」的队员'))!;
    expect(welcome.text).not.toMatch(/\/[a-z]/);
    const shifts = await tap(vol, labelled(welcome, '我的值班'));
    expect(texts(shifts)).toContain('近期没有值班');
  });

  it('decided from the volunteers desk leaves the desk without it', async () => {
    const vol = await tb.resident(7612, { first_name: '小陈' });
    await tap(vol, `pa:ap:${teamId}`);
    const desk = await (await staffUser(B).command('/volunteers')).reply();
    expect(texts(desk)).toContain('待审核报名：1');
    await tap(staffUser(B), button(desk, '小陈'));
    const again = seen(tb, B).at(-1)!;
    expect(again.text).toContain('待审核报名：0');
    expect(keys(again).some((b) => b.text.includes('小陈'))).toBe(false);
  });
});

describe('a shift', () => {
  it('is offered from a day typed in words, said back, and taking it turns the offer into your shifts', async () => {
    const vol = await tb.resident(7613, { first_name: '小李' });
    await tap(vol, `pa:ap:${teamId}`);
    await tb.services.partners.decide(A, teamId, 7613, true);
    const staff = staffUser(A);
    await tap(staff, `pa:of:${teamId}`);
    expect(texts(await say(staff, '周六'))).toContain('3月15日（周六）');
    await say(staff, '上门陪老人聊天');
    await say(staff, '2');
    const preview = await say(staff, '2');
    const sent = await tap(staff, button(preview, '发送'));
    expect(texts(sent)).toContain('2025-03-15 的值班已发给队员');
    expect(alertOf(await tap(staff, 'pa:ofy'))).toContain('没有重复发布');

    await tb.delivered();
    const offer = seen(tb, vol.id).find((m) => m.text?.includes('值班招募'))!;
    const took = await (await vol.click(keys(offer)[0]!.callback_data!, { messageId: offer.message_id })).reply();
    expect(texts(took)).toContain('已报名：2025-03-15');
    expect(offer.text).toContain('✅ 2025-03-15 帮困服务队：上门陪老人聊天');
    expect(keys(offer).map((b) => b.text)).toEqual(['取消 2025-03-15 的值班']);

    clock.set('2025-03-15T10:00:00Z');
    try {
      const desk = await (await staff.command('/volunteers')).reply();
      await tap(staff, button(desk, '记工时'));
      const logged = await tap(staff, labelled(seen(tb, A).at(-1)!, '确认'));
      expect(texts(logged)).toContain('已给 1 位队员记上工时');
      await tb.delivered();
      const note = seen(tb, vol.id).find((m) => m.text?.includes('的值班已记'))!;
      expect(note.text).not.toMatch(/\/[a-z]/);
      expect(keys(note).map((b) => b.text)).toEqual(['⏱ 我的时长']);
    } finally {
      clock.set('2025-03-10T02:00:00Z');
    }
  });
});
