import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compound } from '../../../src/features/residents/service';
import { alertOf, buttons, dataOf, texts, until } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { composeToCompound, gotNotice } from './compose';

// Issue 13 (no "send /x" prompts; the empty list comes first, before any notice exists) and issue 14 item 1 (a
// repeated confirmation is harmless) for broadcasts.

let tb: TestBot;
let compounds: Compound[];
beforeAll(async () => {
  tb = await startBot();
  compounds = await tb.services.residents.compounds();
});
afterAll(() => tb.stop());

describe('no command to type', () => {
  it('with no notices yet, the list offers a button that starts writing one', async () => {
    const staff = await tb.withRole(7802, 'staff');
    const list = await (await staff.command('/broadcasts')).reply();
    expect(texts(list)).toContain('还没有发过通知。');
    expect(texts(list)).not.toContain('/broadcast');
    const write = await (await staff.click(dataOf(list, /^nt:new$/)!)).reply();
    expect(texts(write)).toContain('请发送通知内容');
  });

  it('a scheduled notice can be cancelled and found again from buttons on its card', async () => {
    const staff = await tb.withRole(7803, 'staff');
    await tb.resident(7821, { compound: compounds[4]!.id });
    const out = await composeToCompound(tb, staff, compounds[4]!, '下周三停电检修');
    await (await staff.click(dataOf(out, /^nt:sch:/)!)).reply();
    const at = new Date(tb.clock.now().getTime() + 2 * 3600_000);
    const local = at.toLocaleString('sv-SE', { timeZone: tb.config.TIMEZONE }).slice(0, 16);
    const ask = await (await staff.send(local)).reply();
    const card = await (await staff.click(dataOf(ask, /^nt:go:/)!)).reply();
    expect(texts(card)).toMatch(/已预约/);
    expect(texts(card)).not.toContain('/broadcasts');
    expect(dataOf(card, /^nt:s:\d+$/)).toBeDefined();
    const list = await (await staff.click(dataOf(card, /^nt:p:0$/)!)).reply();
    expect(texts(list)).toContain('下周三停电检修');
  });
});

describe('confirming a broadcast', () => {
  it('a confirmation that arrives again after the notice went out names it and sends nothing twice', async () => {
    const staff = await tb.withRole(7801, 'staff');
    for (const id of [7811, 7812]) await tb.resident(id, { compound: compounds[3]!.id });
    const out = await composeToCompound(tb, staff, compounds[3]!, '周日上午楼道消杀');
    const send = dataOf(out, /^nt:go:/)!;
    const confirmMessage = out.find((c) => buttons([c]).some((b) => b.callback_data === send))!;
    const confirmed = await (await staff.click(send)).reply();
    const id = Number(/#(\d+)/.exec(texts(confirmed))![1]);
    // Telegram delivers the same press again (after a crash, or a second tap on the same message)
    const again = await (await staff.click(send, { messageId: confirmMessage.result.message_id })).reply();
    expect(alertOf(again)).toBe(`通知 #${id} 已经确认过了，不会重复发送。`);
    expect(again.filter((c) => c.method !== 'answerCallbackQuery')).toEqual([]);
    await until(async () => (await tb.services.notices.progress(id)).sent === 2, 'both sent');
    for (const u of [7811, 7812]) expect(gotNotice(tb, u, '周日上午楼道消杀')).toHaveLength(1);
    expect(
      (await tb.services.notices.list(0)).items.filter((i) => i.broadcast.text === '周日上午楼道消杀'),
    ).toHaveLength(1);
  });
});
