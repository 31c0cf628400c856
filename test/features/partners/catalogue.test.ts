import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { listAudit } from '../../../src/identity';
import type { FakeUser } from '../../../src/playground/fake-api';
import { alertOf, button, buttons, say, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

let tb: TestBot;
let staff: FakeUser;
const STAFF = 7601;
const RESIDENT = 7602;
const clock = new ManualClock('2025-03-10T02:00:00Z'); // 10:00 in Shanghai
beforeAll(async () => {
  tb = await startBot({ clock });
  staff = await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  for (let i = 1; i <= 9; i++)
    await tb.services.partners.addPartner(null, {
      name: `合伙人${i}`,
      type: 'group',
      description: '',
      contact: '',
      offers: [],
    });
});
afterAll(() => tb.stop());

const labels = (out: Awaited<ReturnType<typeof tap>>) => buttons(out).map((b) => b.text);
const workbench = () => say(staff, '🧰 工作台');
/** The business partners a resident sees in the directory. */
async function residentSees(name: string) {
  const r = tb.user(RESIDENT);
  return labels(await tap(r, 'pa:t:business:0')).includes(name);
}

describe('the partner catalogue, kept by staff in the chat', () => {
  it('staff add a partner by typing its name and tapping its type; residents find it at once', async () => {
    await tb.resident(RESIDENT);
    let out = await tap(staff, button(await workbench(), '🤝 合伙人名录'));
    expect(texts(out)).toContain('在列 9 个');
    // the list pages: 8 a page, then ▶
    expect(labels(out)).toContain('▶');
    out = await tap(staff, button(out, '新增合伙人'));
    expect(texts(out)).toContain('请输入新合伙人的名字');
    out = await say(staff, '乐乐超市');
    out = await tap(staff, button(out, '商家'));
    expect(texts(out)).toContain('请输入联系方式');
    out = await say(staff, '王店长 13800000000');
    out = await tap(staff, button(out, '跳过'));
    expect(texts(out)).toContain('已把「乐乐超市」加入合伙人名录');
    expect(texts(out)).toContain('王店长 13800000000');
    expect(texts(out)).toContain('在名录中');
    expect(await residentSees('乐乐超市')).toBe(true);
    expect((await listAudit(tb.db, { action: 'partners.add', actorId: STAFF })).length).toBe(1);
  });

  it('a partner’s contact, description and type are changed with buttons; the card shows the change', async () => {
    const p = (await tb.services.partners.partnerByName('乐乐超市'))!;
    let out = await tap(staff, `pa:cp:${p.id}`);
    out = await tap(staff, button(out, '改联系方式'));
    expect(texts(out)).toContain('王店长 13800000000');
    out = await say(staff, '李店长 13900000000');
    expect(texts(out)).toContain('李店长 13900000000');
    out = await tap(staff, button(out, '改介绍'));
    out = await say(staff, '连锁超市，市集日九五折');
    expect(texts(out)).toContain('介绍：连锁超市，市集日九五折');
    out = await tap(staff, button(out, '改类型'));
    out = await tap(staff, button(out, '协会'));
    expect(texts(out)).toContain('类型：协会');
    expect(await residentSees('乐乐超市')).toBe(false);
    out = await tap(staff, button(out, '改类型'));
    out = await tap(staff, button(out, '商家'));
    expect((await listAudit(tb.db, { action: 'partners.edit', actorId: STAFF })).length).toBe(4);
  });

  it('a retired partner disappears for residents, keeps its name, and can be listed again', async () => {
    const p = (await tb.services.partners.partnerByName('乐乐超市'))!;
    let out = await tap(staff, `pa:cp:${p.id}`);
    out = await tap(staff, button(out, '停用'));
    expect(texts(out)).toContain('已停用');
    expect(await residentSees('乐乐超市')).toBe(false);
    expect((await tb.services.partners.partnerNames([p.id])).get(p.id)).toBe('乐乐超市');
    // retired partners come after the listed ones: on the second page here
    out = await tap(staff, button(await tap(staff, 'pa:cl:0'), '▶'));
    expect(labels(out)).toContain('⏸ 乐乐超市（已停用）');
    out = await tap(staff, `pa:cp:${p.id}`);
    out = await tap(staff, button(out, '恢复到名录'));
    expect(await residentSees('乐乐超市')).toBe(true);
    expect((await listAudit(tb.db, { action: 'partners.retire', actorId: STAFF })).length).toBe(1);
    expect((await listAudit(tb.db, { action: 'partners.restore', actorId: STAFF })).length).toBe(1);
  });
});

describe('volunteers on the workbench', () => {
  it('a sign-up is a to-do line that opens the desk; the teams list retires and brings back a team', async () => {
    const teamId = await tb.services.partners.createTeam(null, '便民服务队', '市集日便民服务');
    const vol = await tb.resident(7603, { first_name: '小王' });
    await tap(vol, `pa:ap:${teamId}`);
    let out = await workbench();
    expect(labels(out)).toContain('🙋 待审核的志愿者报名：1 个');
    out = await tap(staff, button(out, '待审核的志愿者报名'));
    expect(texts(out)).toContain('待审核报名：1');
    out = await tap(staff, button(out, '通过 小王'));
    expect(labels(await workbench())).not.toContain('🙋 待审核的志愿者报名：1 个');

    out = await tap(staff, button(await workbench(), '👥 志愿服务队'));
    expect(labels(out)).toContain('便民服务队（1 人）');
    out = await tap(staff, `pa:ta:${teamId}:0`);
    expect(labels(out)).toContain('⏸ 便民服务队（已停用，点一下恢复）');
    const other = await tb.resident(7604);
    const refused = await tap(other, `pa:ap:${teamId}`);
    expect(`${alertOf(refused) ?? ''}${texts(refused)}`).toContain('没有找到这个服务队');
    expect(await tb.services.partners.statusIn(teamId, 7604)).toBeUndefined();
    out = await tap(staff, button(out, '便民服务队（已停用'));
    expect(labels(out)).toContain('便民服务队（1 人）');
    expect((await listAudit(tb.db, { action: 'partners.teamRetire', actorId: STAFF })).length).toBe(1);
  });

  it('a resident is refused every catalogue and desk button, even forged, and it is audited', async () => {
    const r = tb.user(RESIDENT);
    const p = (await tb.services.partners.partnerByName('乐乐超市'))!;
    const team = (await tb.services.partners.teamByName('便民服务队'))!;
    const forged = [
      'pa:dk',
      'pa:cl:0',
      `pa:cp:${p.id}`,
      'pa:cn',
      'pa:cy:business',
      'pa:ck',
      `pa:ce:${p.id}:c`,
      `pa:ct:${p.id}`,
      `pa:cu:${p.id}:group`,
      `pa:cr:${p.id}:0`,
      'pa:tc:0',
      `pa:ta:${team.id}:0`,
    ];
    for (const data of forged) expect(alertOf(await tap(r, data)), data).toContain('只对社区工作人员开放');
    expect(await residentSees('乐乐超市')).toBe(true);
    expect((await tb.services.partners.team(team.id))?.active).toBe(true);
    const denied = await listAudit(tb.db, { action: 'denied', actorId: RESIDENT });
    expect(denied.length).toBeGreaterThanOrEqual(forged.length);
  });
});
