import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/identity';
import { alertOf, button, buttons, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// The admin's people list: open a person from a paged list or a search (a part of the name, the phone's last
// digits) and toggle their roles with buttons. No typed id anywhere.

let tb: TestBot;
const ADMIN = 6001;
const RESIDENT = 6002;
beforeAll(async () => {
  tb = await startBot({ env: { ADMIN_IDS: String(ADMIN) } });
  await tb.withRole(ADMIN, 'admin', { first_name: '陈主任' });
  // Twelve 王s, a few with a phone: more than one page of them.
  for (let i = 0; i < 12; i++) {
    const id = 6100 + i;
    await tb.resident(id, { first_name: `王${'一二三四五六七八九十甲乙'[i]}` });
    await tb.app.identity.setPhone(id, `+86138000011${String(i).padStart(2, '0')}`);
  }
  await tb.resident(6200, { first_name: '李四' });
  await tb.app.identity.setPhone(6200, '+8613912345678');
});
afterAll(() => tb.stop());

describe('people and their roles, by picking', () => {
  it('👥 人员与角色 on the workbench lists the people who hold a role', async () => {
    const admin = tb.user(ADMIN, { first_name: '陈主任' });
    let out = await (await admin.send('🧰 工作台')).reply();
    out = await (await admin.click(button(out, '人员与角色'))).reply();
    expect(texts(out)).toContain('有身份的人（1 位）');
    expect(buttons(out).map((b) => b.text)).toContain('陈主任 · 管理员');
  });

  it('typing a part of a name finds people, paged; the phone’s last digits find one', async () => {
    const admin = tb.user(ADMIN, { first_name: '陈主任' });
    let out = await (await admin.send('王')).reply();
    expect(texts(out)).toContain('找到 12 位');
    expect(buttons(out).filter((b) => b.callback_data?.startsWith('rs:pp:')).length).toBe(8);
    out = await (await admin.click(button(out, '▶'))).reply();
    expect(buttons(out).filter((b) => b.callback_data?.startsWith('rs:pp:')).length).toBe(4);
    out = await (await admin.send('5678')).reply();
    expect(texts(out)).toContain('找到 1 位');
    expect(buttons(out).map((b) => b.text)).toContain('李四 (5678) · 居民');
    out = await (await admin.send('12')).reply();
    expect(texts(out)).toContain('请多打几个字');
    out = await (await admin.send('赵钱孙')).reply();
    expect(texts(out)).toContain('没有找到「赵钱孙」');
    // a main-menu button tapped meanwhile is that button, not a search
    out = await (await admin.send('👤 我的信息')).reply();
    expect(texts(out)).not.toContain('没有找到');
  });

  it('a person’s card toggles a role on with a tap, and off after a confirmation; both audited', async () => {
    const admin = tb.user(ADMIN, { first_name: '陈主任' });
    let out = await (await admin.send('🧰 工作台')).reply();
    out = await (await admin.click(button(out, '人员与角色'))).reply();
    out = await (await admin.send('李四')).reply();
    out = await (await admin.click(button(out, '李四'))).reply();
    expect(texts(out)).toContain('手机尾号：5678');
    expect(texts(out)).toContain('身份：居民');
    out = await (await admin.click(button(out, '☐ 社区工作人员'))).reply();
    expect(alertOf(out)).toContain('李四 现在是「社区工作人员」了');
    expect(texts(out)).toContain('身份：社区工作人员');
    expect(await tb.app.identity.roles(6200)).toEqual(new Set(['staff']));
    out = await (await admin.click(button(out, '✅ 社区工作人员'))).reply();
    expect(texts(out)).toContain('确定撤销 李四 的「社区工作人员」身份吗');
    out = await (await admin.click(button(out, '取消'))).reply();
    expect(await tb.app.identity.roles(6200)).toEqual(new Set(['staff']));
    out = await (await admin.click(button(out, '✅ 社区工作人员'))).reply();
    out = await (await admin.click(button(out, '确认'))).reply();
    expect(alertOf(out)).toContain('已撤销 李四 的「社区工作人员」身份');
    expect(await tb.app.identity.roles(6200)).toEqual(new Set());
    const actions = (await listAudit(tb.db, { actorId: ADMIN })).map((a) => a.action);
    expect(actions).toEqual(expect.arrayContaining(['role.grant', 'role.revoke']));
  });

  it('the admin’s own card has no button to take their own admin role away, and a forged one is refused', async () => {
    const admin = tb.user(ADMIN, { first_name: '陈主任' });
    let out = await (await admin.click('rs:pp:6001')).reply();
    expect(buttons(out).some((b) => b.text.includes('管理员'))).toBe(false);
    out = await (await admin.click('rs:rvy:6001:admin')).reply();
    expect(texts(out) + (alertOf(out) ?? '')).toContain('不能撤销自己的管理员身份');
    expect(await tb.app.identity.roles(ADMIN)).toEqual(new Set(['admin']));
  });

  it('a resident is refused the list, the search and every forged role button, each refusal audited', async () => {
    const u = await tb.resident(RESIDENT);
    const forged = ['rs:ppl:0', 'rs:pps', 'rs:psr:0', 'rs:pp:6200', 'rs:gr:6002:admin', 'rs:gr:6200:staff'];
    forged.push('rs:rv:6001:admin', 'rs:rvy:6001:admin', 'rs:rvn:6001', 'rs:invs');
    for (const data of forged) expect(alertOf(await (await u.click(data)).reply())).toContain('只对');
    expect(texts(await (await u.command('/roles')).reply())).toContain('只对');
    expect(await tb.app.identity.roles(RESIDENT)).toEqual(new Set());
    expect(await tb.app.identity.roles(6200)).toEqual(new Set());
    const denied = await listAudit(tb.db, { actorId: RESIDENT, action: 'denied' });
    expect(denied.length).toBe(forged.length + 1);
  });
});
