import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { FakeUser, RecordedCall } from '../../../src/playground/fake-api';
import { alertOf, buttons, say, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Issue 13 items 11 and 13 (dates, no commands to type, cards that show the current state) and issue 14 item 1 (a
// confirmation arriving again after the work was done is harmless) for the fund.

let tb: TestBot;
let staff: FakeUser;
const clock = new ManualClock('2025-03-10T02:00:00Z'); // Monday 10 March 2025, 10:00 in Shanghai
beforeAll(async () => {
  tb = await startBot({ clock });
  staff = await tb.withRole(7501, 'staff');
  await tb.services.fund.record(
    null,
    {
      direction: 'income',
      kind: 'directed',
      amountFen: 100_000,
      date: '2024-11-01',
      donor: { kind: 'anonymous' },
      restrictedTo: null,
      note: '',
    },
    { source: 'bot' },
  );
});
afterAll(() => tb.stop());

const entries = async () => (await tb.services.fund.ledgerPage(0)).entries.length;
/** The message (of these calls) that carries a button with this data. */
const messageWith = (calls: RecordedCall[], data: string) =>
  calls.find((c) => buttons([c]).some((b) => b.callback_data === data))!.result.message_id as number;

/** /fundadd → expense for relief → amount; returns the date question. */
async function expenseUpToDate(amount = '10') {
  await (await staff.command('/fundadd')).reply();
  await tap(staff, 'fd:n:e');
  await tap(staff, 'fd:u:relief');
  return say(staff, amount);
}

describe('the day of an entry', () => {
  it('an expense can be dated 昨天 or 12月1日, and the bot says the date it understood', async () => {
    const ask = await expenseUpToDate();
    expect(buttons(ask).map((b) => b.text)).toEqual(['📅 今天（3月10日（周一））', '📅 昨天（3月9日（周日））']);
    const heard = await say(staff, '昨天');
    expect(texts(heard)).toContain('📅 日期：2025年3月9日（周日）');
    const review = await say(staff, '慰问品');
    expect(texts(review)).toContain('日期：2025年3月9日（周日）');
    await tap(staff, 'fd:y');

    await expenseUpToDate();
    // a day without a year is the last one that has come: 1 December 2024
    expect(texts(await say(staff, '12月1日'))).toContain('📅 日期：2024年12月1日（周日）');
    await say(staff, '冬季慰问');
    await tap(staff, 'fd:y');
    const dates = (await tb.services.fund.ledgerPage(0)).entries.slice(0, 2).map((e) => e.date);
    expect(dates.sort()).toEqual(['2024-12-01', '2025-03-09']);
  });

  it('the 昨天 button dates it yesterday; a day still to come is asked again with the buttons', async () => {
    await expenseUpToDate();
    const future = await say(staff, '明天');
    expect(texts(future)).toContain('这一天还没到');
    expect(buttons(future).map((b) => b.callback_data)).toEqual(['fd:td', 'fd:yd']);
    expect(texts(await tap(staff, 'fd:yd'))).toContain('📅 日期：2025年3月9日（周日）');
    await (await staff.command('/cancel')).reply();
  });
});

describe('a confirmation that arrives again', () => {
  it('a save that arrives again after the entry was made names it and records nothing', async () => {
    await expenseUpToDate('20');
    await tap(staff, 'fd:td');
    const review = await say(staff, '打印通知');
    const saved = await tap(staff, 'fd:y');
    const id = /#(\d+)/.exec(texts(saved))![1];
    const before = await entries();
    const again = await (await staff.click('fd:y', { messageId: messageWith(review, 'fd:y') })).reply();
    expect(alertOf(again)).toBe(`这笔账已经记好了（#${id}），不会重复记。`);
    expect(again.filter((c) => c.method !== 'answerCallbackQuery')).toEqual([]);
    expect(await entries()).toBe(before);
  });

  it('a reversal confirmed again is not reversed twice', async () => {
    const ledger = await (await staff.command('/fundlog')).reply();
    await tap(staff, buttons(ledger).find((b) => b.text.includes('冲正'))!.callback_data!);
    const confirm = await say(staff, '金额录错');
    const done = await tap(staff, 'fd:rvy');
    const [, id, rev] = /已冲正 #(\d+)，冲正账目 #(\d+)/.exec(texts(done))!;
    const before = await entries();
    const again = await (await staff.click('fd:rvy', { messageId: messageWith(confirm, 'fd:rvy') })).reply();
    expect(alertOf(again)).toBe(`#${id} 已经冲正过了（冲正账目 #${rev}），不会重复冲正。`);
    expect(await entries()).toBe(before);
  });

  it("a pledge's last tap arriving again registers it once and says so", async () => {
    const donor = await tb.resident(7511);
    await (await donor.command('/fund')).reply();
    await tap(donor, 'fd:pl');
    await tap(donor, 'fd:pa:2000');
    const ask = await tap(donor, 'fd:pd:20');
    await tap(donor, 'fd:pn:0');
    const again = await (await donor.click('fd:pn:0', { messageId: messageWith(ask, 'fd:pn:0') })).reply();
    expect(alertOf(again)).toBe('您的月月捐已经登记好了：每月 20.00 元，每月 20 日提醒。不会重复登记。');
    expect(await tb.services.fund.activePledgeOf(7511)).toMatchObject({ amountFen: 2000, dayOfMonth: 20 });
  });

  it('a confirmed pledge month leaves the list it was confirmed from; pressed again it names the entry', async () => {
    clock.set('2025-03-20T02:00:00Z');
    await tb.runJobs();
    const list = await (await staff.command('/pledges')).reply();
    const data = buttons(list).find((b) => b.text.includes('2025-03'))!.callback_data!;
    const out = await tap(staff, data);
    const edit = out.find((c) => c.method === 'editMessageText')!;
    expect(edit.payload.text).toContain('没有待确认的月月捐');
    const id = /#(\d+)/.exec(alertOf(out)!)![1];
    const again = await (await staff.click(data, { messageId: messageWith(list, data) })).reply();
    expect(alertOf(again)).toBe(`这个月的月月捐已经确认过了，记为 #${id}，不会重复记账。`);
  });
});

describe('no command to type', () => {
  it('the monthly statement offers its picture and the chart as buttons', async () => {
    await tb.services.fund.subscribe(7511);
    clock.set('2025-04-01T02:00:00Z');
    await tb.runJobs();
    const row = await tb.platform.outbox.find('fund:statement:2025-03:7511');
    expect(row?.content).toMatchObject({
      buttons: [
        [{ key: 'fund.buttons.statementImage', data: 'fd:si:2025-03' }],
        [{ key: 'fund.buttons.chart', data: 'fd:c' }],
      ],
    });
    await tb.delivered();
    const got = tb.api.callsTo(7511).find((c) => String(c.payload.text).includes('月度账单'))!;
    expect(got.payload.text).not.toContain('/fund');
    expect(got.payload.text).toContain('2025年收入 20.00 元，支出 10.00 元'); // the year, next to the month and the start
    expect(buttons([got]).map((b) => b.callback_data)).toEqual(['fd:si:2025-03', 'fd:c']);
    const picture = await tap(tb.user(7511), 'fd:si:2025-03');
    expect(picture.find((c) => c.method === 'sendPhoto')?.ok).toBe(true);
  });

  it('staff choose the period of the community report from buttons', async () => {
    const fund = await (await staff.command('/fund')).reply();
    const choice = await tap(staff, buttons(fund).find((b) => b.text.includes('工作报告'))!.callback_data!);
    expect(buttons(choice).map((b) => b.callback_data)).toEqual([
      'fd:rp:2025-04',
      'fd:rp:2025-03',
      'fd:rp:2025-Q2',
      'fd:rp:2025-Q1',
      'fd:rp:2025',
      'fd:rp:2024',
      'fd:rpy:2025',
    ]);
    const months = await tap(staff, 'fd:rpy:2025');
    expect(buttons(months).map((b) => b.callback_data)).toEqual([
      'fd:rp:2025-01',
      'fd:rp:2025-02',
      'fd:rp:2025-03',
      'fd:rp:2025-04',
      'fd:rpy:2024',
    ]);
    expect(texts(await tap(staff, 'fd:rp:2025-Q1'))).toContain('社区工作报告 2025-Q1');
    const report = await tap(staff, 'fd:rp:2025-03');
    expect(texts(report)).toContain('社区工作报告 2025-03');
  });
});
