import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, writeXlsx } from '../../../src/core/sheets';
import { listAudit } from '../../../src/identity';
import { alertOf, button, buttons, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

let tb: TestBot;
const ADMIN = 8801;
const RESIDENT = 8802;
beforeAll(async () => {
  tb = await startBot();
  await tb.withRole(ADMIN, 'admin', { first_name: '陈主任' });
});
afterAll(() => tb.stop());

const places = (rows: string[][]) => writeXlsx([{ name: 's', header: ['社区', '小区', '小区英文名'], rows }]);
const download = async (fileId: string) => {
  const f = tb.api.chats.file(fileId)!;
  return f.bytes;
};

describe('the workbench: every staff task by tapping, files in and out', () => {
  it('staff see 🧰 工作台 on their keyboard; residents do not', async () => {
    const admin = tb.user(ADMIN);
    const out = await (await admin.command('/help')).reply();
    const keyboard = out
      .at(-1)!
      .payload.reply_markup.keyboard.flat()
      .map((b: { text: string }) => b.text);
    expect(keyboard).toContain('🧰 工作台');
    const r = await tb.resident(RESIDENT);
    const theirs = await (await r.command('/help')).reply();
    expect(JSON.stringify(theirs.at(-1)!.payload.reply_markup)).not.toContain('工作台');
  });

  it('a file with two bad rows changes nothing and says which rows; the corrected one is previewed, then imported once', async () => {
    const admin = tb.user(ADMIN);
    const before = (await tb.services.residents.compounds()).length;
    let out = await (await admin.send('🧰 工作台')).reply();
    out = await (await admin.click(button(out, '导入文件'))).reply();
    out = await (await admin.click(button(out, '社区和小区'))).reply();
    expect(texts(out)).toContain('需要这些列');
    out = await (
      await admin.document(
        'places.xlsx',
        await places([
          ['新华社区', '向阳小区', 'Xiangyang'],
          ['', '空社区', ''],
          ['新华社区', '', ''],
        ]),
      )
    ).reply();
    expect(texts(out)).toContain('什么都没有导入');
    expect(texts(out)).toContain('第 3 行');
    expect(texts(out)).toContain('第 4 行');
    expect((await tb.services.residents.compounds()).length).toBe(before);
    out = await (
      await admin.document(
        'places.xlsx',
        await places([
          ['新华社区', '向阳小区', 'Xiangyang'],
          ['新华社区', '红星里', ''],
        ]),
      )
    ).reply();
    expect(texts(out)).toContain('将新增 2 条');
    const confirm = button(out, '确认导入');
    out = await (await admin.click(confirm)).reply();
    expect(texts(out)).toContain('新增 2 条');
    expect((await tb.services.residents.compounds()).length).toBe(before + 2);
    // the same confirmation again: already imported, nothing twice
    out = await (await admin.click(confirm)).reply();
    expect(alertOf(out)).toContain('已经导入过');
    expect((await tb.services.residents.compounds()).length).toBe(before + 2);
    expect((await listAudit(tb.db, { action: 'import', actorId: ADMIN })).length).toBe(1);
  });

  it('an export is a button that returns XLSX and CSV with headers in the asker’s language', async () => {
    const admin = tb.user(ADMIN);
    let out = await (await admin.send('🧰 工作台')).reply();
    out = await (await admin.click(button(out, '下载表格'))).reply();
    out = await (await admin.click(button(out, '社区和小区'))).reply();
    const docs = out.filter((c) => c.method === 'sendDocument');
    expect(docs).toHaveLength(2);
    const xlsx = docs.find((d) => String(d.result?.document?.file_name).endsWith('.xlsx'))!;
    const rows = await readTable(await download(xlsx.result.document.file_id));
    expect(rows[0]).toEqual(['社区', '社区英文名', '小区', '小区英文名', '地址']);
    expect(rows.some((r) => r[2] === '向阳小区' && r[3] === 'Xiangyang')).toBe(true);
    expect((await listAudit(tb.db, { action: 'export', actorId: ADMIN })).length).toBe(1);
  });

  it('a resident is refused every workbench button and upload, even forged, and it is audited', async () => {
    const r = tb.user(RESIDENT);
    for (const data of ['wb:home', 'wb:im', 'wb:im:places', 'wb:im:go', 'wb:ex', 'wb:ex:places']) {
      const out = await (await r.click(data)).reply();
      expect(alertOf(out), data).toContain('只对社区工作人员开放');
    }
    const out = await (await r.document('places.xlsx', await places([['坏社区', '坏小区', '']]))).reply();
    expect(texts(out)).not.toContain('将新增');
    expect((await tb.services.residents.compounds()).some((c) => c.nameZh === '坏小区')).toBe(false);
    expect((await listAudit(tb.db, { action: 'denied', actorId: RESIDENT })).length).toBeGreaterThanOrEqual(6);
    expect(buttons(out).length).toBe(0);
  });
});
