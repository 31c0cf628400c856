import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import * as errors from '../../../src/features/petitions/errors';
import { listAudit } from '../../../src/identity';
import { alertOf, button, plainTexts, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

// Admins run petitions from the chat (issue 15): the categories and departments, the deputies' areas by picking and
// by invitation, the areas nobody answers for, the time limits; and nothing of it for residents.

let tb: TestBot;
const ADMIN = 7801;
const DEPUTY = 7802;
const STAFF = 7803;
let xiaoming: number; // compound 肖明组 (野鸭冲社区)
let yeyachong: number;
let shizitou: number;
let tiedao: number; // compound in 石子头社区

beforeAll(async () => {
  tb = await startBot();
  const compounds = await tb.services.residents.compounds();
  const communities = await tb.services.residents.communities();
  xiaoming = compounds.find((c) => c.nameZh === '肖明组')!.id;
  yeyachong = communities.find((c) => c.nameZh === '野鸭冲社区')!.id;
  shizitou = communities.find((c) => c.nameZh === '石子头社区')!.id;
  tiedao = compounds.find((c) => c.communityId === shizitou)!.id;
  await tb.withRole(ADMIN, 'admin', { first_name: '王主任' });
  await tb.withRole(DEPUTY, 'deputy', { first_name: '周代表' });
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
});
afterAll(() => tb.stop());

/** A resident files a petition of the category whose button says `category`. */
async function file(id: number, compound: number, category: string) {
  const u = await tb.resident(id, { compound });
  let out = await (await u.send('📣 我要反映')).reply();
  out = await tap(u, button(out, category));
  await u.send('幸福里广场');
  await u.send('跳过');
  out = await (await u.send('晚上十一点还在放音乐，老人睡不着')).reply();
  if (texts(out).includes('同一个问题')) out = await tap(u, button(out, '不是同一个问题'));
  out = await tap(u, button(out, '没有照片'));
  out = await tap(u, button(out, '匿名'));
  out = await tap(u, button(out, '确认提交'));
  return Number(/#(\d+)/.exec(texts(out))![1]);
}

describe('catalogues', () => {
  it('an admin adds a category in both languages, renames it, retires it; a petition keeps its name', async () => {
    const a = tb.user(ADMIN);
    let out = await tap(a, 'pt:kc:k:l:0');
    expect(texts(out)).toContain('反映类别');
    await tap(a, button(out, '新增类别'));
    await a.send('🐕 流浪狗');
    out = await (await a.send('🐕 Stray dogs')).reply();
    expect(texts(out)).toContain('已保存');
    expect(texts(out)).toContain('Stray dogs');
    const id = await file(7810, xiaoming, '流浪狗');
    out = await tap(a, button(out, '改中文名'));
    out = await (await a.send('🐕 流浪动物')).reply();
    expect(texts(out)).toContain('流浪动物');
    // the petition filed before keeps the name it was filed with
    expect((await tb.services.petitions.petition(id)).categoryName.nameZh).toBe('🐕 流浪狗');
    out = await tap(a, button(out, '停用'));
    expect(texts(out)).toContain('已停用');
    const r = await tb.resident(7811, { compound: xiaoming });
    out = await (await r.send('📣 我要反映')).reply();
    expect(JSON.stringify(out.map((c) => c.payload))).not.toContain('流浪');
    // its button from a card sent before is refused, and nothing is filed under it
    const code = (await tb.services.petitions.catalogue('category')).find((c) => c.nameZh === '🐕 流浪动物')!;
    expect(alertOf(await tap(r, `pt:c:k${code.id}`))).toContain('已停用');
    const audit = await listAudit(tb.db, { actorId: ADMIN });
    expect(audit.map((e) => e.action)).toEqual(
      expect.arrayContaining(['petition.category.add', 'petition.category.rename', 'petition.category.retire']),
    );
  }, 60_000);

  it('a department is added, retired (not offered, a transfer to it refused), restored; a twin is refused', async () => {
    const a = tb.user(ADMIN);
    let out = await tap(a, 'pt:kc:d:l:0');
    await tap(a, button(out, '新增部门'));
    await a.send('区水务局');
    out = await (await a.send('District water bureau')).reply();
    const dept = (await tb.services.petitions.departments()).find((d) => d.nameZh === '区水务局')!;
    out = await tap(a, button(out, '停用'));
    expect((await tb.services.petitions.departments()).map((d) => d.id)).not.toContain(dept.id);
    const admin = { id: ADMIN, roles: new Set(['admin'] as const) };
    const [open] = await tb.services.petitions.listForHandler(admin, { status: 'open' });
    await expect(
      tb.services.petitions.setStatus(admin, open!.id, { status: 'transferred', departmentId: dept.id }),
    ).rejects.toThrow(errors.UnknownDepartment);
    out = await tap(a, button(out, '恢复使用'));
    expect((await tb.services.petitions.departments()).map((d) => d.id)).toContain(dept.id);
    out = await tap(a, 'pt:kc:d:l:0');
    await tap(a, button(out, '新增部门'));
    await a.send('区水务局');
    expect(texts(await (await a.send('Twin')).reply())).toContain('已经有一个叫');
    await a.command('/cancel');
    expect((await tb.services.petitions.catalogue('department')).length).toBe(1);
  }, 60_000);
});

describe('deputies and their areas', () => {
  it('an admin gives a deputy a community and one category of another by tapping, audited', async () => {
    const a = tb.user(ADMIN);
    let out = await (await a.command('/deputies')).reply();
    out = await tap(a, button(out, '周代表'));
    out = await tap(a, `pt:dp:t:${DEPUTY}:${yeyachong}`);
    expect(plainTexts(out)).toMatch(/野鸭冲社区 · 全部类别/);
    out = await tap(a, `pt:dp:k:${DEPUTY}:${shizitou}`);
    out = await tap(a, button(out, '噪音'));
    expect(button(out, '✅')).toBe(`pt:dp:kt:${DEPUTY}:${shizitou}:noise`);
    const areas = await tb.services.petitions.areasOf(DEPUTY);
    expect(areas.map((x) => [x.communityId, x.category])).toEqual([
      [yeyachong, null],
      [shizitou, 'noise'],
    ]);
    expect((await listAudit(tb.db, { actorId: ADMIN, action: 'petition.assign' })).length).toBe(2);
  }, 60_000);

  it('a petition from an area with no deputy goes to staff and the admin is told once', async () => {
    await tb.delivered();
    const mark = tb.api.lastSeq();
    await file(7820, tiedao, '安全隐患');
    await file(7821, tiedao, '安全隐患');
    await tb.delivered();
    const told = tb.api.callsTo(ADMIN, { after: mark }).map((c) => String(c.payload.text ?? ''));
    expect(told.filter((t) => t.includes('石子头社区 的「⚠️ 安全隐患」类反映没有代表负责')).length).toBe(1);
    const staff = tb.api.callsTo(STAFF, { after: mark }).map((c) => String(c.payload.text ?? ''));
    expect(staff.some((t) => t.includes('反映'))).toBe(true);
    // on the staff's workbench: a to-do line that opens those petitions
    const bench = tb.app.features.find((f) => f.name === 'petitions')!.workbench!;
    const todos = await bench.todos!((await tb.app.identity.user(STAFF))!, await tb.app.identity.roles(STAFF));
    const waiting = todos.find((t) => t.key === 'petitions.todo.uncovered')!;
    expect(waiting.count).toBe(2);
    expect(plainTexts(await tap(tb.user(STAFF), waiting.data))).toContain('共 2 个');
  }, 60_000);

  it('an invitation carries the areas: whoever opens it is a deputy for them', async () => {
    const a = tb.user(ADMIN);
    let out = await tap(a, 'pt:dp:l:0');
    out = await tap(a, button(out, '邀请新代表'));
    out = await tap(a, button(out, '石子头社区'));
    out = await tap(a, button(out, '下一步'));
    out = await tap(a, button(out, '安全隐患'));
    out = await tap(a, button(out, '生成邀请链接'));
    const link = texts(out).match(/\?start=(inv_[\w-]+)/);
    expect(link).not.toBeNull();
    await (await tb.user(7830).command('/start', link![1])).reply();
    expect(await tb.app.identity.roles(7830)).toEqual(new Set(['deputy']));
    const areas = await tb.services.petitions.areasOf(7830);
    expect(areas.map((x) => [x.communityId, x.category])).toEqual([[shizitou, 'safety']]);
  }, 60_000);
});

describe('time limits and the workbench', () => {
  it('the set-up step sets the limits with a tap and a typed number; petitions filed after get them', async () => {
    const a = tb.user(ADMIN);
    const step = tb.app.features.find((f) => f.name === 'petitions')!.setup![0]!;
    expect(await step.isDone()).toBe(false);
    let out = await tap(a, 'pt:lim:s');
    out = await tap(a, button(out, '2'));
    expect(texts(out)).toContain('受理期限 2 天');
    expect(texts(await (await a.send('400')).reply())).toContain('2 到 365');
    out = await (await a.send('10')).reply();
    expect(texts(out)).toContain('受理 2 天，答复 10 天');
    expect(button(out, '下一步')).toBe('su:next');
    expect(await step.isDone()).toBe(true);
    const id = await file(7840, xiaoming, '噪音');
    const p = await tb.services.petitions.petition(id);
    expect(Date.parse(p.ackDueAt) - Date.parse(p.createdAt)).toBe(2 * 86_400_000);
    expect(Date.parse(p.answerDueAt) - Date.parse(p.createdAt)).toBe(10 * 86_400_000);
    expect((await listAudit(tb.db, { actorId: ADMIN, action: 'settings.set' })).length).toBeGreaterThan(0);
  }, 60_000);

  it('a deputy sees new petitions as a to-do that opens them; staff pick the statistics period', async () => {
    const petitions = tb.app.features.find((f) => f.name === 'petitions')!.workbench!;
    const todos = await petitions.todos!((await tb.app.identity.user(DEPUTY))!, await tb.app.identity.roles(DEPUTY));
    const fresh = todos.find((t) => t.key === 'petitions.todo.new')!;
    expect(fresh.count).toBeGreaterThan(0);
    let out = await tap(tb.user(DEPUTY), fresh.data);
    expect(plainTexts(out)).toContain(`共 ${fresh.count} 个`);
    const s = tb.user(STAFF);
    out = await tap(s, 'pt:st:h');
    out = await tap(s, button(out, '选月份'));
    out = await tap(s, button(out, '年'));
    expect(plainTexts(out)).toMatch(/响应率/);
    out = await tap(s, button(out, '换时间段'));
    out = await tap(s, button(out, '今年'));
    expect(plainTexts(out)).toMatch(/\d{4}年/);
    out = await tap(s, button(out, '按类别和社区'));
    expect(plainTexts(out)).toContain('噪音');
  }, 60_000);

  it('staff download the petitions of a month as a sheet with Chinese headers', async () => {
    const exporter = tb.app.features.find((f) => f.name === 'petitions')!.workbench!.exports![0]!;
    const month = tb.services.petitions.thisMonth();
    const [sheet] = await exporter.sheets(tb.app.platform.i18n.getFixedT('zh-CN'), month);
    expect(sheet!.header).toContain('类别');
    expect(sheet!.rows.length).toBeGreaterThan(0);
    expect(exporter.fileName(month)).toMatch(/^petitions-\d{4}-\d{2}$/);
  });
});

describe('what residents may not do', () => {
  it('every admin and staff button and command of petitions is refused, forged ones too, and audited', async () => {
    const r = await tb.resident(7890);
    const commands = ['/deputies', '/petitionstats'];
    for (const c of commands) expect(texts(await (await r.command(c)).reply())).toContain('只对社区工作人员开放');
    const forged = [
      'pt:kc:k:l:0',
      'pt:kc:k:n',
      'pt:kc:d:r:1:0',
      'pt:kc:k:e:1:zh',
      `pt:dp:t:${DEPUTY}:${yeyachong}`,
      `pt:dp:kt:${DEPUTY}:${yeyachong}:noise`,
      'pt:dp:l:0',
      'pt:iv',
      'pt:st:h',
      'pt:st:p:m2026-01',
      'pt:lim:a:3',
      'pt:d:h',
    ];
    for (const data of forged) expect(alertOf(await tap(r, data)), data).toContain('只对社区工作人员开放');
    expect((await listAudit(tb.db, { actorId: 7890, action: 'denied' })).length).toBe(commands.length + forged.length);
  }, 60_000);
});
