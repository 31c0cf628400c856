import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDate, localTime } from '../../../src/core/time';
import { collectAudiences } from '../../../src/features/notices';
import type { Compound } from '../../../src/features/residents/service';
import { listAudit } from '../../../src/identity';
import type { FakeUser } from '../../../src/playground/fake-api';
import { answerOf, buttons, dataOf, seen, texts, until, waitForMessage } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { sendFormatted } from './formatted';

let tb: TestBot;
let compounds: Compound[];
beforeAll(async () => {
  tb = await startBot({ env: { ADMIN_IDS: '9000' } });
  compounds = await tb.services.residents.compounds();
});
const counts = (broadcastId?: number) => tb.platform.outbox.counts(broadcastId);
afterAll(() => tb.stop());

const NOTICE = '停水通知：明天 8:00–12:00 荷塘花园停水，请提前储水。';
const BOLD = [{ type: 'bold', offset: 0, length: 4 }];

/**
 * /broadcast → text → one compound, through the buttons a staff member taps. Returns the summary (with the send
 * buttons).
 */
async function composeToCompound(staff: FakeUser, compoundIndex: number, text = NOTICE, entities: object[] = BOLD) {
  let out = await (await staff.command('/broadcast')).reply();
  expect(texts(out)).toContain('请发送通知内容');
  out = await sendFormatted(tb, staff, text, entities);
  expect(texts(out)).toContain('发给谁');
  // every audience another installed area registers is offered, next to the places and roles
  const offered = buttons(out).map((b) => b.callback_data);
  for (const key of Object.keys(collectAudiences(tb.app.features))) expect(offered).toContain(`nt:a:x:${key}`);
  expect(offered).toEqual(
    expect.arrayContaining(['nt:a:all', 'nt:a:cm', 'nt:a:cp', 'nt:a:r:staff', 'nt:a:r:deputy', 'nt:a:r:partner']),
  );
  const c = compounds[compoundIndex]!;
  out = await (await staff.click('nt:a:cp')).reply();
  out = await (await staff.click(dataOf(out, new RegExp(`^nt:a:cq:${c.communityId}$`))!)).reply();
  expect(texts(out)).toContain('请选择小区');
  // the preview, then the summary with the send buttons
  return (await staff.click(dataOf(out, new RegExp(`^nt:a:cp:${c.id}$`))!)).reply();
}

const gotNotice = (id: number, text = NOTICE) => seen(tb, id).filter((m) => m.text === text || m.caption === text);

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

      const out = await composeToCompound(staff, 0);
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
        const got = gotNotice(id);
        expect(got, `resident ${id}`).toHaveLength(1);
        expect(got[0]!.entities).toEqual(BOLD);
      }
      expect(gotNotice(7001)).toHaveLength(2); // the preview and the notice itself
      expect(gotNotice(7106)).toHaveLength(0);
      expect(gotNotice(7107)).toHaveLength(0);

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

      // a second tap on the old confirmation sends nothing again
      const again = await (await staff.click(dataOf(out, /^nt:go:/)!)).reply();
      expect(answerOf(again)?.text).toContain('过期');
      await tb.delivered();
      for (const id of inHome) expect(gotNotice(id)).toHaveLength(1);
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
    const out = await composeToCompound(staff, 4, text, []);
    expect(texts(out)).not.toContain('Telegram 不接受');
    await (await staff.click(dataOf(out, /^nt:go:/)!)).reply();
    await tb.delivered();
    expect(gotNotice(7801, text)).toHaveLength(1);
  });

  it('a sticker instead of the text gets a polite re-ask, and discarding the preview sends nothing', async () => {
    const staff = await tb.withRole(7003, 'staff');
    await (await staff.command('/broadcast')).reply();
    expect(texts(await (await staff.sticker()).reply())).toContain('这里需要文字');
    await tb.resident(7301, { compound: compounds[3]!.id });
    const before = (await counts()).sent;
    const out = await composeToCompound(staff, 3, '测试通知，不要发');
    const discarded = await (await staff.click(dataOf(out, /^nt:no:/)!)).reply();
    expect(texts(discarded)).toContain('没有发送');
    await tb.delivered();
    expect((await counts()).sent).toBe(before);
    expect(gotNotice(7301, '测试通知，不要发')).toHaveLength(0);
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
      const out = await composeToCompound(staff, 5, '只发一次');
      const real = dataOf(out, /^nt:go:/)!;
      const forged = `nt:go:${real.endsWith('A') ? 'BBBBBBBB' : 'AAAAAAAA'}`;
      expect(answerOf(await (await staff.click(forged)).reply())?.text).toContain('过期');
      await tb.delivered();
      expect(gotNotice(7501, '只发一次')).toHaveLength(0);
      await (await staff.click(real)).reply();
      await tb.delivered();
      expect(gotNotice(7501, '只发一次')).toHaveLength(1);
    },
  );
});

describe('scheduled broadcasts', () => {
  const at = (ms: number) => {
    const d = new Date(tb.clock.now().getTime() + ms);
    return `${localDate(d, tb.config.TIMEZONE)} ${localTime(d, tb.config.TIMEZONE)}`;
  };

  it('a scheduled notice waits for its time and then goes out once to each resident', async () => {
    const staff = await tb.withRole(7006, 'staff');
    const ids = [7601, 7602, 7603];
    for (const id of ids) await tb.resident(id, { compound: compounds[6]!.id });
    const out = await composeToCompound(staff, 6, '周六上午社区义诊');
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
    for (const u of ids) expect(gotNotice(u, '周六上午社区义诊')).toHaveLength(0);
    const list = await (await staff.command('/broadcasts')).reply();
    expect(texts(list)).toContain(`#${id}`);
    expect(texts(list)).toContain('已预约');
    expect(buttons(list).some((b) => b.callback_data === `nt:s:${id}`)).toBe(true);

    tb.clock.advance(2 * 3600_000 + 60_000);
    tb.app.worker.wake();
    await until(async () => (await counts(id)).sent === 3, 'scheduled rows sent', 10_000);
    for (const u of ids) expect(gotNotice(u, '周六上午社区义诊')).toHaveLength(1);
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
    expect(gotNotice(7701, '会被取消的通知')).toHaveLength(0);
    expect(await tb.services.notices.broadcast(b.id)).toMatchObject({ state: 'cancelled', stoppedBy: 7007 });
    expect(await listAudit(tb.db, { action: 'notices.broadcast.cancel', actorId: 7007 })).toHaveLength(1);
  });
});
