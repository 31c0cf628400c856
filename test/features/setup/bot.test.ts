import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/identity';
import { alertOf, button, buttons, plainTexts, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// A new deployment: an empty database, only ADMIN_IDS set. The first admin sets the sub-district up in the chat by
// taps and typed answers; whoever wrote before it was ready is greeted when it is.

let tb: TestBot;
const ADMIN = 7001;
const EARLY = 7002;
const LATE = 7003;
beforeAll(async () => {
  tb = await startBot({ empty: true, env: { ADMIN_IDS: String(ADMIN) } });
});
afterAll(() => tb.stop());

describe('first run: the admin sets the sub-district up in the chat', () => {
  it('a resident who writes before it is set up is told it is being prepared', async () => {
    const out = await (await tb.user(EARLY, { first_name: '王阿姨' }).command('/start')).reply();
    expect(texts(out)).toContain('正在准备中');
    expect(texts(out)).not.toContain('请问您住在哪个社区');
    // the "it is ready" button, forged before it is: still being prepared
    const forged = await (await tb.user(EARLY).click('su:hello')).reply();
    expect(texts(forged)).toContain('正在准备中');
  });

  it('the first admin is welcomed and asked for the sub-district’s name, step 1', async () => {
    const admin = tb.user(ADMIN, { first_name: '陈主任' });
    const out = await (await admin.command('/start')).reply();
    expect(texts(out)).toContain('「邻里」还没有设置');
    expect(texts(out)).toContain('第 1/2 步：街道名称');
    expect(texts(out)).toContain('请输入街道的名称');
  });

  it('a name too long is asked again; the name typed is saved, audited, with ➡️ 下一步', async () => {
    const admin = tb.user(ADMIN);
    let out = await (await admin.send('长'.repeat(41))).reply();
    expect(texts(out)).toContain('最多 40 个字');
    out = await (await admin.send('  月塘街道 ')).reply();
    expect(texts(out)).toContain('街道名称已保存：<b>月塘街道</b>');
    expect(await tb.services.residents.subdistrict()).toBe('月塘街道');
    const audit = await listAudit(tb.db, { actorId: ADMIN });
    expect(audit.some((a) => a.action.startsWith('setting') && JSON.stringify(a).includes('deployment.name'))).toBe(
      true,
    );
    out = await (await admin.click(button(out, '下一步'))).reply();
    expect(texts(out)).toContain('第 2/2 步：社区和小区');
    expect(texts(out)).toContain('还没有社区');
    // no way on before there is somewhere for residents to live
    expect(buttons(out).some((b) => b.text.includes('下一步'))).toBe(false);
  });

  it('the admin adds two communities, each with compounds (name, address, a point on the map or none)', async () => {
    const admin = tb.user(ADMIN);
    const placesCard = async () => (await admin.send('⚙️ 设置')).reply();
    let out = await (await admin.click('rs:pl:ac')).reply();
    expect(texts(out)).toContain('请输入社区的中文名称');
    out = await (await admin.send('野鸭冲社区')).reply();
    expect(texts(out)).toContain('英文名称');
    out = await (await admin.send('Yeyachong Community')).reply();
    expect(texts(out)).toContain('已添加社区：野鸭冲社区');
    out = await (await admin.click(button(out, '添加小区'))).reply();
    out = await (await admin.send('荷塘花园')).reply();
    out = await (await admin.click(button(out, '英文名与中文相同'))).reply();
    expect(texts(out)).toContain('请输入地址');
    out = await (await admin.send('荷塘区月塘路 18 号')).reply();
    expect(texts(out)).toContain('请发送地图位置');
    out = await (await admin.send('就在路口')).reply();
    expect(texts(out)).toContain('这里需要一个地图位置');
    out = await (await admin.location(27.8597, 113.1561)).reply();
    expect(texts(out)).toContain('已添加小区：荷塘花园');
    expect(texts(out)).toContain('荷塘花园 📍 — 荷塘区月塘路 18 号');
    // a second compound, with neither address nor point
    out = await (await admin.click(button(out, '添加小区'))).reply();
    await (await admin.send('月塘新村')).reply();
    out = await (await admin.send('Yuetang New Village')).reply();
    out = await (await admin.click(button(out, '跳过'))).reply();
    out = await (await admin.click(button(out, '跳过'))).reply();
    expect(texts(out)).toContain('已添加小区：月塘新村');
    // the second community, from the list of all
    out = await (await admin.click(button(out, '全部社区'))).reply();
    expect(texts(out)).toContain('野鸭冲社区：2 个小区');
    out = await (await admin.click(button(out, '添加社区'))).reply();
    await (await admin.send('石子头社区')).reply();
    out = await (await admin.send('Shizitou Community')).reply();
    out = await (await admin.click(button(out, '添加小区'))).reply();
    await (await admin.send('幸福里')).reply();
    out = await (await admin.send('Xingfuli')).reply();
    out = await (await admin.send('荷塘区幸福路 22 号')).reply();
    out = await (await admin.click(button(out, '跳过'))).reply();
    expect(texts(out)).toContain('已添加小区：幸福里');
    const compounds = await tb.services.residents.compounds();
    expect(compounds.map((c) => c.nameZh)).toEqual(['荷塘花园', '月塘新村', '幸福里']);
    expect(compounds[0]).toMatchObject({ address: '荷塘区月塘路 18 号', location: { latitude: 27.8597 } });
    expect(compounds[1]).toMatchObject({ address: null, location: null, nameEn: 'Yuetang New Village' });
    const actions = (await listAudit(tb.db, { actorId: ADMIN })).map((a) => a.action);
    expect(actions.filter((a) => a === 'place.community.add').length).toBe(2);
    expect(actions.filter((a) => a === 'place.compound.add').length).toBe(3);
    // the resident is still waiting: nothing is open before the admin finishes
    expect(texts(await placesCard())).toContain('⚙️ 设置');
  });

  it('a name already taken is refused at once and asked again; nothing is added', async () => {
    const admin = tb.user(ADMIN);
    await (await admin.click('rs:pl:ac')).reply();
    let out = await (await admin.send('野鸭冲社区')).reply();
    expect(texts(out)).toContain('已经有叫「野鸭冲社区」的了');
    out = await (await admin.send('/cancel')).reply();
    expect(texts(out)).toContain('已取消');
    expect((await tb.services.residents.communities()).length).toBe(2);
  });

  it('➡️ 下一步 after the last step finishes the set-up, and the waiting resident is greeted', async () => {
    const admin = tb.user(ADMIN);
    let out = await (await admin.click('rs:pl')).reply();
    expect(texts(out)).toContain('点「➡️ 下一步」');
    out = await (await admin.click(button(out, '下一步'))).reply();
    expect(texts(out)).toContain('设置完成');
    expect(texts(out)).toContain('已通知 1 位在等的居民');
    await tb.delivered();
    const early = tb.user(EARLY);
    const notice = tb.api
      .messages(EARLY)
      .filter((m) => m.from === 'bot')
      .at(-1)!;
    expect(notice.text).toContain('「邻里」已经准备好了');
    const begin = notice.reply_markup.inline_keyboard.flat().find((b: { text: string }) => b.text.includes('开始'));
    out = await (await early.click(begin.callback_data)).reply();
    expect(texts(out)).toContain('请问您住在哪个社区');
    expect(buttons(out).map((b) => b.text)).toEqual(expect.arrayContaining(['野鸭冲社区', '石子头社区']));
    expect((await listAudit(tb.db, { action: 'setup.complete' })).length).toBe(1);
    // from now on `seed demo` refuses this database (see seed.test.ts)
    expect(await tb.services.setup.realData()).toContain('set up in the chat');
  });

  it('a resident who starts afterwards onboards into the places set up', async () => {
    const u = tb.user(LATE);
    let out = await (await u.command('/start')).reply();
    expect(plainTexts(out)).toContain('月塘街道的社区小助手');
    out = await (await u.click(button(out, '石子头社区'))).reply();
    out = await (await u.click(button(out, '幸福里'))).reply();
    expect(texts(out)).toContain('已记下：您住在 幸福里');
  });
});

describe('⚙️ 设置: every step to redo', () => {
  it('lists every step with its state; a step opens again and its change is saved', async () => {
    const admin = tb.user(ADMIN);
    let out = await (await admin.send('⚙️ 设置')).reply();
    expect(texts(out)).toContain('✅ 街道名称');
    expect(texts(out)).toContain('✅ 社区和小区');
    out = await (await admin.click(button(out, '街道名称'))).reply();
    expect(texts(out)).toContain('⚙️ 设置 · 街道名称');
    expect(texts(out)).toContain('现在的名称是「月塘街道」');
    out = await (await admin.send('月塘街道办事处')).reply();
    expect(await tb.services.residents.subdistrict()).toBe('月塘街道办事处');
    out = await (await admin.command('/setup')).reply();
    out = await (await admin.click(button(out, '社区和小区'))).reply();
    out = await (await admin.click(button(out, '野鸭冲社区'))).reply();
    out = await (await admin.click(button(out, '月塘新村'))).reply();
    out = await (await admin.click(button(out, '停用'))).reply();
    expect(alertOf(out)).toContain('已停用');
    const retired = (await tb.services.residents.compounds()).find((c) => c.nameZh === '月塘新村');
    expect(retired?.retired).toBe(true);
    // a newcomer no longer sees it; the place is kept for whatever refers to it
    const u = tb.user(7010);
    let r = await (await u.command('/start')).reply();
    r = await (await u.click(button(r, '野鸭冲社区'))).reply();
    expect(buttons(r).map((b) => b.text)).not.toContain('月塘新村');
    expect((await listAudit(tb.db, { action: 'place.compound.retire' })).length).toBe(1);
  });
});

describe('residents are refused every set-up action, forged buttons included, and each refusal is audited', () => {
  it('commands, menu text and forged buttons', async () => {
    const u = tb.user(LATE);
    const before = (await listAudit(tb.db, { actorId: LATE, action: 'denied' })).length;
    const out = await (await u.command('/setup')).reply();
    expect(texts(out)).toContain('只对');
    const forged = ['su:next', 'su:menu', 'su:open', 'su:st:residents.name', 'su:sk:residents.places', 'rs:pl'];
    forged.push(
      'rs:pl:ac',
      'rs:pl:ak:1',
      'rs:pl:rc:1',
      'rs:pl:xk:1',
      'rs:pl:xc:1',
      'rs:pl:lo:1',
      'rs:nm',
      'rs:pl:skip',
    );
    for (const data of forged) {
      const r = await (await u.click(data)).reply();
      expect(alertOf(r)).toContain('只对');
    }
    const denied = await listAudit(tb.db, { actorId: LATE, action: 'denied' });
    expect(denied.length - before).toBe(forged.length + 1);
    expect((await tb.services.residents.communities()).every((c) => !c.retired)).toBe(true);
    expect(await tb.services.residents.subdistrict()).toBe('月塘街道办事处');
  });
});
