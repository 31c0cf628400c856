import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, localTime } from '../../../src/core/time';
import type { Compound } from '../../../src/features/residents/service';
import { listAudit } from '../../../src/identity';
import { buttons, dataOf, texts, until, waitForMessage } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { composeToCompound, gotNotice } from './compose';

let tb: TestBot;
let compounds: Compound[];
beforeAll(async () => {
  tb = await startBot({ env: { ADMIN_IDS: '9000' } });
  compounds = await tb.services.residents.compounds();
});
const counts = (broadcastId?: number) => tb.platform.outbox.counts(broadcastId);
afterAll(() => tb.stop());

describe('scheduled broadcasts', () => {
  const at = (ms: number) => {
    const d = new Date(tb.clock.now().getTime() + ms);
    return `${localDate(d, tb.config.TIMEZONE)} ${localTime(d, tb.config.TIMEZONE)}`;
  };

  it('a scheduled notice waits for its time and then goes out once to each resident', async () => {
    const staff = await tb.withRole(7006, 'staff');
    const ids = [7601, 7602, 7603];
    for (const id of ids) await tb.resident(id, { compound: compounds[6]!.id });
    const out = await composeToCompound(tb, staff, compounds[6]!, '周六上午社区义诊');
    let r = await (await staff.click(dataOf(out, /^nt:sch:/)!)).reply();
    expect(texts(r)).toContain('请发送日期和时间');
    r = await (await staff.send('下午三点')).reply();
    expect(texts(r)).toContain('没看懂这个时间');
    expect(texts(r)).toMatch(/例如：\d{4}-\d{2}-\d{2} 09:00/);
    r = await (await staff.send(at(2 * 3600_000))).reply();
    expect(texts(r)).toContain('确认预约吗');
    r = await (await staff.click(dataOf(r, /^nt:go:/)!)).reply();
    expect(texts(r)).toMatch(/通知 #\d+ 已预约/);
    const id = Number(/#(\d+)/.exec(texts(r))![1]);

    // the sender has had its chance: a message queued after the scheduled one arrives, the scheduled one does not
    const probe = { chatId: staff.id, userId: staff.id, category: 'staff' as const, content: { text: '发送探针' } };
    await tb.platform.outbox.enqueue(tb.db, [{ dedupeKey: 'test:probe', ...probe }], tb.clock.now());
    await waitForMessage(tb, staff.id, '发送探针');
    for (const u of ids) expect(gotNotice(tb, u, '周六上午社区义诊')).toHaveLength(0);
    const list = await (await staff.command('/broadcasts')).reply();
    expect(texts(list)).toContain(`#${id}`);
    expect(texts(list)).toContain('已预约');
    expect(buttons(list).some((b) => b.callback_data === `nt:s:${id}`)).toBe(true);

    tb.clock.advance(2 * 3600_000 + 60_000);
    tb.app.worker.wake();
    await until(async () => (await counts(id)).sent === 3, 'scheduled rows sent', 10_000);
    for (const u of ids) expect(gotNotice(tb, u, '周六上午社区义诊')).toHaveLength(1);
    await tb.runJobs();
    expect((await tb.services.notices.broadcast(id))?.state).toBe('done');
  });

  it('a scheduled notice cancelled from /broadcasts never goes out', async () => {
    const staff = await tb.withRole(7007, 'staff');
    await tb.resident(7701, { compound: compounds[0]!.id });
    const sendAt = new Date(tb.clock.now().getTime() + 3600_000);
    const b = await tb.services.notices.createBroadcast({
      draft: { key: 'cancel01', text: '会被取消的通知', entities: [], photo: null },
      actorId: staff.id,
      audience: { kind: 'compound', id: compounds[0]!.id },
      sendAt,
      progressMessageId: null,
    });
    const list = await (await staff.command('/broadcasts')).reply();
    const ask = await (await staff.click(dataOf(list, new RegExp(`^nt:s:${b.id}$`))!)).reply();
    expect(texts(ask)).toContain(`确定取消预约的通知 #${b.id}`);
    const done = await (await staff.click(`nt:sy:${b.id}`)).reply();
    expect(texts(done)).toContain('已取消');
    tb.clock.advance(3600_000 + 60_000);
    await tb.delivered();
    expect(gotNotice(tb, 7701, '会被取消的通知')).toHaveLength(0);
    expect(await tb.services.notices.broadcast(b.id)).toMatchObject({ state: 'cancelled', stoppedBy: 7007 });
    expect(await listAudit(tb.db, { action: 'notices.broadcast.cancel', actorId: 7007 })).toHaveLength(1);
  });
});
