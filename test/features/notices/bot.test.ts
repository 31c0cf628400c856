import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Compound } from '../../../src/features/residents/service';
import { listAudit } from '../../../src/identity';
import { answerOf, buttons, dataOf, seen, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { BOLD, composeToCompound, gotNotice, NOTICE } from './compose';

let tb: TestBot;
let compounds: Compound[];
beforeAll(async () => {
  tb = await startBot({ env: { ADMIN_IDS: '9000' } });
  compounds = await tb.services.residents.compounds();
});
const counts = (broadcastId?: number) => tb.platform.outbox.counts(broadcastId);
afterAll(() => tb.stop());

describe('a staff broadcast', () => {
  it(
    'is previewed exactly as residents see it, ' +
      'and after confirming every resident of the compound gets it once, with its formatting',
    async () => {
      const staff = await tb.withRole(7001, 'staff'); // lives in the first compound too, so gets it as well
      const home = compounds[0]!;
      const elsewhere = compounds[1]!;
      const inHome = [7101, 7102, 7103, 7104, 7105];
      for (const id of inHome) await tb.resident(id, { compound: home.id });
      await tb.resident(7106, { compound: elsewhere.id });
      await tb.resident(7107, { compound: home.id });
      await tb.platform.identity.setNoticesOptOut(7107, true);

      const out = await composeToCompound(tb, staff, compounds[0]!);
      const preview = out.find((c) => c.method === 'sendMessage' && c.payload.text === NOTICE);
      expect(preview?.payload.entities).toEqual(BOLD);
      expect(texts(out)).toContain('收件人：6 人');
      expect(texts(out)).toContain('另有 1 人关闭了社区通知');
      // nothing is queued before the staff member confirms
      expect((await counts()).queued).toBe(0);

      const confirmed = await (await staff.click(dataOf(out, /^nt:go:/)!)).reply();
      expect(texts(confirmed)).toContain('正在发送');
      expect(buttons(confirmed).some((b) => /^nt:s:\d+$/.test(b.callback_data ?? ''))).toBe(true);
      await tb.delivered();
      for (const id of inHome) {
        const got = gotNotice(tb, id);
        expect(got, `resident ${id}`).toHaveLength(1);
        expect(got[0]!.entities).toEqual(BOLD);
      }
      expect(gotNotice(tb, 7001)).toHaveLength(2); // the preview and the notice itself
      expect(gotNotice(tb, 7106)).toHaveLength(0);
      expect(gotNotice(tb, 7107)).toHaveLength(0);

      // the progress job closes it: the progress message becomes the final report, and a report message arrives
      const mark = tb.api.lastSeq();
      await tb.runJobs();
      await tb.delivered();
      const finalCalls = tb.api.callsTo(7001, { after: mark });
      expect(
        finalCalls.some((c) => c.method === 'editMessageText' && /发送完毕[\s\S]*已发送：6/.test(c.payload.text)),
      ).toBe(true);
      expect(
        seen(tb, 7001).filter((m) => m.text?.includes('发送完毕') && m.text.includes('小区：荷塘花园')),
      ).toHaveLength(2);
      const [audit] = await listAudit(tb.db, { action: 'notices.broadcast.create', actorId: 7001 });
      expect(JSON.parse(audit!.details)).toMatchObject({
        audience: `compound:${home.id}`,
        recipients: 6,
        text: NOTICE,
      });
      expect((await listAudit(tb.db, { action: 'notices.broadcast.finish' })).length).toBeGreaterThan(0);

      // a second tap on the old confirmation sends nothing again, and says which notice it became (issue 14)
      const again = await (await staff.click(dataOf(out, /^nt:go:/)!)).reply();
      expect(answerOf(again)?.text).toMatch(/通知 #\d+ 已经确认过了/);
      await tb.delivered();
      for (const id of inHome) expect(gotNotice(tb, id)).toHaveLength(1);
    },
  );

  it('a photo with a caption is previewed and sent as a photo', async () => {
    const staff = await tb.withRole(7002, 'staff');
    await tb.resident(7201, { compound: compounds[2]!.id });
    await (await staff.command('/broadcast')).reply();
    let out = await (await staff.photo({ caption: '社区义诊海报' })).reply();
    const c = compounds[2]!;
    out = await (await staff.click('nt:a:cp')).reply();
    out = await (await staff.click(`nt:a:cq:${c.communityId}`)).reply();
    out = await (await staff.click(`nt:a:cp:${c.id}`)).reply();
    expect(out.some((x) => x.method === 'sendPhoto' && x.payload.caption === '社区义诊海报')).toBe(true);
    await (await staff.click(dataOf(out, /^nt:go:/)!)).reply();
    await tb.delivered();
    const got = seen(tb, 7201).filter((m) => m.caption === '社区义诊海报');
    expect(got).toHaveLength(1);
    expect(got[0]!.photo?.length).toBeGreaterThan(0);
  });

  it('a plain notice with < and & in it arrives exactly as typed, not as formatting', async () => {
    const staff = await tb.withRole(7008, 'staff');
    await tb.resident(7801, { compound: compounds[4]!.id });
    const text = '水费 <50 元 & 电费 <b>不变</b>';
    const out = await composeToCompound(tb, staff, compounds[4]!, text, []);
    expect(texts(out)).not.toContain('Telegram 不接受');
    await (await staff.click(dataOf(out, /^nt:go:/)!)).reply();
    await tb.delivered();
    expect(gotNotice(tb, 7801, text)).toHaveLength(1);
  });

  it('a sticker instead of the text gets a polite re-ask, and discarding the preview sends nothing', async () => {
    const staff = await tb.withRole(7003, 'staff');
    await (await staff.command('/broadcast')).reply();
    expect(texts(await (await staff.sticker()).reply())).toContain('这里需要文字');
    await tb.resident(7301, { compound: compounds[3]!.id });
    const before = (await counts()).sent;
    const out = await composeToCompound(tb, staff, compounds[3]!, '测试通知，不要发');
    const discarded = await (await staff.click(dataOf(out, /^nt:no:/)!)).reply();
    expect(texts(discarded)).toContain('没有发送');
    await tb.delivered();
    expect((await counts()).sent).toBe(before);
    expect(gotNotice(tb, 7301, '测试通知，不要发')).toHaveLength(0);
  });
});

describe('residents and staff buttons', () => {
  it(
    'a resident is refused /broadcast, /broadcasts and every nt: button, ' + 'even forged, and nothing changes',
    async () => {
      const staff = await tb.withRole(7004, 'staff');
      await tb.resident(7401, { compound: compounds[4]!.id });
      const future = new Date(tb.clock.now().getTime() + 86_400_000);
      const b = await tb.services.notices.createBroadcast({
        draft: { key: 'forge-01', text: '预约通知', entities: [], photo: null },
        actorId: staff.id,
        audience: { kind: 'compound', id: compounds[4]!.id },
        sendAt: future,
        progressMessageId: null,
      });

      const u = await tb.resident(7402, { compound: compounds[4]!.id });
      try {
        for (const cmd of ['/broadcast', '/broadcasts'])
          expect(texts(await (await u.command(cmd)).reply())).toContain('只对社区工作人员开放');
        for (const data of [
          'nt:a:all',
          'nt:a:cp',
          `nt:a:cp:${compounds[4]!.id}`,
          'nt:a:r:staff',
          'nt:a:x:market.booked',
          'nt:go:forge-01',
          'nt:sch:forge-01',
          'nt:no:forge-01',
          `nt:s:${b.id}`,
          `nt:sy:${b.id}`,
          'nt:sn',
          'nt:p:0',
        ]) {
          const answer = answerOf(await (await u.click(data)).reply());
          expect(answer?.text, data).toContain('只对社区工作人员开放');
        }
        expect(await tb.services.notices.broadcast(b.id)).toMatchObject({ state: 'active', stoppedBy: null });
        expect((await counts(b.id)).queued).toBe(b.recipients);
        expect((await listAudit(tb.db, { actorId: 7402, action: 'denied' })).length).toBe(14);
      } finally {
        // a scheduled row left queued would keep the harness's delivered() waiting in later tests
        await tb.services.notices.stopBroadcast(b.id, staff.id);
      }
    },
  );

  it(
    'a staff member pressing a confirmation whose key does not match the draft ' +
      'is told it expired, and nothing is sent',
    async () => {
      const staff = await tb.withRole(7005, 'staff');
      await tb.resident(7501, { compound: compounds[5]!.id });
      const out = await composeToCompound(tb, staff, compounds[5]!, '只发一次');
      const real = dataOf(out, /^nt:go:/)!;
      const forged = `nt:go:${real.endsWith('A') ? 'BBBBBBBB' : 'AAAAAAAA'}`;
      expect(answerOf(await (await staff.click(forged)).reply())?.text).toContain('过期');
      await tb.delivered();
      expect(gotNotice(tb, 7501, '只发一次')).toHaveLength(0);
      await (await staff.click(real)).reply();
      await tb.delivered();
      expect(gotNotice(tb, 7501, '只发一次')).toHaveLength(1);
    },
  );
});
