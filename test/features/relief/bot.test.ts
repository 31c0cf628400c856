import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import QRCode from 'qrcode';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { RecordedCall } from '../../../src/playground/fake-api';
import { alertOf, buttons, plainTexts as texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { bj, rosterCsv } from './support';

const STAFF = 900;
const A_USER = 501; // the recipient themself
const B_PROXY = 502; // a daughter collecting for a recipient without Telegram
const NOBODY = 777; // a resident who is not on the roster

let tb: TestBot;
const clock = new ManualClock('2025-05-28T02:00:00Z');
let a: { id: number; name: string };
let b: { id: number; name: string };
let c: { id: number; name: string; phone: string | null };
let aCode = '';
const relief = () => tb.services.relief;

/** Bot API sends to one chat after `mark`. */
const sendsTo = (chat: number, mark: number) =>
  tb.api.calls.filter(
    (x) => x.seq > mark && x.chatId === chat && ['sendMessage', 'sendPhoto', 'sendDocument'].includes(x.method),
  ) as RecordedCall[];
const reliefChats = (mark: number) =>
  [...new Set(tb.api.calls.filter((x) => x.seq > mark && x.method === 'sendMessage').map((x) => x.chatId))].sort();

async function at(local: string) {
  clock.set(bj(local));
  const mark = tb.api.lastSeq();
  await tb.runJobs();
  await tb.delivered();
  return mark;
}

beforeAll(async () => {
  tb = await startBot({ clock });
  await tb.withRole(STAFF, 'staff', { first_name: '刘干事' });
});
afterAll(() => tb.stop());

describe('a month of relief pickup, end to end', () => {
  it(
    'staff import the roster from the command line: bad rows stop the import and are named, ' + 'then 169 load',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'relief-'));
      const bad = join(dir, 'bad.csv');
      const good = join(dir, 'good.csv');
      writeFileSync(bad, rosterCsv(['某某,贫困户,,', '钱奶奶,特困,12ab,']));
      writeFileSync(good, rosterCsv());
      const lines: string[] = [];
      const out = (l: string) => void lines.push(l);
      const cli = tb.app.features.find((f) => f.name === 'relief')!.cli!;
      const err = await cli['relief import']!.run([bad], out).catch((e: Error) => e);
      expect(String(err)).toContain('row 171: category "贫困户"');
      expect(String(err)).toContain('row 172: phone "12ab"');
      expect(await relief().roster()).toHaveLength(0);
      await cli['relief import']!.run([good], out);
      expect(lines).toEqual(['imported: 169 added, 0 updated']);
      await cli['relief holidays']!.run([], out);
      const all = await relief().roster();
      [a, b] = [all[0]!, all[1]!];
      c = all.find((r) => r.phone !== null && r.id > 2)!;
    },
  );

  it('staff find a person by name and give them a one-time link; the person opens it and is linked', async () => {
    const staff = tb.user(STAFF, { first_name: '刘干事' });
    await (await staff.command('/checkin')).reply();
    let out = await (await staff.send(a.name)).reply();
    const pick = buttons(out).find((x) => x.callback_data === `rl:ci:${a.id}`)!;
    expect(pick.text).toContain(a.name);
    out = await (await staff.click(pick.callback_data!)).reply();
    expect(texts(out)).toContain('还没领取');
    out = await (await staff.click(`rl:rc:${a.id}`)).reply();
    out = await (await staff.click(`rl:lc:${a.id}`)).reply();
    const code = texts(out).match(/\?start=(rl_[\w-]+)/)![1]!;

    const person = tb.user(A_USER, { first_name: 'A' });
    out = await (await person.command('/start', code)).reply();
    expect(texts(out)).toContain(`这是 ${a.name} 的救助领取绑定链接`);
    out = await (await person.click('rl:lk:s')).reply();
    expect(texts(out)).toContain('绑定成功');
    expect(texts(out)).toContain('领取码');
    // the code is shown in bold, never as visible tags
    const card = tb.api
      .messages(A_USER)
      .filter((m) => m.from === 'bot' && m.text?.includes('领取码'))
      .at(-1)!;
    expect(card.text).not.toMatch(/<b>|&lt;/);
    expect(card.html).toMatch(/领取码：<b>\d{6}<\/b>/);
    const photo = out.find((x) => x.method === 'sendPhoto')!;
    // Linked on 28 May, after May's make-up days: the code shown is June's, the one to bring on 5 June.
    expect(photo.payload.caption).toContain('2025年6月领取码');
    aCode = /领取码 (\d{6})/.exec(photo.payload.caption)![1]!;
    // The picture is the QR code of exactly those digits.
    const file = tb.api.chats.file(photo.result.photo[0].file_id)!;
    expect(
      file.bytes.equals(
        await QRCode.toBuffer(aCode, { type: 'png', width: 360, margin: 2, errorCorrectionLevel: 'M' }),
      ),
    ).toBe(true);

    const again = await (await tb.user(NOBODY).command('/start', code)).reply();
    expect(texts(again)).toContain('已经用过了');
  });

  it('a family member opens the link of someone without Telegram and becomes their proxy', async () => {
    const staff = tb.user(STAFF, { first_name: '刘干事' });
    const out0 = await (await staff.click(`rl:lc:${b.id}`)).reply();
    const code = texts(out0).match(/\?start=(rl_[\w-]+)/)![1]!;
    const daughter = tb.user(B_PROXY, { first_name: '小红' });
    await (await daughter.command('/start', code)).reply();
    let out = await (await daughter.click('rl:lk:p')).reply();
    expect(texts(out)).toContain('请输入您的姓名');
    out = await (await daughter.send('')).reply().catch(() => []);
    out = await (await daughter.send('张红')).reply();
    expect(texts(out)).toContain(`您现在可以代 ${b.name} 领取`);
  });

  it(
    'the announcement three days before reaches exactly the linked person and the proxy, ' + 'with date and place',
    async () => {
      let mark = await at('2025-06-02T08:55:00');
      expect(reliefChats(mark)).toEqual([]);
      mark = await at('2025-06-02T09:00:00');
      expect(reliefChats(mark)).toEqual([A_USER, B_PROXY]);
      expect(texts(sendsTo(A_USER, mark))).toMatch(
        new RegExp(`${a.name}，本月的救助物资在 6月5日（周四） 发放[\\s\\S]*IGO慈善超市[\\s\\S]*领取码现在就能看`),
      ); // the day, not "ready now" 3 days early; the code is visible now (issue 13 item 8)
      expect(texts(sendsTo(B_PROXY, mark))).toContain(`您代领的 ${b.name}`);
      // Running the job again sends nothing twice.
      mark = await at('2025-06-02T09:05:00');
      expect(reliefChats(mark)).toEqual([]);
    },
  );

  it('on the morning of the day each gets a reminder with the code', async () => {
    const mark = await at('2025-06-05T08:00:00');
    expect(reliefChats(mark)).toEqual([A_USER, B_PROXY]);
    expect(texts(sendsTo(A_USER, mark))).toContain(`领取码：${aCode}`);
  });

  it('staff check in by the code shown; a second check-in is refused with who and when', async () => {
    clock.set(bj('2025-06-05T09:12:00'));
    const staff = tb.user(STAFF, { first_name: '刘干事' });
    await (await staff.command('/checkin')).reply();
    let out = await (await staff.send(aCode)).reply();
    expect(texts(out)).toContain(a.name);
    out = await (await staff.click(`rl:cy:${a.id}:c`)).reply();
    expect(texts(out)).toContain(`已登记：${a.name} 本人领取（2025-06-05 09:12）`);
    await tb.delivered();
    expect(tb.api.messages(A_USER).at(-1)?.text).toContain('本月的救助物资已领取');

    clock.set(bj('2025-06-05T10:30:00'));
    out = await (await staff.send(aCode)).reply();
    expect(texts(out)).toContain('已领取（2025-06-05 09:12）');
    expect(buttons(out).some((x) => x.callback_data?.startsWith('rl:cy:'))).toBe(false);
    // An old button pressed again still cannot record a second pickup.
    out = await (await staff.click(`rl:cy:${a.id}:c`)).reply();
    expect(texts(out)).toContain(`${a.name} 本月已经领过了：2025-06-05 09:12 本人领取，由 刘干事 登记`);
  });

  it('staff find someone without Telegram by phone digits and record a pickup by a named proxy', async () => {
    const staff = tb.user(STAFF, { first_name: '刘干事' });
    let out = await (await staff.send(c.phone!.slice(-4))).reply();
    out = await (
      await staff.click(buttons(out).find((x) => x.callback_data === `rl:ci:${c.id}`)!.callback_data!)
    ).reply();
    out = await (await staff.click(`rl:co:${c.id}:s`)).reply();
    expect(texts(out)).toContain(`谁替 ${c.name} 来领`);
    out = await (await staff.send('x'.repeat(40))).reply();
    expect(texts(out)).toContain('请再输入一次');
    out = await (await staff.send('邻居老周')).reply();
    expect(texts(out)).toContain(`已登记：${c.name} 由 邻居老周 代领`);
  });

  it(
    'in the afternoon and evening only the person who has not collected hears again, ' + 'with an offer to come later',
    async () => {
      let mark = await at('2025-06-05T15:00:00');
      expect(reliefChats(mark)).toEqual([B_PROXY]);
      mark = await at('2025-06-05T19:00:00');
      expect(reliefChats(mark)).toEqual([B_PROXY]);
      expect(texts(sendsTo(B_PROXY, mark))).toContain('6月8日（周日） 前来补领');
      const daughter = tb.user(B_PROXY);
      const out = await (await daughter.click(`rl:lt:${b.id}:202506`)).reply();
      expect(texts(out)).toContain('好的，记下了');
    },
  );

  it('the next morning staff get the summary, and the report adds up', async () => {
    const mark = await at('2025-06-06T08:30:00');
    expect(reliefChats(mark)).toEqual([STAFF]);
    expect(texts(sendsTo(STAFF, mark))).toMatch(/已领：2 \/ 169（其中代领 1）\n未领：167 人（说会来补领的 1 人/);
    const staff = tb.user(STAFF, { first_name: '刘干事' });
    await (await staff.command('/cancel')).reply();
    let out = await (await staff.command('/relief_report')).reply();
    expect(texts(out)).toContain('应领：169 人\n已领：2 人（本人 1，代领 1）\n未领：167 人（说会补领 1 人）');
    out = await (await staff.click('rl:rx:202506')).reply();
    const doc = out.find((x) => x.method === 'sendDocument')!;
    const csv = tb.api.chats.file(doc.result.document.file_id)!.bytes.toString('utf8');
    expect(csv.split('\r\n').filter((l) => /,(本人已领|代领),/.test(l)).length).toBe(2); // in Chinese (item 10)
    const r = await relief().monthReport('2025-06');
    expect(r.collectedSelf + r.collectedByProxy + r.notCollected.length).toBe(r.total);
  });
});

