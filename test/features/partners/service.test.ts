import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import {
  AlreadyApplied,
  ApplicationNotFound,
  NotTeamMember,
  ShiftAlreadyTaken,
  ShiftFull,
  ShiftNotYet,
  ShiftPast,
} from '../../../src/features/partners/errors';
import { createPartnersService, type PartnersService } from '../../../src/features/partners/service';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';

const NOW = new Date('2025-03-10T02:00:00Z');
let h: DbHandle;
let clock: ManualClock;
let platform: Platform;
let partners: PartnersService;
let team: number;
beforeEach(async () => {
  h = await freshDb();
  clock = new ManualClock(NOW);
  platform = testPlatform(h.db, { clock });
  partners = createPartnersService(platform);
  await platform.identity.grant(null, 900, 'staff');
  for (const id of [1, 2, 3]) await platform.identity.touch({ id, first_name: `V${id}` });
  team = await partners.createTeam(900, '便民服务队', '');
});
afterEach(() => h.close());

async function member(userId: number) {
  await partners.apply(userId, team);
  await partners.decide(900, team, userId, true);
}

describe('partner directory', () => {
  it('demo partners are grouped by type, and seeding twice adds nothing', async () => {
    expect(await partners.loadDemoPartners()).toBeGreaterThan(5);
    expect(await partners.loadDemoPartners()).toBe(0);
    const types = await partners.typeCounts();
    expect(types.map((t) => t.type)).toEqual(
      expect.arrayContaining(['business', 'group', 'association', 'property', 'new_economy', 'individual']),
    );
    expect(types.every((t) => t.count > 0)).toBe(true);
  });

  it('the demo teams are 帮困服务队, 便民服务队 and 公益联盟', async () => {
    await partners.loadDemoTeams();
    const names = (await partners.teamsWithSizes()).map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['帮困服务队', '便民服务队', '公益联盟']));
  });

  it('a partner card lists what they offer', async () => {
    await partners.loadDemoPartners();
    const lele = (await partners.partnerByName('乐乐超市'))!;
    const card = await partners.card(lele.id);
    expect(card.offers.map((o) => o.kind)).toEqual(['discount', 'money']);
  });
});

