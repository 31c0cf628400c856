import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { listAudit } from '../../../src/identity';
import { alertOf, button, buttons, dataOf, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Saturday 2025-03-15 10:00 in Shanghai: closed under the configured Mon-Fri 08:30-17:30.
const clock = new ManualClock('2025-03-15T02:00:00Z');
let tb: TestBot;
const ADMIN = 7101;
const RESIDENT = 7102;
let nextResident = 7200;
beforeAll(async () => {
  tb = await startBot({ clock });
  await tb.withRole(ADMIN, 'admin', { first_name: '陈主任' });
});
afterAll(() => tb.stop());

const step = () => tb.app.features.flatMap((f) => f.setup ?? []).find((s) => s.key === 'faq.officeHours')!;

/** A resident's question nobody can answer, handed to staff: what they are told. */
async function handOff() {
  const u = await tb.resident(nextResident++);
  const none = await (await u.send('社区可以借轮椅吗？')).reply();
  return texts(await (await u.click(dataOf(none, /^fq:h:\d+$/)!)).reply());
}

describe('office hours, set up in the chat by tapping', () => {
  it('until an admin sets them the configured hours hold, and the set-up step is not done', async () => {
    expect(await step().isDone()).toBe(false);
    const told = await handOff();
    expect(told).toContain('现在是下班时间');
    expect(told).toContain('周一至周五 08:30-17:30');
  });

  it('an admin picks the days, the opening and the closing time; residents are told the new hours at once', async () => {
    const admin = tb.user(ADMIN);
    let out = await (await admin.click('fq:oh')).reply();
    expect(texts(out)).toContain('周一至周五 08:30-17:30');
    // Saturday on, then done
    out = await (await admin.click(button(out, '周六'))).reply();
    expect(buttons(out).find((b) => b.text.includes('周六'))?.text).toContain('✅');
    out = await (await admin.click(button(out, '选好了'))).reply();
    expect(texts(out)).toContain('周一至周六');
    out = await (await admin.click(button(out, '09:00'))).reply();
    // a closing time before the opening is not offered
    expect(buttons(out).some((b) => b.text === '08:30')).toBe(false);
    out = await (await admin.click(button(out, '18:00'))).reply();
    expect(texts(out)).toContain('办公时间已保存：周一至周六 09:00-18:00');
    expect(dataOf(out, /^su:next$/)).toBe('su:next');
    expect(await step().isDone()).toBe(true);
    const audit = await listAudit(tb.db, { action: 'settings.set', actorId: ADMIN });
    expect(audit.some((a) => a.subject === 'faq.officeHours')).toBe(true);

    // Saturday 10:00 is now office time: no "after hours" any more, without a restart
    expect(await handOff()).toContain('已经转给社区工作人员');
    expect(await handOff()).not.toContain('下班时间');
  });

  it('a button of a finished step is expired and changes nothing', async () => {
    const admin = tb.user(ADMIN);
    const out = await (await admin.click('fq:ohc:1900')).reply();
    expect(alertOf(out)).toContain('过期');
    expect(tb.services.faq.officeHours.current().close).toBe('18:00');
  });

  it('a resident is refused every office-hours button, even forged, and it is audited', async () => {
    const r = await tb.resident(RESIDENT);
    for (const data of ['fq:oh', 'fq:ohd:0', 'fq:ohn', 'fq:oho:0700', 'fq:ohc:2000']) {
      const out = await (await r.click(data)).reply();
      expect(alertOf(out), data).toBeTruthy();
      expect(texts(out), data).not.toContain('办公时间已保存');
    }
    expect(tb.services.faq.officeHours.current()).toMatchObject({ open: '09:00', close: '18:00' });
    expect((await listAudit(tb.db, { action: 'denied', actorId: RESIDENT })).length).toBeGreaterThanOrEqual(5);
  });
});
