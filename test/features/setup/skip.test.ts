import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/identity';
import { alertOf, button, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// A step skipped in the walk-through is not asked again there; it waits, not done, in ⚙️ 设置, and the admin can
// open the service to residents without it.

let tb: TestBot;
const ADMIN = 7101;
beforeAll(async () => {
  tb = await startBot({ empty: true, env: { ADMIN_IDS: String(ADMIN) } });
});
afterAll(() => tb.stop());

describe('skipping a set-up step', () => {
  it('a skipped step waits in ⚙️ 设置, and 🚪 开放给居民 opens without it', async () => {
    const admin = tb.user(ADMIN);
    let out = await (await admin.command('/start')).reply();
    expect(texts(out)).toContain('第 1/2 步：街道名称');
    out = await (await admin.click(button(out, '跳过这一步'))).reply();
    expect(texts(out)).toContain('第 2/2 步：社区和小区');
    expect(await tb.services.setup.next()).toMatchObject({ key: 'residents.places' });
    // the name question was left: typing now is not taken for the name
    await (await admin.click(button(out, '添加社区'))).reply();
    await (await admin.send('新华社区')).reply();
    out = await (await admin.send('Xinhua')).reply();
    out = await (await admin.click(button(out, '添加小区'))).reply();
    await (await admin.send('向阳小区')).reply();
    out = await (await admin.send('Xiangyang')).reply();
    out = await (await admin.click(button(out, '跳过'))).reply();
    out = await (await admin.click(button(out, '跳过'))).reply();
    out = await (await admin.click(button(out, '全部社区'))).reply();
    out = await (await admin.click(button(out, '下一步'))).reply();
    expect(texts(out)).toContain('⬜ 街道名称');
    expect(texts(out)).toContain('✅ 社区和小区');
    expect(texts(out)).toContain('还有 1 项没有设置');
    expect(await tb.services.residents.subdistrict()).toBe('');
    out = await (await admin.click(button(out, '开放给居民'))).reply();
    expect(texts(out)).toContain('设置完成');
    expect(await tb.services.setup.isReady()).toBe(true);
    expect((await listAudit(tb.db, { action: 'settings.set', actorId: ADMIN })).map((a) => a.subject)).toEqual(
      expect.arrayContaining(['setup.skipped', 'setup.completedAt']),
    );
  });

  it('a forged step key is refused with a way back', async () => {
    const out = await (await tb.user(ADMIN).click('su:sk:nothing.here')).reply();
    expect(texts(out) + (alertOf(out) ?? '')).toContain('请重新打开「⚙️ 设置」');
  });
});
