import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAudit } from '../../../src/identity';
import { button, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// The activities area's set-up step (issue 17): whether partners may run activities of their own, one tap, in the
// first admin's walk-through and in ⚙️ 设置; skipped, it waits there and leaves partners without the right.
const ADMIN = 6801;
const EN_ADMIN = 6802;

let tb: TestBot;
beforeAll(async () => {
  tb = await startBot({ empty: true, env: { ADMIN_IDS: `${ADMIN},${EN_ADMIN}` } });
});
afterAll(() => tb.stop());

const settingsMenu = async (u = tb.user(ADMIN)) => (await u.command('/setup')).reply();

describe('the set-up step for activities', () => {
  it('skipped, it waits in ⚙️ 设置 undecided, and partners may not run their own', async () => {
    let out = await settingsMenu();
    expect(texts(out)).toContain('⬜ 社区活动：合伙人自办');
    out = await (await tb.user(ADMIN).click(button(out, '社区活动：合伙人自办'))).reply();
    expect(texts(out)).toMatch(/第 \d+\/\d+ 步：社区活动：合伙人自办/);
    expect(texts(out)).toContain('可以在这里自己新建和发布他们的活动吗');
    out = await (await tb.user(ADMIN).click(button(out, '跳过这一步'))).reply();
    expect(tb.services.activities.partnersDecided()).toBe(false);
    expect(tb.services.activities.partnersMayCreate()).toBe(false);
    expect(texts(await settingsMenu())).toContain('⬜ 社区活动：合伙人自办');
  });

  it('from ⚙️ 设置 one tap allows partners their own activities; it is saved, audited and shown done', async () => {
    let out = await settingsMenu();
    out = await (await tb.user(ADMIN).click(button(out, '社区活动：合伙人自办'))).reply();
    out = await (await tb.user(ADMIN).click(button(out, '允许合伙人自办活动'))).reply();
    expect(texts(out)).toContain('已保存：合伙人可以自己新建和发布活动');
    expect(button(out, '下一步')).toBe('su:next');
    expect(tb.services.activities.partnersMayCreate()).toBe(true);
    const audit = await listAudit(tb.db, { actorId: ADMIN, action: 'settings.set' });
    expect(audit.map((a) => a.subject)).toContain('activities.partnersMayCreate');
    expect(texts(await settingsMenu())).toContain('✅ 社区活动：合伙人自办');
  });

  it('an English-speaking admin reads the step in English and can turn it back to staff only', async () => {
    const en = tb.user(EN_ADMIN, { language_code: 'en' });
    let out = await settingsMenu(en);
    out = await (await en.click(button(out, 'Activities: partners’ own'))).reply();
    expect(texts(out)).toContain('May the community’s partners');
    out = await (await en.click(button(out, 'Staff only'))).reply();
    expect(texts(out)).toContain('Saved: activities are created and published by staff only.');
    expect(tb.services.activities.partnersMayCreate()).toBe(false);
  });
});