describe('privacy: residents get nothing of the roster', () => {
  it('a resident is refused every staff command', async () => {
    const u = tb.user(A_USER);
    for (const cmd of ['/roster', '/checkin', '/relief_report', '/relief_settings']) {
      const out = await (await u.command(cmd)).reply();
      expect(texts(out), cmd).toContain('只对社区工作人员开放');
    }
  });

  it('forged staff buttons are refused and change nothing', async () => {
    const u = tb.user(NOBODY);
    for (const data of [
      `rl:rc:${b.id}`,
      `rl:ci:${b.id}`,
      `rl:cy:${b.id}:c`,
      `rl:cp:${b.id}:1:s`,
      `rl:co:${b.id}:s`,
      `rl:lc:${b.id}`,
      `rl:da:${b.id}`,
      `rl:e:${b.id}:name`,
      'rl:r:0',
      'rl:rp:202506',
      'rl:rx:202506',
      'rl:st',
      'rl:set',
      'rl:sf:day',
      'rl:hdy:1',
      'rl:add',
    ]) {
      const out = await (await u.click(data)).reply();
      expect(alertOf(out), data).toContain('只对社区工作人员开放');
      expect(texts(out)).not.toContain(b.name);
    }
    expect((await relief().monthReport('2025-06')).notCollected.some((r) => r.id === b.id)).toBe(true);
    expect((await relief().roster()).find((r) => r.id === b.id)?.active).toBe(true);
  });

  it("a resident cannot act on someone else's pickup or see their code", async () => {
    const u = tb.user(A_USER);
    let out = await (await u.click(`rl:lt:${b.id}:202506`)).reply();
    expect(alertOf(out)).toBe('这个按钮已经过期了，请重新操作。');
    out = await (await u.click(`rl:px:${b.id}`)).reply();
    expect(alertOf(out)).toBe('这个按钮已经过期了，请重新操作。');
    out = await (await u.send('🎁 救助领取')).reply();
    expect(texts(out)).toContain(a.name);
    expect(texts(out)).not.toContain(b.name);
    const stranger = tb.user(NOBODY);
    out = await (await stranger.send('🎁 救助领取')).reply();
    expect(texts(out)).toContain('怎么申请'); // no jargon, no dead end (issue 13 item 7)
    out = await (await stranger.send(aCode)).reply();
    expect(texts(out)).not.toContain(a.name);
  });
});

