import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { listAudit } from '../../../src/identity';
import { alertOf, button, buttons, dataOf, plainTexts as texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { bj } from './support';

// Issue 15: a request to be contacted is a to-do on the staff workbench until someone marks it answered; every staff
// copy of the request then says who answered it.

const STAFF = 9200;
const OTHER_STAFF = 9201;
const STRANGER = 9210;
let tb: TestBot;
const clock = new ManualClock(bj('2025-06-10T10:00:00'));

beforeAll(async () => {
  tb = await startBot({ clock });
  await tb.withRole(STAFF, 'staff', { first_name: '刘干事' });
  await tb.withRole(OTHER_STAFF, 'staff', { first_name: '张干事' });
});
afterAll(() => tb.stop());

/** The request as it reached one staff chat. */
const requestIn = (chat: number) =>
  tb.api.callsTo(chat).find((c) => c.method === 'sendMessage' && String(c.payload.text).includes('赵大爷'))!;

describe('requests to be contacted on the workbench', () => {
  it('a request names where the person lives and waits on the workbench until one of the staff marks it', async () => {
    const u = await tb.resident(STRANGER, { first_name: '赵大爷' });
    const card = await (await u.send('🎁 救助领取')).reply();
    await (await u.click(dataOf(card, /^rl:ask$/)!)).reply();
    await tb.delivered();
    const request = requestIn(STAFF);
    expect(request.payload.text).toContain('住在：');
    expect(buttons([request]).map((b) => b.text)).toContain('✅ 已联系');

    const staff = tb.user(STAFF, { first_name: '刘干事' });
    let out = await (await staff.send('🧰 工作台')).reply();
    out = await (await staff.click(button(out, '救助咨询还没联系：1 个'))).reply();
    expect(texts(out)).toContain('还没联系的 1 个');
    out = await (await staff.click(button(out, '✅ 已联系 赵大爷'))).reply();
    expect(alertOf(out)).toContain('刘干事 已联系');
    expect(out.find((c) => c.method === 'editMessageText')!.payload.text).toContain('没有等着联系的救助咨询了');

    // the other staff member's copy now says who answered, and its button is gone
    await tb.delivered();
    const edits = tb.api
      .callsTo(OTHER_STAFF)
      .filter(
        (c) => c.method === 'editMessageText' && c.payload.message_id === requestIn(OTHER_STAFF).result.message_id,
      );
    expect(edits.at(-1)!.payload.text).toContain('刘干事 已联系');
    expect(buttons([edits.at(-1)!]).map((b) => b.text)).not.toContain('✅ 已联系');

    // pressed on an old copy: refused with who did it, nothing recorded twice
    const other = tb.user(OTHER_STAFF, { first_name: '张干事' });
    const late = await (
      await other.click(button([request], '✅ 已联系'), { messageId: requestIn(OTHER_STAFF).result.message_id })
    ).reply();
    expect(alertOf(late)).toContain('刘干事 已经在');
    expect((await listAudit(tb.db, { action: 'relief.inquiry.answer' })).length).toBe(1);
    out = await (await staff.send('🧰 工作台')).reply();
    expect(buttons(out).some((b) => b.text.includes('救助咨询'))).toBe(false);
  });

  it('a resident cannot mark a request answered, even with a forged button', async () => {
    const r = tb.user(STRANGER);
    const open = await tb.services.relief.openInquiries(0);
    for (const data of ['rl:iq:0', 'rl:iqd:1', 'rl:iqd:1:0']) {
      expect(alertOf(await (await r.click(data)).reply()), data).toContain('只对社区工作人员开放');
    }
    expect((await tb.services.relief.openInquiries(0)).total).toBe(open.total);
    expect((await listAudit(tb.db, { action: 'denied', actorId: STRANGER })).length).toBeGreaterThanOrEqual(3);
  });
});
