import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTable, writeCsv, writeXlsx } from '../../../src/core/sheets';
import { listAudit } from '../../../src/identity';
import { alertOf, button, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

let tb: TestBot;
const STAFF = 7301;
const RESIDENT = 7302;
beforeAll(async () => {
  tb = await startBot();
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
});
afterAll(() => tb.stop());

const HEADER = ['语言', '分类', '问题', '其他问法', '回答'];
const file = (rows: string[][]) => writeXlsx([{ name: 's', header: HEADER, rows }]);
const wheelchair = [
  'zh-CN',
  '其他',
  '社区可以借轮椅吗？',
  '哪里借轮椅 | 轮椅出借',
  '可以，带身份证到社区办公室登记，免费借两周。',
];
const count = async () => (await tb.services.faq.entries.all()).length;

async function openImport(u: ReturnType<TestBot['user']>) {
  let out = await (await u.send('🧰 工作台')).reply();
  out = await (await u.click(button(out, '导入文件'))).reply();
  return (await u.click(button(out, '常见问题'))).reply();
}

describe('FAQ entries in and out through the workbench', () => {
  it('a file with bad rows imports nothing and names each row; the corrected file is previewed, then imported once', async () => {
    const staff = tb.user(STAFF);
    const before = await count();
    let out = await openImport(staff);
    expect(texts(out)).toContain('语言（zh-CN 或 en）');
    out = await (
      await staff.document(
        'faq.xlsx',
        await file([
          wheelchair,
          ['fr', '其他', '可以吗？', '', '可以。'],
          ['zh-CN', '没有的分类', '借雨伞吗？', '', '可以。'],
        ]),
      )
    ).reply();
    expect(texts(out)).toContain('什么都没有导入');
    expect(texts(out)).toContain('第 3 行');
    expect(texts(out)).toContain('第 4 行');
    expect(texts(out)).not.toContain('第 2 行');
    expect(await count()).toBe(before);

    out = await (await staff.document('faq.xlsx', await file([wheelchair]))).reply();
    expect(texts(out)).toContain('将新增 1 条');
    const confirm = button(out, '确认导入');
    out = await (await staff.click(confirm)).reply();
    expect(texts(out)).toContain('新增 1 条');
    expect(await count()).toBe(before + 1);
    out = await (await staff.click(confirm)).reply();
    expect(alertOf(out)).toContain('已经导入过');
    expect(await count()).toBe(before + 1);
    expect((await listAudit(tb.db, { action: 'faq.import', actorId: STAFF })).length).toBe(1);

    // a resident asking in other words gets the imported answer at once
    const r = await tb.resident(RESIDENT);
    const answer = await (await r.send('哪里借轮椅')).reply();
    expect(texts(answer)).toContain('免费借两周');
  });

  it('the export returns XLSX and CSV with Chinese headers, and the download imports back as replacements', async () => {
    const staff = tb.user(STAFF);
    let out = await (await staff.send('🧰 工作台')).reply();
    out = await (await staff.click(button(out, '下载表格'))).reply();
    out = await (await staff.click(button(out, '常见问题'))).reply();
    const docs = out.filter((c) => c.method === 'sendDocument');
    expect(docs.map((d) => d.result.document.file_name).sort()).toEqual(['faq.csv', 'faq.xlsx']);
    const xlsx = docs.find((d) => d.result.document.file_name === 'faq.xlsx')!;
    const rows = await readTable(tb.api.chats.file(xlsx.result.document.file_id)!.bytes);
    expect(rows[0]).toEqual(['编号', '语言', '分类', '问题', '其他问法', '关键词', '回答', '被问次数', '有用', '没用']);
    const row = rows.find((r) => r[3] === '社区可以借轮椅吗？')!;
    expect(row[2]).toBe('其他');
    expect(row[4]).toBe('哪里借轮椅 | 轮椅出借');
    expect((await listAudit(tb.db, { action: 'export', actorId: STAFF })).length).toBe(1);

    // the CSV of the same rows goes back in: every row replaces its entry, nothing is added
    const before = await count();
    out = await openImport(staff);
    const csv = writeCsv({ name: 'faq', header: rows[0]!, rows: rows.slice(1) });
    out = await (await staff.document('faq.csv', csv)).reply();
    expect(texts(out)).toContain(`将新增 0 条，更新 ${before} 条`);
    out = await (await staff.click(button(out, '确认导入'))).reply();
    expect(await count()).toBe(before);
  });

  it('a resident is refused the FAQ import and export, forged buttons and uploads too, and it is audited', async () => {
    const r = tb.user(RESIDENT);
    const before = await count();
    for (const data of ['wb:im:faq', 'wb:ex:faq']) {
      const out = await (await r.click(data)).reply();
      expect(alertOf(out), data).toContain('只对社区工作人员开放');
    }
    const out = await (
      await r.document('faq.xlsx', await file([['zh-CN', '其他', '伪造的问题？', '', '伪造。']]))
    ).reply();
    expect(texts(out)).not.toContain('将新增');
    expect(out.filter((c) => c.method === 'sendDocument')).toHaveLength(0);
    expect(await count()).toBe(before);
    expect((await listAudit(tb.db, { action: 'denied', actorId: RESIDENT })).length).toBeGreaterThanOrEqual(2);
  });
});
