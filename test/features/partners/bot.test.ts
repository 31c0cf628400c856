import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import { listAudit } from '../../../src/identity';
import type { FakeUser } from '../../../src/playground/fake-api';
import { alertOf, buttons, say, tap, texts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';

let tb: TestBot;
let staff: FakeUser;
const clock = new ManualClock('2025-03-10T02:00:00Z'); // 10:00 in Shanghai
beforeAll(async () => {
  tb = await startBot({ clock });
  staff = await tb.withRole(7001, 'staff');
  await tb.services.partners.addPartner(null, {
    name: '乐乐超市',
    type: 'business',
    description: '连锁超市',
    contact: '王店长 13800000000',
    offers: [{ kind: 'discount', detail: '9.5 折' }],
  });
});
afterAll(() => tb.stop());

describe('partner directory', () => {
  it('residents browse partners by type but never see their contacts; staff do', async () => {
    const r = await tb.resident(7402);
    const types = await (await r.command('/partners')).reply();
    const business = buttons(types).find((b) => b.text.startsWith('商家'))!;
    const list = await tap(r, business.callback_data!);
    const lele = buttons(list).find((b) => b.text === '乐乐超市')!;
    const card = texts(await tap(r, lele.callback_data!));
    expect(card).toContain('优惠：9.5 折');
    expect(card).not.toContain('13800000000');
    await (await staff.command('/partners')).reply();
    expect(texts(await tap(staff, lele.callback_data!))).toContain('王店长 13800000000');
  });
});

describe('volunteers', () => {
  it('a resident signs up, staff approve, offer a shift, ' +
    'the volunteer takes it and sees the hours once logged', async () => {
    const teamId = await tb.services.partners.createTeam(null, '便民服务队', '市集日便民服务');
    const vol = await tb.resident(7301, { first_name: '小王' });

    await (await vol.command('/volunteer')).reply();
    const team = await tap(vol, `pa:v:${teamId}`);
    expect(texts(team)).toContain('欢迎报名');
    expect(texts(await tap(vol, `pa:ap:${teamId}`))).toContain('已报名「便民服务队」');
    await tb.delivered();
    expect(tb.api.callsTo(7001).some((c) => String(c.payload.text).includes('小王 报名加入「便民服务队」'))).toBe(true);

    await (await staff.command('/volunteers')).reply();
    await tap(staff, `pa:ok:${teamId}:7301`);
    await tb.delivered();
    expect(tb.api.callsTo(7301).some((c) => String(c.payload.text).includes('您已成为「便民服务队」的队员'))).toBe(
      true,
    );

    await tap(staff, `pa:of:${teamId}`);
    expect(texts(await say(staff, '2025-03-01'))).toContain('日期不对或已经过去');
    await say(staff, '2025-03-20');
    await say(staff, '野享市集 磨刀摊位帮忙');
    expect(texts(await say(staff, '三个小时'))).toContain('例如 3 或 2.5');
    await say(staff, '2.5');
    await say(staff, '1');
    await tap(staff, 'pa:ofy');
    await tb.delivered();
    const offer = tb.api.callsTo(7301).find((c) => String(c.payload.text).includes('值班招募'))!;
    const take = buttons([offer]).find((b) => b.text.includes('我来'))!;
    expect(texts(await tap(vol, take.callback_data!))).toContain('已报名：2025-03-20');

    const other = await tb.resident(7302);
    expect(alertOf(await tap(other, take.callback_data!))).toContain('只有这个队审核通过的队员');

    clock.set('2025-03-20T12:00:00Z');
    const desk = await (await staff.command('/volunteers')).reply();
    const log = buttons(desk).find((b) => b.text.includes('记工时'))!;
    await tap(staff, log.callback_data!);
    const shiftId = log.callback_data!.split(':')[2];
    expect(texts(await tap(staff, `pa:lgy:${shiftId}`))).toContain('已给 1 位队员记上工时');
    expect(alertOf(await tap(staff, `pa:lgy:${shiftId}`))).toContain('已经结束');
    const hours = texts(await (await vol.command('/hours')).reply());
    expect(hours).toContain('共 <b>2.5 小时</b>');
    expect(hours).toContain('便民服务队：2.5 小时');
  }, 60_000);
});

describe('what residents may not do', () => {
  it(
    'a resident cannot decide, message, offer, log or found a team, ' +
      'even with forged buttons, and each try is audited',
    async () => {
      const r = await tb.resident(7401);
      const commands = ['/volunteers'];
      for (const cmd of commands) expect(texts(await (await r.command(cmd)).reply())).toContain('只对社区工作人员开放');
      const forged = ['pa:ok:1:7401', 'pa:msg:1', 'pa:ofy', 'pa:lgy:1', 'pa:nt'];
      for (const data of forged) expect(alertOf(await tap(r, data)), data).toContain('只对社区工作人员开放');
      expect((await listAudit(tb.db, { actorId: 7401, action: 'denied' })).length).toBe(
        commands.length + forged.length,
      );
    },
  );

  it('a forged or stale partners button is answered and changes nothing', async () => {
    const r = await tb.resident(7403);
    for (const data of ['pa:tk:99999', 'pa:p:99999']) {
      const a = alertOf(await tap(r, data));
      expect(a, data).toBeTruthy();
      expect(a).not.toContain('只对社区工作人员开放');
    }
  });
});