describe('staff keep the roster and settings in the bot', () => {
  it('adding a person re-asks politely on a bad phone number and saves only when done', async () => {
    const staff = tb.user(STAFF, { first_name: '刘干事' });
    const before = (await relief().roster()).length;
    await (await staff.command('/roster')).reply();
    await (await staff.click('rl:add')).reply();
    await (await staff.send('周大爷')).reply();
    let out = await (await staff.click('rl:cat:elderly_alone')).reply();
    expect(texts(out)).toContain('请输入手机号');
    out = await (await staff.send('12ab')).reply();
    expect(texts(out)).toContain('手机号要 7–15 位数字（例如：13900001234）');
    expect((await relief().roster()).length).toBe(before);
    await (await staff.send('13900009999')).reply();
    out = await (await staff.send('跳过')).reply();
    expect(texts(out)).toContain('已添加 周大爷');
    expect((await relief().roster()).at(-1)).toMatchObject({
      name: '周大爷',
      category: 'elderly_alone',
      phone: '13900009999',
      notes: null,
    });
  });

  it('adding someone already on the roster is refused with their number, as the import refuses it', async () => {
    const staff = tb.user(STAFF, { first_name: '刘干事' });
    const zhou = (await relief().roster()).find((r) => r.name === '周大爷' && r.phone === '13900009999');
    expect(zhou, 'added by the test before').toBeDefined();
    const before = (await relief().roster()).length;
    await (await staff.command('/roster')).reply();
    await (await staff.click('rl:add')).reply();
    await (await staff.send('周大爷')).reply();
    await (await staff.click('rl:cat:tekun')).reply();
    await (await staff.send('139 0000 9999')).reply();
    const out = await (await staff.send('跳过')).reply();
    expect(texts(out)).toContain(`周大爷（同一电话）已在名册上（编号 ${zhou!.id}）`);
    expect((await relief().roster()).length).toBe(before);
    // The flow is over: typing again adds nobody.
    expect(texts(await (await staff.send('跳过')).reply())).not.toContain('已添加');
    expect((await relief().roster()).length).toBe(before);
  });

  it('a wrong pickup day is asked again with an example; a right one moves the day', async () => {
    const staff = tb.user(STAFF, { first_name: '刘干事' });
    await (await staff.command('/relief_settings')).reply();
    await (await staff.click('rl:sf:day')).reply();
    let out = await (await staff.send('31')).reply();
    expect(texts(out)).toContain('请输入 1–28 的数字（例如：5）');
    out = await (await staff.send('6')).reply();
    expect(texts(out)).toContain('每月领取日：6 日');
  });
});
