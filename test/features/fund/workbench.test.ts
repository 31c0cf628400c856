import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { readTable, writeXlsx } from '../../../src/core/sheets';
import { listAudit } from '../../../src/identity';
import { alertOf, button, buttons, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

let tb: TestBot;
const STAFF = 8901;
const RESIDENT = 8902;
const clock = new ManualClock('2025-03-10T02:00:00Z');
beforeAll(async () => {
  tb = await startBot({ clock });
  await tb.withRole(STAFF, 'staff', { first_name: '王会计' });
});
afterAll(() => tb.stop());

const HEADER = ['日期', '收支', '类别', '用途', '金额', '捐赠人类型', '捐赠人', '是否公开', '备注', '编号'];
const ledgerFile = (rows: string[][]) => writeXlsx([{ name: '账目', header: HEADER, rows }]);
const download = async (fileId: string) => tb.api.chats.file(fileId)!.bytes;

describe('the fund on the workbench', () => {
  it('staff reach every fund task from 🧰 工作台 by tapping', async () => {
    const staff = tb.user(STAFF);
    const out = await (await staff.send('🧰 工作台')).reply();
    const data = buttons(out).map((b) => b.callback_data);
    for (const d of ['fd:a', 'fd:l:0', 'fd:ps', 'fd:rpm']) expect(data, d).toContain(d);
    const choice = await (await staff.click(button(out, '工作报告'))).reply();
    expect(buttons(choice).map((b) => b.callback_data)).toContain('fd:rp:2025-Q1');
  });

  it('a ledger file with bad rows imports nothing and names each row; corrected, it is imported once', async () => {
    const staff = tb.user(STAFF);
    const before = await tb.services.fund.summary();
    let out = await (await staff.send('🧰 工作台')).reply();
    out = await (await staff.click(button(out, '导入文件'))).reply();
    out = await (await staff.click(button(out, '基金账目'))).reply();
    expect(texts(out)).toContain('定向捐');
    const good = [
      ['2025-03-01', '收入', '定向捐', '帮困', '1000', '匿名', '', '否', '开业捐赠', 'w-1'],
      ['2025-03-02', '支出', '', '帮困', '200.5', '', '', '', '慰问品', 'w-2'],
    ];
    out = await (
      await staff.document(
        'ledger.xlsx',
        await ledgerFile([
          ...good,
          ['2025-13-01', '收入', '礼物', '', 'abc', '匿名', '', '否', '', ''],
          ['2025-03-03', '支出', '', '', '10', '', '', '', '无用途', ''],
        ]),
      )
    ).reply();
    expect(texts(out)).toContain('什么都没有导入');
    expect(texts(out)).toContain('第 4 行');
    expect(texts(out)).toContain('金额“abc”不对');
    expect(texts(out)).toContain('第 5 行');
    expect(texts(out)).toContain('支出要填用途');
    expect((await tb.services.fund.summary()).balance).toBe(before.balance);

    out = await (await staff.document('ledger.xlsx', await ledgerFile(good))).reply();
    expect(texts(out)).toContain('将新增 2 条');
    const confirm = button(out, '确认导入');
    out = await (await staff.click(confirm)).reply();
    expect(texts(out)).toContain('新增 2 条');
    const after = await tb.services.fund.summary();
    expect(after.balance - before.balance).toBe(100_000 - 20_050);
    expect(after.restricted.relief - before.restricted.relief).toBe(100_000 - 20_050);
    out = await (await staff.click(confirm)).reply();
    expect(alertOf(out)).toContain('已经导入过');
    expect((await tb.services.fund.summary()).balance).toBe(after.balance);
    expect((await listAudit(tb.db, { action: 'import', actorId: STAFF })).length).toBe(1);
  });

  it('the ledger, the month’s statement and the report download as XLSX and CSV in Chinese', async () => {
    const staff = tb.user(STAFF);
    let out = await (await staff.send('🧰 工作台')).reply();
    out = await (await staff.click(button(out, '下载表格'))).reply();
    out = await (await staff.click(button(out, '基金账目'))).reply();
    const month = buttons(out).find((b) => b.callback_data?.endsWith(':m2025-03'))!;
    out = await (await staff.click(month.callback_data!)).reply();
    const docs = out.filter((c) => c.method === 'sendDocument');
    expect(docs.map((d) => d.result.document.file_name).sort()).toEqual([
      'fund-ledger-2025-03.csv',
      'fund-ledger-2025-03.xlsx',
    ]);
    const xlsx = docs.find((d) => String(d.result.document.file_name).endsWith('.xlsx'))!;
    const rows = await readTable(await download(xlsx.result.document.file_id));
    expect(rows[0]?.slice(0, 6)).toEqual(['序号', '日期', '收支', '类别', '用途', '金额（元）']);
    expect(rows.some((r) => r[1] === '2025-03-02' && r[2] === '支出' && r[5] === '200.5' && r[8] === '慰问品')).toBe(
      true,
    );

    out = await (await staff.click('wb:ex:fund-statement:m2025-03')).reply();
    const statement = out.find((c) => String(c.result?.document?.file_name) === 'fund-statement-2025-03.xlsx')!;
    const st = await readTable(await download(statement.result.document.file_id));
    const s = await tb.services.fund.statement('2025-03');
    expect(st).toContainEqual(['本月收入', String(s.totals.incomeTotal / 100)]);
    expect(st).toContainEqual(['月末结余', String(s.closing.balance / 100)]);

    out = await (await staff.click('wb:ex:community-report:y2025')).reply();
    const report = out.find((c) => String(c.result?.document?.file_name) === 'community-report-2025.xlsx')!;
    const rp = await readTable(await download(report.result.document.file_id));
    expect(rp).toContainEqual(['时间段', '2025']);
    expect(rp.some((r) => r[0] === '基金支出（元）')).toBe(true);
    expect((await listAudit(tb.db, { action: 'export', actorId: STAFF })).length).toBe(3);
  });

  it('a resident is refused the fund’s staff buttons, exports and uploads, even forged; each try audited', async () => {
    const r = await tb.resident(RESIDENT);
    const before = await tb.services.fund.summary();
    const forged = [
      'wb:im:fund-ledger',
      'wb:ex:fund-ledger',
      'wb:ex:fund-ledger:m2025-03',
      'wb:ex:fund-statement:m2025-03',
      'wb:ex:community-report:y2025',
      'fd:rpm',
      'fd:rpy:2025',
      'fd:rp:2025-Q1',
      'fd:rpp:2025-03',
      'fd:rpd:2025',
    ];
    for (const data of forged) {
      const out = await (await r.click(data)).reply();
      expect(alertOf(out), data).toContain('只对社区工作人员开放');
      expect(
        out.some((c) => c.method === 'sendDocument' || c.method === 'sendPhoto'),
        data,
      ).toBe(false);
    }
    const upload = [['2025-03-01', '收入', '定向捐', '', '99999', '匿名', '', '否', '', 'forged']];
    const out = await (await r.document('ledger.xlsx', await ledgerFile(upload))).reply();
    expect(texts(out)).not.toContain('将新增');
    expect((await tb.services.fund.summary()).balance).toBe(before.balance);
    expect((await listAudit(tb.db, { action: 'denied', actorId: RESIDENT })).length).toBeGreaterThanOrEqual(
      forged.length,
    );
  });
});