describe('volunteer teams', () => {
  it('a sign-up is announced to staff, decided once, and the volunteer hears the answer', async () => {
    await partners.apply(1, team);
    await expect(partners.apply(1, team)).rejects.toBeInstanceOf(AlreadyApplied);
    const [staffMsg] = await platform.outbox.list({ chatId: 900 });
    const approve = staffMsg!.content.buttons![0]![0]!;
    expect('data' in approve && approve.data).toBe(`pa:ok:${team}:1`);
    await partners.decide(900, team, 1, true);
    await expect(partners.decide(900, team, 1, false)).rejects.toBeInstanceOf(ApplicationNotFound);
    expect(await partners.approvedVolunteers()).toEqual([1]);
  });

  it('when one staff member decides, every card of the sign-up is updated and a second decision names who decided', async () => {
    await platform.identity.touch({ id: 901, first_name: '小刘' });
    await platform.identity.grant(null, 901, 'staff');
    await partners.apply(1, team);
    await platform.identity.grant(null, 902, 'staff'); // joined after the sign-up: holds no card of it
    await partners.decide(900, team, 1, false);
    const updates = (await platform.outbox.list({ dedupePrefix: 'partners:apply:' })).filter((r) =>
      r.dedupeKey.endsWith(':decided'),
    );
    expect(updates.map((r) => [r.chatId, r.content.replaces?.startsWith(`partners:apply:${team}:1:`)])).toEqual([
      [900, true],
      [901, true],
    ]);
    expect(updates.every((r) => !r.content.buttons)).toBe(true);
    await expect(partners.decide(901, team, 1, true)).rejects.toMatchObject({
      code: 'partners.applicationRejected',
    });
  });

  it('a team message reaches approved members only, once each', async () => {
    await member(1);
    await partners.apply(2, team); // pending
    expect(await partners.messageTeam(900, team, '周六上午九点集合')).toBe(1);
    const rows = await platform.outbox.list({ dedupePrefix: 'partners:team-msg:' });
    expect(rows.map((r) => r.chatId)).toEqual([1]);
    const message = rows[0]!.content;
    expect('params' in message && message.params?.text).toBe('周六上午九点集合');
  });

  it('a shift is offered to members, never overfilled, and taken only by members of that team', async () => {
    await member(1);
    await member(2);
    const shift = await partners.offer(900, {
      teamId: team,
      date: '2025-03-20',
      description: '市集日磨刀摊位',
      minutes: 180,
      slots: 1,
    });
    expect(await platform.outbox.find(`partners:shift-offer:${shift}:2`)).toBeDefined();
    await partners.take(1, shift);
    await expect(partners.take(1, shift)).rejects.toBeInstanceOf(ShiftAlreadyTaken);
    await expect(partners.take(2, shift)).rejects.toBeInstanceOf(ShiftFull);
    await expect(partners.take(3, shift)).rejects.toBeInstanceOf(NotTeamMember);
    await expect(
      partners.offer(900, { teamId: team, date: '2025-03-01', description: 'x', minutes: 60, slots: 1 }),
    ).rejects.toBeInstanceOf(ShiftPast);
  });

  it('hours are logged once after the day and shown to the volunteer', async () => {
    await member(1);
    const shift = await partners.offer(900, {
      teamId: team,
      date: '2025-03-20',
      description: '市集日',
      minutes: 150,
      slots: 3,
    });
    await partners.take(1, shift);
    await expect(partners.log(900, shift)).rejects.toBeInstanceOf(ShiftNotYet);
    clock.set('2025-03-20T10:00:00Z');
    expect(await partners.log(900, shift)).toBe(1);
    await expect(partners.log(900, shift)).rejects.toBeInstanceOf(ShiftPast);
    const hours = await partners.hoursOf(1);
    expect(hours.totalMinutes).toBe(150);
    expect(hours.byTeam).toEqual([{ team: '便民服务队', minutes: 150 }]);
  });

  it('hours earned elsewhere count once per source, under the organiser’s own team; non-volunteers get none', async () => {
    const lele = await partners.addPartner(900, {
      name: '乐乐超市',
      type: 'business',
      description: '',
      contact: '',
      offers: [],
    });
    const own = await partners.createTeam(900, '乐乐志愿队', '');
    // A team run by a partner is linked in the data (no chat step sets the link yet).
    await h.db.updateTable('volunteer_teams').set({ partner_id: lele }).where('id', '=', own).execute();
    await member(1);
    await partners.apply(1, own);
    await partners.decide(900, own, 1, true);
    await member(2);
    const earned = (userId: number, partnerId: number | null) => ({
      key: `activity:7:${userId}`,
      userId,
      date: '2025-03-09',
      minutes: 90,
      what: { 'zh-CN': '河边捡垃圾', en: 'Riverside clean-up' },
      partnerId,
    });
    const credit = () =>
      h.db
        .transaction()
        .execute((trx) => partners.creditHours(trx, [earned(1, lele), earned(2, lele), earned(3, lele)]));
    expect(await credit()).toBe(2);
    expect(await credit()).toBe(0);
    expect((await partners.hoursOf(1)).byTeam).toEqual([{ team: '乐乐志愿队', minutes: 90 }]);
    expect((await partners.hoursOf(2)).byTeam).toEqual([{ team: '便民服务队', minutes: 90 }]);
    expect((await partners.hoursOf(3)).totalMinutes).toBe(0);
    const thanked = await platform.outbox.list({ dedupePrefix: 'partners:hours:activity:' });
    expect(thanked.map((d) => d.chatId).sort()).toEqual([1, 2]);
  });
});
