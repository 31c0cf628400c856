import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../../src/charts/render';
import { ManualClock } from '../../../src/core/clock';
import { formatYuan } from '../../../src/features/fund/money';
import { moneyWentPicture } from '../../../src/features/fund/pictures/fund';
import { listAudit } from '../../../src/identity';
import type { FakeUser } from '../../../src/playground/fake-api';
import { alertOf, buttons, say, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

let tb: TestBot;
const clock = new ManualClock('2025-03-10T02:00:00Z'); // 10:00 in Shanghai
beforeAll(async () => {
  tb = await startBot({ clock });
});
afterAll(() => tb.stop());

/** The photo the bot sent, fetched the way any Telegram client would: getFile, then the file URL. */
async function download(fileId: string): Promise<Buffer> {
  const f = await tb.app.bot.api.getFile(fileId);
  const res = await fetch(`${tb.config.TELEGRAM_API_ROOT}/file/bot${tb.config.BOT_TOKEN}/${f.file_path}`);
  expect(res.ok).toBe(true);
  return Buffer.from(await res.arrayBuffer());
}

type Donor = 'anonymous' | { partner: string } | { name: string; public: boolean };
async function recordIncome(
  staff: FakeUser,
  kind: string,
  amount: string,
  donor: Donor = 'anonymous',
  restrict = 'none',
) {
  await (await staff.command('/fundadd')).reply();
  await tap(staff, 'fd:n:i');
  let out = await tap(staff, `fd:k:${kind}`);
  if (donor === 'anonymous') out = await tap(staff, 'fd:dk:anonymous');
  else if ('partner' in donor) {
    out = await tap(staff, 'fd:dk:partner');
    const b = buttons(out).find((x) => x.text === donor.partner)!;
    await tap(staff, b.callback_data!);
    out = await tap(staff, 'fd:cs:1');
  } else {
    await tap(staff, 'fd:dk:resident');
    await say(staff, donor.name);
    out = await tap(staff, `fd:cs:${donor.public ? 1 : 0}`);
  }
  expect(texts(out)).toContain('有没有指定用途');
  await tap(staff, `fd:r:${restrict}`);
  await say(staff, amount);
  await tap(staff, 'fd:td');
  await tap(staff, 'fd:sn');
  return tap(staff, 'fd:y');
}

describe('staff record the ledger and everyone sees the same numbers', () => {
  it('each income kind and an expense show in /fund and in the chart to the fen', async () => {
    const staff = await tb.withRole(7001, 'staff');
    await tb.services.partners.addPartner(null, {
      name: '乐乐超市',
      type: 'business',
      description: '连锁超市',
      contact: '王店长 13800000000',
      offers: [{ kind: 'discount', detail: '9.5 折' }],
    });

    const saved = await recordIncome(staff, 'directed', '1,000.50', { partner: '乐乐超市' }, 'relief');
    expect(texts(saved)).toMatch(/已记账 #\d+。基金结余 1,000\.50 元/);
    await recordIncome(staff, 'consumption', '88.08', { partner: '乐乐超市' });
    await recordIncome(staff, 'monthly', '50', { name: '陈秀英', public: true });
    await recordIncome(staff, 'service', '300', { name: '李师傅', public: false });
    await recordIncome(staff, 'shop', '42.22');
    await recordIncome(staff, 'other', '0.01');

    await (await staff.command('/fundadd')).reply();
    await tap(staff, 'fd:n:e');
    await tap(staff, 'fd:u:relief');
    await say(staff, '600');
    const noteAsk = await say(staff, '2025-03-09');
    expect(texts(noteAsk)).toContain('请写一句说明');
    const review = await say(staff, '三八节慰问 <b>困难户</b>');
    expect(texts(review)).toContain('&lt;b&gt;困难户&lt;/b&gt;');
    await tap(staff, 'fd:y');

    const resident = await tb.resident(7101);
    const fund = texts(await (await resident.command('/fund')).reply());
    // income 1000.50 + 88.08 + 50 + 300 + 42.22 + 0.01 = 1480.81; spent 600; balance 880.81,
    // of it 400.50 directed to relief
    expect(fund).toContain('基金结余：<b>880.81 元</b>');
    expect(fund).toContain('其中 400.50 元是定向资金（帮困 400.50 元）');
    for (const line of [
      '定向捐：1,000.50 元',
      '消费捐：88.08 元',
      '月月捐：50.00 元',
      '服务捐：300.00 元',
      '慈善超市义卖：42.22 元',
      '其他收入：0.01 元',
      '帮困：600.00 元',
      '收入：1,480.81 元',
      '支出：600.00 元',
    ]) {
      expect(fund).toContain(line);
    }
    expect(fund).toContain('其中自筹（义卖）：42.22 元');

    const chart = await tap(resident, 'fd:c');
    const photo = chart.find((c) => c.method === 'sendPhoto')!;
    expect(photo.ok).toBe(true);
    const png = await download(photo.result.photo.at(-1).file_id);
    expect(png.subarray(1, 4).toString()).toBe('PNG');
    expect(png.readUInt32BE(16)).toBe(810); // a phone's width, one and a half times the picture's 540 px
    // the picture is drawn from the same summary as the text: spending apart from what is left, each labelled
    const svg = renderSvg(
      moneyWentPicture(
        { t: tb.app.platform.i18n.getFixedT('zh-CN'), locale: 'zh-CN' },
        await tb.services.fund.summary(),
      ),
    );
    for (const label of ['钱花在哪了', '帮困', '600元', '定向·帮困', '400.5元', '可自由使用', '480.31元'])
      expect(svg, label).toContain(label);
    expect(svg).not.toContain('公共设施'); // nothing spent on it: no 0.00 bar
    // income by kind over the months is a button too
    const income = await tap(resident, 'fd:ci');
    expect(income.find((c) => c.method === 'sendPhoto')?.ok).toBe(true);
  }, 60_000);

  it('donor names appear only for donors who agreed', async () => {
    const r = await tb.resident(7102);
    await (await r.command('/fund')).reply();
    const out = texts(await tap(r, 'fd:d'));
    expect(out).toContain('陈秀英');
    expect(out).toContain('乐乐超市');
    expect(out).not.toContain('李师傅');
  });

  it('a wrong amount gets a polite re-ask with an example and records nothing', async () => {
    const staff = tb.user(7001);
    const before = (await tb.services.fund.summary()).balance;
    await (await staff.command('/fundadd')).reply();
    await tap(staff, 'fd:n:i');
    await tap(staff, 'fd:k:directed');
    await tap(staff, 'fd:dk:anonymous');
    await tap(staff, 'fd:r:none');
    for (const bad of ['一百块', '-5', '1.234']) expect(texts(await say(staff, bad))).toContain('例如 1000 或 88.50');
    await (await staff.command('/cancel')).reply();
    expect((await tb.services.fund.summary()).balance).toBe(before);
  });

  it('a spending larger than the fund can pay is refused and nothing is recorded', async () => {
    const staff = tb.user(7001);
    const before = (await tb.services.fund.summary()).balance;
    await (await staff.command('/fundadd')).reply();
    await tap(staff, 'fd:n:e');
    await tap(staff, 'fd:u:facilities');
    await say(staff, '5000');
    await tap(staff, 'fd:td');
    await say(staff, '换路灯');
    const out = await tap(staff, 'fd:y');
    expect(alertOf(out)).toContain('最多 480.31 元');
    expect((await tb.services.fund.summary()).balance).toBe(before);
  });

  it('staff correct a mistake with a reversing entry and the balance follows', async () => {
    const staff = tb.user(7001);
    const before = (await tb.services.fund.summary()).balance;
    const ledger = await (await staff.command('/fundlog')).reply();
    // the newest entry that can be reversed: the relief expense
    const rev = buttons(ledger).find((b) => b.text.includes('冲正'))!;
    await tap(staff, rev.callback_data!);
    const confirm = await say(staff, '金额录错了');
    expect(texts(confirm)).toContain('原因：金额录错了');
    const done = await tap(staff, 'fd:rvy');
    expect(texts(done)).toMatch(/已冲正 #\d+，冲正账目 #\d+/);
    expect((await tb.services.fund.summary()).balance).toBe(before + 60000);
    const again = texts(await (await staff.command('/fundlog')).reply());
    expect(again).toContain('已被 #');
    expect(again).toContain('冲正 #');
  });
});

describe('monthly pledges', () => {
  it('a resident pledges, is reminded on the day, staff confirm and the resident is thanked', async () => {
    const donor = await tb.resident(7201, { first_name: '陈秀英' });
    await (await donor.command('/fund')).reply();
    const intro = await tap(donor, 'fd:pl');
    expect(texts(intro)).toContain('不能在线付款');
    await tap(donor, 'fd:pa:5000');
    await tap(donor, 'fd:pd:15');
    const done = await tap(donor, 'fd:pn:1');
    expect(texts(done)).toContain('每月 50.00 元，每月 15 日提醒您');

    clock.set('2025-03-15T01:30:00Z'); // 09:30 on the 15th
    await tb.runJobs();
    await tb.runJobs();
    await tb.delivered();
    const reminders = tb.api
      .callsTo(7201)
      .filter((c) => c.method === 'sendMessage' && String(c.payload.text).includes('月月捐提醒'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0]!.payload.text).toContain('不能在线付款');

    const staff = tb.user(7001);
    const pending = await (await staff.command('/pledges')).reply();
    const confirm = buttons(pending).find((b) => b.text.includes('陈秀英') && b.text.includes('2025-03'))!;
    const out = await tap(staff, confirm.callback_data!);
    expect(texts(out)).toContain('月月捐');
    expect(alertOf(await tap(staff, confirm.callback_data!))).toContain('已经确认过了');
    await tb.delivered();
    expect(
      tb.api.callsTo(7201).some((c) => String(c.payload.text).includes('社区已收到您 2025-03 的月月捐 50.00 元')),
    ).toBe(true);
    expect((await tb.services.fund.summary()).month.income.monthly).toBe(5000 + 5000);
  });
});

describe('community report', () => {
  it('staff get the month in one message with the fund numbers and a chart; residents are refused', async () => {
    const out = await (await tb.user(7001).command('/report', '2025-03')).reply();
    const s = await tb.services.fund.summary();
    expect(texts(out)).toContain('社区工作报告 2025-03');
    expect(texts(out)).toContain(`收入 ${formatYuan(s.month.incomeTotal)} 元，其中自筹 42.22 元`);
    const photo = out.find((c) => c.method === 'sendPhoto')!;
    expect(photo.ok).toBe(true);
    expect(buttons(out).map((b) => b.callback_data)).toEqual(['fd:rpp:2025-03', 'fd:rpd:2025-03']);
    // a period that cannot be read gets the periods as buttons, not a format to type (issue 13)
    const bad = await (await tb.user(7001).command('/report', '2025-3x')).reply();
    expect(buttons(bad).map((b) => b.callback_data)).toContain('fd:rp:2025-03');
    expect(texts(await (await (await tb.resident(7404)).command('/report')).reply())).toContain('只对社区工作人员开放');
  });
});

describe('what residents may not do', () => {
  it('a resident cannot record, reverse or confirm anything, ' +
    'even with forged buttons, and each try is audited', async () => {
    const r = await tb.resident(7401);
    const before = await tb.services.fund.summary();
    await (await r.command('/fund')).reply();
    const commands = ['/fundadd', '/fundlog', '/pledges'];
    for (const cmd of commands) expect(texts(await (await r.command(cmd)).reply())).toContain('只对社区工作人员开放');
    const forged = ['fd:a', 'fd:n:i', 'fd:y', 'fd:rv:1', 'fd:rvy', 'fd:l:0', 'fd:ps', 'fd:pk:1:2025-03'];
    for (const data of forged) expect(alertOf(await tap(r, data)), data).toContain('只对社区工作人员开放');
    const after = await tb.services.fund.summary();
    expect(after.balance).toBe(before.balance);
    expect((await listAudit(tb.db, { actorId: 7401, action: 'denied' })).length).toBe(commands.length + forged.length);
  }, 60_000);

  it('a forged or stale fund button is answered as expired and changes nothing', async () => {
    const r = await tb.resident(7403);
    await (await r.command('/fund')).reply();
    for (const data of ['fd:pa:999', 'fd:pn:1', 'fd:zz']) {
      const a = alertOf(await tap(r, data));
      expect(a, data).toBeTruthy();
      expect(a).not.toContain('只对社区工作人员开放');
    }
    expect(formatYuan((await tb.services.fund.summary()).balance)).not.toBe('');
  });
});
