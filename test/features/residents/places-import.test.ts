import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeXlsx } from '../../../src/core/sheets';
import { listAudit } from '../../../src/identity';
import { button, buttons, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Residents' compounds from a spreadsheet, through the workbench: checked in full, previewed, all or nothing.

let tb: TestBot;
const ADMIN = 6501;
beforeAll(async () => {
  tb = await startBot();
  await tb.withRole(ADMIN, 'admin', { first_name: '陈主任' });
});
afterAll(() => tb.stop());

const file = (rows: string[][]) => writeXlsx([{ name: 's', header: ['社区', '小区', '地址'], rows }]);

async function upload(rows: string[][]) {
  const admin = tb.user(ADMIN);
  let out = await (await admin.send('🧰 工作台')).reply();
  out = await (await admin.click(button(out, '导入文件'))).reply();
  out = await (await admin.click(button(out, '社区和小区'))).reply();
  expect(texts(out)).toContain('地址');
  return (await admin.document('places.xlsx', await file(rows))).reply();
}

describe('importing compounds with their addresses', () => {
  it('a file with a too-long address and a missing name changes nothing and names both rows', async () => {
    const before = await tb.services.residents.compounds();
    const out = await upload([
      ['野鸭冲社区', '荷塘花园', '荷塘区月塘路 18 号 A 栋'],
      ['野鸭冲社区', '新建小区', '路'.repeat(101)],
      ['', '无名小区', ''],
    ]);
    expect(texts(out)).toContain('什么都没有导入');
    expect(texts(out)).toContain('第 3 行');
    expect(texts(out)).toContain('地址太长了');
    expect(texts(out)).toContain('第 4 行');
    expect(await tb.services.residents.compounds()).toEqual(before);
  });

  it('the corrected file previews new and changed compounds, then sets the addresses; an empty cell keeps one', async () => {
    const admin = tb.user(ADMIN);
    let out = await upload([
      ['野鸭冲社区', '荷塘花园', '荷塘区月塘路 18 号 A 栋'],
      ['野鸭冲社区', '新建小区', '荷塘区新建路 1 号'],
      ['野鸭冲社区', '肖明组', ''],
    ]);
    expect(texts(out)).toContain('将新增 1 条');
    expect(texts(out)).toContain('更新 1 条');
    out = await (await admin.click(button(out, '确认导入'))).reply();
    const all = await tb.services.residents.compounds();
    const by = (n: string) => all.find((c) => c.nameZh === n);
    expect(by('荷塘花园')?.address).toBe('荷塘区月塘路 18 号 A 栋');
    expect(by('新建小区')?.address).toBe('荷塘区新建路 1 号');
    expect(by('肖明组')?.address).toBe('荷塘区野鸭冲路肖明组');
    expect((await listAudit(tb.db, { action: 'import', actorId: ADMIN })).length).toBe(1);
  });

  it('a community with many compounds pages its card, twenty at a time', async () => {
    const admin = tb.user(ADMIN);
    const many = Array.from({ length: 25 }, (_, i) => ['大院社区', `${i + 1} 号院`, '']);
    let out = await upload(many);
    out = await (await admin.click(button(out, '确认导入'))).reply();
    out = await (await admin.send('⚙️ 设置')).reply();
    out = await (await admin.click(button(out, '社区和小区'))).reply();
    out = await (await admin.click(button(out, '大院社区'))).reply();
    const compounds = (o: typeof out) => buttons(o).filter((b) => b.callback_data?.startsWith('rs:pl:k:'));
    expect(compounds(out).length).toBe(20);
    expect(texts(out)).toContain('20. 20 号院');
    expect(texts(out)).not.toContain('21. 21 号院');
    out = await (await admin.click(button(out, '▶'))).reply();
    expect(texts(out)).toContain('25. 25 号院');
    expect(compounds(out).map((b) => b.text)).toEqual(['21 号院', '22 号院', '23 号院', '24 号院', '25 号院']);
  });
});
