import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { readTable, writeXlsx } from '../../../src/core/sheets';
import { demoRoster } from '../../../src/features/relief/demo';
import { CATEGORY_ZH } from '../../../src/features/relief/recipients';
import { listAudit } from '../../../src/identity';
import { saveFlow } from '../../../src/identity/flows';
import { alertOf, button, buttons, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { bj } from './support';

// Issue 15 for the relief pickup: the charity supermarket set in the chat, the roster in from a spreadsheet through
// the workbench, the month's pickups out, the day's check-in as a to-do, and every staff action refused to residents.

const STAFF = 9100;
const RESIDENT = 9101;
let tb: TestBot;
const clock = new ManualClock('2025-05-20T02:00:00Z');
const relief = () => tb.services.relief;
const step = () => tb.app.features.find((f) => f.name === 'relief')!.setup![0]!;

/** The demo roster as the office keeps it in Excel (Chinese headers), with extra rows after it. */
const rosterXlsx = (extra: string[][] = []) =>
  writeXlsx([
    {
      name: '名单',
      header: ['姓名', '类别', '电话', '备注'],
      rows: [...demoRoster().map((r) => [r.name, CATEGORY_ZH[r.category]!, r.phone ?? '', r.notes ?? '']), ...extra],
    },
  ]);

const openWorkbench = async () => (await tb.user(STAFF).send('🧰 工作台')).reply();

beforeAll(async () => {
  tb = await startBot({ clock });
  await tb.withRole(STAFF, 'staff', { first_name: '刘干事' });
  await tb.resident(RESIDENT, { first_name: '王大爷' });
});
afterAll(() => tb.stop());

describe('relief on the workbench: the supermarket, the roster file, the month export, the day’s check-in', () => {
  it('staff set the charity supermarket in four answers; nothing is saved before the last; audited', async () => {
    const staff = tb.user(STAFF);
    expect(await step().isDone()).toBe(false);
    let out = await openWorkbench();
    out = await (await staff.click(button(out, '救助设置'))).reply();
    out = await (await staff.click(button(out, '慈善超市'))).reply();
    expect(texts(out)).toContain('（1/4）慈善超市叫什么名字');
    out = await (await staff.send('IGO慈善超市 / IGO Charity Supermarket')).reply();
    expect(texts(out)).toContain('（2/4）');
    out = await (await staff.send('示范路28号 / 28 Shifan Road')).reply();
    out = await (await staff.send('35')).reply();
    expect(texts(out)).not.toContain('（4/4）');
    out = await (await staff.send('6')).reply();
    expect(texts(out)).toContain('（4/4）');
    // three answers given: nothing written yet
    expect((await relief().settings()).setFields.size).toBe(0);
    out = await (await staff.send('09:00-11:30')).reply();
    expect(texts(out)).toContain('慈善超市设好了');
    expect(texts(out)).toContain('IGO慈善超市');
    expect(texts(out)).toContain('每月 6 日');
    const s = await relief().settings();
    expect([s.placeZh, s.placeEn, s.addressEn, s.pickupDay, s.hoursFrom, s.hoursTo]).toEqual([
      'IGO慈善超市',
      'IGO Charity Supermarket',
      '28 Shifan Road',
      6,
      '09:00',
      '11:30',
    ]);
    expect(await step().isDone()).toBe(true);
    expect((await listAudit(tb.db, { action: 'relief.supermarket.set', actorId: STAFF })).length).toBe(1);
  });

  it('set again later, what is set is kept with a tap and only the changed answer is new', async () => {
    const staff = tb.user(STAFF);
    let out = await (await staff.click('rl:sm')).reply();
    out = await (await staff.click(button(out, '保持不变：IGO慈善超市'))).reply();
    out = await (await staff.send('幸福路1号 / 1 Xingfu Road')).reply();
    out = await (await staff.click(button(out, '保持不变：每月 6 日'))).reply();
    out = await (await staff.click(button(out, '保持不变：09:00'))).reply();
    expect(texts(out)).toContain('幸福路1号');
    const s = await relief().settings();
    expect([s.placeZh, s.addressZh, s.pickupDay, s.hoursTo]).toEqual(['IGO慈善超市', '幸福路1号', 6, '11:30']);
    expect((await listAudit(tb.db, { action: 'relief.supermarket.set', actorId: STAFF })).length).toBe(2);
  });

  it('a roster file with two bad rows changes nothing and names both; 169 rows preview, then import once', async () => {
    const staff = tb.user(STAFF);
    let out = await openWorkbench();
    out = await (await staff.click(button(out, '导入文件'))).reply();
    out = await (await staff.click(button(out, '救助名单'))).reply();
    expect(texts(out)).toContain('姓名、类别');
    out = await (
      await staff.document(
        'roster.xlsx',
        await rosterXlsx([
          ['某某', '贫困户', '', ''],
          ['钱奶奶', '特困', '12ab', ''],
        ]),
      )
    ).reply();
    expect(texts(out)).toContain('什么都没有导入');
    expect(texts(out)).toContain('第 171 行：类别「贫困户」不对');
    expect(texts(out)).toContain('第 172 行：电话「12ab」');
    expect(await relief().roster()).toHaveLength(0);
    out = await (await staff.document('roster.xlsx', await rosterXlsx())).reply();
    expect(texts(out)).toContain('将新增 169 条，更新 0 条');
    expect(await relief().roster()).toHaveLength(0);
    const confirm = button(out, '确认导入');
    out = await (await staff.click(confirm)).reply();
    expect(texts(out)).toContain('新增 169 条');
    expect(await relief().roster()).toHaveLength(169);
    out = await (await staff.click(confirm)).reply();
    expect(alertOf(out)).toContain('已经导入过');
    expect(await relief().roster()).toHaveLength(169);
    expect((await listAudit(tb.db, { action: 'import', actorId: STAFF })).length).toBe(1);
    expect((await listAudit(tb.db, { action: 'relief.roster.import', actorId: STAFF })).length).toBe(1);
  });

  it('the downloaded roster, edited and sent back, updates people by their number', async () => {
    const staff = tb.user(STAFF);
    let out = await openWorkbench();
    out = await (await staff.click(button(out, '下载表格'))).reply();
    out = await (await staff.click(button(out, '救助名单'))).reply();
    const xlsx = out.find((c) => c.method === 'sendDocument' && c.result.document.file_name.endsWith('.xlsx'))!;
    const rows = await readTable(tb.api.chats.file(xlsx.result.document.file_id)!.bytes);
    expect(rows[0]).toEqual(['编号', '姓名', '类别', '电话', '备注', '状态', '已绑定']);
    rows[1]![2] = '特困';
    rows[1]![5] = '停发';
    out = await (await staff.click(button(await openWorkbench(), '导入文件'))).reply();
    out = await (await staff.click(button(out, '救助名单'))).reply();
    out = await (
      await staff.document('edited.xlsx', await writeXlsx([{ name: 's', header: rows[0]!, rows: rows.slice(1) }]))
    ).reply();
    expect(texts(out)).toContain('将新增 0 条，更新 169 条');
    out = await (await staff.click(button(out, '确认导入'))).reply();
    const first = (await relief().roster()).find((r) => r.id === Number(rows[1]![0]))!;
    expect([first.category, first.active]).toEqual(['tekun', false]);
  });

  it('on the pickup day the workbench says how many are still to collect, and the line opens the desk', async () => {
    clock.set(bj('2025-06-05T10:00:00'));
    let out = await openWorkbench();
    expect(buttons(out).some((b) => b.text.includes('今天救助领取'))).toBe(false);
    clock.set(bj('2025-06-06T10:00:00'));
    out = await openWorkbench();
    for (const task of ['救助登记', '救助名单', '救助月报', '救助设置']) {
      expect(button(out, task)).toBeTruthy();
    }
    const roster = await (await tb.user(STAFF).click(button(out, '救助名单'))).reply();
    expect(texts(roster)).toContain('名单：169 人（在册 168');
    out = await (await tb.user(STAFF).click(button(out, '今天救助领取：还有 168 人没领'))).reply();
    expect(texts(out)).toContain('登记领取');
  });

  it('the month’s pickups download as XLSX and CSV with Chinese headers, the month picked with buttons', async () => {
    const staff = tb.user(STAFF);
    let out = await openWorkbench();
    out = await (await staff.click(button(out, '下载表格'))).reply();
    out = await (await staff.click(button(out, '救助领取月表'))).reply();
    out = await (await staff.click('wb:ex:relief-month:m2025-06')).reply();
    const docs = out.filter((c) => c.method === 'sendDocument');
    expect(docs.map((d) => d.result.document.file_name).sort()).toEqual(['relief-2025-06.csv', 'relief-2025-06.xlsx']);
    const xlsx = docs.find((d) => d.result.document.file_name.endsWith('.xlsx'))!;
    const rows = await readTable(tb.api.chats.file(xlsx.result.document.file_id)!.bytes);
    const header = ['编号', '姓名', '类别', '状态', '领取时间', '代领人', '登记人', '节日加发'];
    expect(rows[0]).toEqual(header);
    expect(rows).toHaveLength(1 + 168);
    expect((await listAudit(tb.db, { action: 'export', actorId: STAFF })).length).toBe(2);
    // the report's month is picked with buttons too
    out = await (await staff.click(button(await openWorkbench(), '救助月报'))).reply();
    expect(texts(out)).toContain('要看哪个月');
    expect(buttons(out).some((b) => b.callback_data === 'rl:rp:202505')).toBe(true);
  });

  it('a resident is refused every relief staff button and upload, forged ones too, each refusal audited', async () => {
    const r = tb.user(RESIDENT);
    const before = (await listAudit(tb.db, { action: 'denied', actorId: RESIDENT })).length;
    const forged = [
      'rl:sm',
      'rl:smk',
      'rl:iq:0',
      'rl:iqd:1',
      'rl:iqd:1:0',
      'rl:rpm',
      'rl:ck',
      'rl:set',
      'wb:im:relief-roster',
      'wb:ex:relief-month',
      'wb:ex:relief-month:m2025-06',
      'wb:ex:relief-roster',
    ];
    for (const data of forged)
      expect(alertOf(await (await r.click(data)).reply()), data).toContain('只对社区工作人员开放');
    const out = await (await r.document('roster.xlsx', await rosterXlsx([['王大爷', '低保', '', '']]))).reply();
    expect(texts(out)).not.toContain('将新增');
    expect(buttons(out)).toHaveLength(0);
    expect((await relief().roster()).some((x) => x.name === '王大爷')).toBe(false);
    const denied = (await listAudit(tb.db, { action: 'denied', actorId: RESIDENT })).length - before;
    expect(denied).toBeGreaterThanOrEqual(forged.length);
    expect((await relief().settings()).addressZh).toBe('幸福路1号');
  });

  it('started by the set-up walk-through, the last answer offers the next step of the set-up', async () => {
    const ADMIN = 9102;
    const admin = await tb.withRole(ADMIN, 'admin', { first_name: '陈主任' });
    // where the walk-through's step stands after three answers (the walk-through itself is the setup area's)
    const answers = {
      setup: true,
      placeZh: '爱心超市',
      placeEn: 'Aixin Market',
      addressZh: '',
      addressEn: '',
      pickupDay: 8,
    };
    await saveFlow(tb.db, ADMIN, { name: 'relief.supermarket', step: 'hours', data: answers }, clock.now());
    const out = await (await admin.send('10:00-12:00')).reply();
    expect(texts(out)).toContain('爱心超市');
    expect(button(out, '下一步')).toBe('su:next');
    expect(await step().isDone()).toBe(true);
    expect((await relief().settings()).pickupDay).toBe(8);
  });
});
