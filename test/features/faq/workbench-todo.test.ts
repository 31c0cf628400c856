import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { listAudit } from '../../../src/identity';
import { alertOf, button, buttons, dataOf, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Monday 2025-03-10 10:00 in Shanghai: the office is open.
const clock = new ManualClock('2025-03-10T02:00:00Z');
let tb: TestBot;
const STAFF = 7401;
const RESIDENT = 7402;
beforeAll(async () => {
  tb = await startBot({ clock });
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
});
afterAll(() => tb.stop());

describe('residents’ questions on the workbench', () => {
  it('the workbench lists unanswered questions first; a tap opens them, and the FAQ is a task button', async () => {
    const staff = tb.user(STAFF);
    let out = await (await staff.send('🧰 工作台')).reply();
    expect(JSON.stringify(buttons(out))).not.toContain('未回复的居民问题');
    expect(texts(out)).toContain('现在没有等着您处理的事');

    const r = await tb.resident(RESIDENT, { first_name: '王阿姨' });
    const none = await (await r.send('社区可以借轮椅吗？')).reply();
    await (await r.click(dataOf(none, /^fq:h:\d+$/)!)).reply();

    out = await (await staff.send('🧰 工作台')).reply();
    expect(buttons(out).map((b) => b.text)).toContain('💬 未回复的居民问题：1 个');
    const inbox = await (await staff.click(button(out, '未回复的居民问题'))).reply();
    expect(texts(inbox)).toContain('社区可以借轮椅吗？');

    out = await (await staff.send('🧰 工作台')).reply();
    expect(texts(await (await staff.click(button(out, '💬 居民提问'))).reply())).toContain('社区可以借轮椅吗？');
    const entries = await (await staff.click(button(out, '📚 常见问题'))).reply();
    expect(dataOf(entries, /^fq:sa$/)).toBe('fq:sa');
  });

  it('a resident never sees the line and is refused the buttons, even forged, and it is audited', async () => {
    const r = tb.user(RESIDENT);
    for (const data of ['fq:ib:0', 'fq:sm', 'fq:sa']) {
      const out = await (await r.click(data)).reply();
      expect(alertOf(out), data).toContain('只对社区工作人员开放');
    }
    const out = await (await r.click('wb:home')).reply();
    expect(texts(out)).not.toContain('未回复的居民问题');
    expect((await listAudit(tb.db, { action: 'denied', actorId: RESIDENT })).length).toBeGreaterThanOrEqual(4);
  });
});
