import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { DEMO_RESIDENTS, seedDemoPetitions } from '../../../src/features/petitions/demo';
import * as errors from '../../../src/features/petitions/errors';
import type { PetitionsPolicy } from '../../../src/features/petitions/policy';
import { rates } from '../../../src/features/petitions/rates';
import { type Actor, createPetitionsService, type PetitionsService } from '../../../src/features/petitions/service';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { createResidentsService, type ResidentsService } from '../../../src/features/residents/service';
import { listAudit } from '../../../src/identity';
import type { OutContent } from '../../../src/outbox/service';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';

const t0 = new Date('2026-05-04T02:00:00Z'); // 10:00 in Shanghai
const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
const DAY = 24;
const policy: PetitionsPolicy = { ackDays: 3, answerDays: 15, dailyLimit: 3, timezone: 'Asia/Shanghai' };

const STAFF = 1;
const DEPUTY = 10; // 野鸭冲社区
const OTHER_DEPUTY = 11; // 石子头社区
const XIAO = 100; // lives in 肖明组
const CHEN = 101; // neighbour in 肖明组
const LI = 102; // lives in 铁路新村 (石子头社区)

const culvert = {
  category: 'roads' as const,
  place: '肖明组铁路涵洞',
  latitude: 27.8705,
  longitude: 113.1702,
  description: '一下雨涵洞就积水，电动车和行人都过不去，每天一千多人上下班要绕路。',
  photos: ['photo-a', 'photo-b'],
  showName: true,
};

let h: DbHandle;
let clock: ManualClock;
let platform: Platform;
let residents: ResidentsService;
let petitions: PetitionsService;
let yeyachong: number;
let shizitou: number;

/** The clock reads t0 plus this many hours when the next service call runs. */
const when = (hours: number) => clock.set(at(hours));

async function resident(id: number, name: string, compound: string, phone?: string) {
  await platform.identity.touch({ id, first_name: name, username: `u${id}` });
  const c = (await residents.compounds()).find((x) => x.nameZh === compound)!;
  await residents.setHome(id, c.id);
  if (phone) await residents.setPhone(id, phone);
}

const deliveries = async () =>
  (await platform.outbox.list({})).map((d) => ({
    ...d,
    body: d.content as OutContent & { key?: string; params?: Record<string, unknown>; photo?: string },
  }));
const to = async (chatId: number) => (await deliveries()).filter((d) => d.chatId === chatId);
const keysTo = async (chatId: number) => (await to(chatId)).map((d) => d.body.key);
const deputy = (id: number): Actor => ({ id, roles: new Set(['deputy']) });
const staff: Actor = { id: STAFF, roles: new Set(['staff']) };

beforeEach(async () => {
  h = await freshDb();
  clock = new ManualClock(t0);
  platform = testPlatform(h.db, { clock });
  residents = createResidentsService(platform);
  petitions = createPetitionsService(platform, { residents }, policy);
  await seedDemoPlaces(h.db);
  const communities = await residents.communities();
  yeyachong = communities.find((c) => c.nameZh === '野鸭冲社区')!.id;
  shizitou = communities.find((c) => c.nameZh === '石子头社区')!.id;
  await resident(XIAO, '肖大爷', '肖明组', '13800000000');
  await resident(CHEN, '陈奶奶', '肖明组');
  await resident(LI, '李师傅', '铁路新村');
  for (const [id, name] of [
    [STAFF, '社区小张'],
    [DEPUTY, '周代表'],
    [OTHER_DEPUTY, '吴代表'],
  ] as const)
    await platform.identity.touch({ id, first_name: name });
  await platform.identity.grant(null, STAFF, 'staff');
  await platform.identity.grant(null, DEPUTY, 'deputy');
  await platform.identity.grant(null, OTHER_DEPUTY, 'deputy');
  await petitions.assignDeputy(STAFF, DEPUTY, yeyachong, null);
  await petitions.assignDeputy(STAFF, OTHER_DEPUTY, shizitou, null);
  await seedDepartments();
});
afterEach(() => h.close());

async function seedDepartments() {
  await seedDemoPetitions(platform, residents, policy);
  // the demo petitions are not part of these tests
  await h.db.deleteFrom('petition_events').execute();
  await h.db.deleteFrom('petition_followers').execute();
  await h.db.deleteFrom('petition_photos').execute();
  await h.db.deleteFrom('petitions').execute();
}

const dept = async (zh: string) => (await petitions.departments()).find((d) => d.nameZh === zh)!.id;

describe('filing a petition', () => {
  it(
    'goes to the deputy of the community with text, location, photos and the contact, ' + 'and to nobody else',
    async () => {
      const p = await petitions.file(XIAO, culvert);
      expect(p).toMatchObject({ status: 'submitted', communityId: yeyachong, category: 'roads', showName: true });
      expect(p.ackDueAt).toBe(at(3 * DAY).toISOString());
      expect(p.answerDueAt).toBe(at(15 * DAY).toISOString());
      const mine = await to(DEPUTY);
      expect(mine.map((d) => d.body.key)).toEqual(['petitions.fwd.new', 'petitions.fwd.photo', 'petitions.fwd.photo']);
      expect(mine[0]!.body.params).toMatchObject({
        id: p.id,
        place: '肖明组铁路涵洞',
        description: culvert.description,
        location: '27.87050, 113.17020',
        photos: 2,
      });
      expect(String(mine[0]!.body.params!.who)).toContain('13800000000');
      expect(JSON.stringify(mine[0]!.body)).toContain('uri.amap.com');
      expect(mine.slice(1).map((d) => d.body.photo)).toEqual(['photo-a', 'photo-b']);
      expect(await to(OTHER_DEPUTY)).toEqual([]);
      expect(await to(STAFF)).toEqual([]);
    },
  );

  it('goes to staff when no deputy answers for that community', async () => {
    await petitions.unassignDeputy(STAFF, OTHER_DEPUTY, shizitou, null);
    await petitions.file(LI, { ...culvert, place: '铁路新村东门', description: '路灯坏了一个多月', photos: [] });
    expect(await keysTo(STAFF)).toEqual(['petitions.fwd.new']);
    expect(await to(OTHER_DEPUTY)).toEqual([]);
  });

  it('a deputy assigned to one category gets only that category', async () => {
    await petitions.unassignDeputy(STAFF, OTHER_DEPUTY, shizitou, null);
    await petitions.assignDeputy(STAFF, OTHER_DEPUTY, shizitou, 'noise');
    await petitions.file(LI, {
      ...culvert,
      category: 'noise',
      place: '铁路新村 2 栋',
      description: '楼下广场舞每晚放到十一点',
      photos: [],
    });
    await petitions.file(LI, {
      ...culvert,
      category: 'facilities',
      place: '铁路新村东门',
      description: '路灯坏了一个多月',
      photos: [],
    });
    expect(await keysTo(OTHER_DEPUTY)).toEqual(['petitions.fwd.new']);
    expect(await keysTo(STAFF)).toEqual(['petitions.fwd.new']);
  });

  it('a resident may file only so many a day, and again the next day', async () => {
    for (let i = 0; i < 3; i++) {
      when(i);
      await petitions.file(XIAO, { ...culvert, description: `第 ${i} 个问题`, photos: [] });
    }
    when(5);
    await expect(petitions.file(XIAO, { ...culvert, photos: [] })).rejects.toBeInstanceOf(errors.DailyLimitReached);
    when(DAY);
    await expect(petitions.file(XIAO, { ...culvert, photos: [] })).resolves.toMatchObject({ petitionerId: XIAO });
  });
});

describe('similar petitions and co-signing', () => {
  it('a neighbour describing the same culvert is offered the open petition; an unrelated problem is not', async () => {
    const p = await petitions.file(XIAO, culvert);
    const same = await petitions.similar(CHEN, {
      category: 'roads',
      place: '肖明组涵洞',
      description: '涵洞又淹了，上班过不去',
      latitude: null,
      longitude: null,
    });
    expect(same.map((s) => s.petition.id)).toEqual([p.id]);
    const other = await petitions.similar(CHEN, {
      category: 'roads',
      place: '月塘新村',
      description: '小区门口的路面塌了一个大坑',
      latitude: null,
      longitude: null,
    });
    expect(other).toEqual([]);
    const otherCategory = await petitions.similar(CHEN, {
      category: 'noise',
      place: '肖明组涵洞',
      description: '涵洞又淹了',
      latitude: null,
      longitude: null,
    });
    expect(otherCategory).toEqual([]);
    // the petitioner is not offered their own petition
    expect(
      await petitions.similar(XIAO, {
        category: 'roads',
        place: '肖明组涵洞',
        description: '涵洞又淹了',
        latitude: null,
        longitude: null,
      }),
    ).toEqual([]);
  });

  it('a report a few metres away counts as the same spot even in other words', async () => {
    const p = await petitions.file(XIAO, culvert);
    const near = await petitions.similar(CHEN, {
      category: 'roads',
      place: '铁路桥下',
      description: '下雨走不了',
      latitude: 27.8706,
      longitude: 113.1703,
    });
    expect(near.map((s) => s.petition.id)).toEqual([p.id]);
  });

  it(
    'co-signing counts the neighbour once; the petitioner cannot co-sign their own; ' +
      'closed petitions cannot be joined',
    async () => {
      const p = await petitions.file(XIAO, culvert);
      when(1);
      expect(await petitions.cosign(p.id, CHEN, false)).toBe(1);
      when(2);
      await expect(petitions.cosign(p.id, CHEN, true)).rejects.toBeInstanceOf(errors.AlreadySigned);
      await expect(petitions.cosign(p.id, XIAO, true)).rejects.toBeInstanceOf(errors.OwnPetition);
      when(3);
      await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'resolved', note: '已疏通' });
      when(4);
      await expect(petitions.cosign(p.id, LI, true)).rejects.toBeInstanceOf(errors.PetitionClosed);
      await expect(petitions.cosign(999, LI, true)).rejects.toBeInstanceOf(errors.PetitionNotFound);
    },
  );
});

describe('deputies handle petitions', () => {
  it('a deputy of another community and a plain resident are refused; staff may act on any', async () => {
    const p = await petitions.file(XIAO, culvert);
    when(1);
    await expect(petitions.acknowledge(deputy(OTHER_DEPUTY), p.id)).rejects.toBeInstanceOf(errors.NotHandler);
    await expect(
      petitions.setStatus({ id: CHEN, roles: new Set() }, p.id, { status: 'resolved', note: 'x' }),
    ).rejects.toBeInstanceOf(errors.NotHandler);
    await expect(petitions.replyToPetitioner(deputy(OTHER_DEPUTY), p.id, '你好')).rejects.toBeInstanceOf(
      errors.NotHandler,
    );
    expect((await petitions.petition(p.id)).status).toBe('submitted');
    await petitions.setStatus(staff, p.id, { status: 'investigating' });
    expect((await petitions.petition(p.id)).status).toBe('investigating');
  });

  it('acknowledge, transfer and resolve reach the petitioner and the co-signer, and each is audited', async () => {
    const p = await petitions.file(XIAO, culvert);
    when(1);
    await petitions.cosign(p.id, CHEN, true);
    when(2);
    const acked = await petitions.acknowledge(deputy(DEPUTY), p.id);
    expect(acked).toMatchObject({ status: 'accepted', acknowledgedBy: DEPUTY });
    when(2.5);
    // a second tap (or a stale card) is refused by name and changes nothing
    await expect(petitions.acknowledge(deputy(DEPUTY), p.id)).rejects.toBeInstanceOf(errors.AlreadyAcknowledged);
    when(5);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'transferred', departmentId: await dept('水务局') });
    when(10 * DAY);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'resolved', note: '水务局加装了排水泵' });
    for (const user of [XIAO, CHEN]) {
      const msgs = await to(user);
      expect(msgs.map((d) => d.body.key)).toEqual([
        'petitions.note.status',
        'petitions.note.status',
        'petitions.note.resolved',
      ]);
      // the place and the change in words: "#4 肖明组铁路涵洞：已转交水务局"
      expect(msgs[1]!.body.params).toMatchObject({
        place: '肖明组铁路涵洞',
        change: {
          $t: 'petitions.change.transferred',
          params: { department: { 'zh-CN': '水务局', en: 'Water Affairs Bureau' } },
        },
      });
      expect(msgs[2]!.body.params!.note).toBe('水务局加装了排水泵');
    }
    // only the petitioner is asked whether it is solved
    expect(JSON.stringify((await to(XIAO))[2]!.body.buttons)).toContain(`pt:fb:${p.id}:no`);
    expect(JSON.stringify((await to(CHEN))[2]!.body.buttons)).not.toContain('pt:fb:');
    const audit = await listAudit(h.db, { actorId: DEPUTY });
    expect(audit.filter((a) => a.action === 'petition.status').length).toBe(3);
    const events = (await petitions.timeline(p.id)).map((e) => e.kind);
    expect(events).toEqual(['filed', 'cosigned', 'acknowledged', 'status', 'status']);
  });

  it('several changes within an hour reach a follower as one digest at the end of the hour', async () => {
    const p = await petitions.file(XIAO, culvert);
    when(1);
    await petitions.acknowledge(deputy(DEPUTY), p.id);
    when(1.2);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'investigating' });
    when(1.5);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'transferred', departmentId: await dept('交通局') });
    const msgs = await to(XIAO);
    // the digest says where the petition stands in words; the later change updates it in place (one message)
    expect(msgs.map((d) => d.body.key)).toEqual([
      'petitions.note.status',
      'petitions.note.digest',
      'petitions.note.digest',
    ]);
    expect(msgs[1]!.nextAttemptAt).toBe(at(2).toISOString());
    expect(msgs[2]!.nextAttemptAt).toBe(at(2).toISOString());
    expect((msgs[2]!.body as { replaces?: string }).replaces).toBe(msgs[1]!.dedupeKey);
    expect(msgs[2]!.body.params).toMatchObject({
      place: '肖明组铁路涵洞',
      change: { $t: 'petitions.change.transferred' },
    });
    // after the digest hour a change is sent at once again
    when(3.5);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'investigating' });
    expect((await keysTo(XIAO)).at(-1)).toBe('petitions.note.status');
  });

  it('asking for information reaches only the petitioner, and the answer goes back to the deputy', async () => {
    const p = await petitions.file(XIAO, culvert);
    when(1);
    await petitions.cosign(p.id, CHEN, false);
    when(2);
    await petitions.askInformation(deputy(DEPUTY), p.id, '积水一般有多深？');
    expect(await keysTo(XIAO)).toEqual(['petitions.note.infoRequest']);
    expect(await keysTo(CHEN)).toEqual([]);
    when(3);
    await expect(petitions.addInformation(p.id, CHEN, { text: '我来答', photo: null })).rejects.toBeInstanceOf(
      errors.NotPetitioner,
    );
    await petitions.addInformation(p.id, XIAO, { text: '到膝盖', photo: 'photo-c' });
    const info = (await to(DEPUTY)).at(-1)!;
    expect(info.body).toMatchObject({ key: 'petitions.fwd.info', photo: 'photo-c', params: { text: '到膝盖' } });
  });

  it('a meeting with the bureau chiefs is recorded on each petition and its residents are told', async () => {
    const a = await petitions.file(XIAO, culvert);
    const b = await petitions.file(LI, { ...culvert, place: '铁路新村', description: '路口积水', photos: [] });
    when(DAY);
    await expect(
      petitions.recordMeeting(deputy(DEPUTY), {
        heldOn: '2026-05-10',
        departmentIds: [await dept('水务局')],
        petitionIds: [a.id, b.id],
        outcome: '水务局承诺汛期前完工',
      }),
    ).rejects.toBeInstanceOf(errors.NotMeetingItem);
    expect(await keysTo(XIAO)).toEqual([]);
    await petitions.recordMeeting(deputy(DEPUTY), {
      heldOn: '2026-05-10',
      departmentIds: [await dept('水务局'), await dept('住建局')],
      petitionIds: [a.id],
      outcome: '水务局承诺汛期前完工',
    });
    const note = (await to(XIAO))[0]!;
    expect(note.body).toMatchObject({
      key: 'petitions.note.meeting',
      params: { date: '2026-05-10', outcome: '水务局承诺汛期前完工', departments: { 'zh-CN': '水务局、住建局' } },
    });
  });
});

describe('time limits, chasing and feedback', () => {
  it(
    'the deputy is reminded before the limit; after it staff are alerted and the residents get a chase button, ' +
      'once',
    async () => {
      const p = await petitions.file(XIAO, culvert);
      when(1);
      await petitions.cosign(p.id, CHEN, false);
      expect(await petitions.checkDeadlines(at(DAY))).toBe(0);
      expect(await petitions.checkDeadlines(at(2.5 * DAY))).toBe(1);
      expect((await keysTo(DEPUTY)).at(-1)).toBe('petitions.remind.ack');
      when(2.5 * DAY);
      await expect(petitions.chase(p.id, XIAO)).rejects.toBeInstanceOf(errors.NotOverdue);
      expect(await petitions.checkDeadlines(at(3 * DAY + 1))).toBe(3);
      expect(await keysTo(STAFF)).toEqual(['petitions.escalate.ack']);
      for (const user of [XIAO, CHEN]) expect(JSON.stringify((await to(user)).at(-1)!.body)).toContain(`pt:ch:${p.id}`);
      expect(await petitions.checkDeadlines(at(3 * DAY + 2))).toBe(0);
      when(3 * DAY + 3);
      await petitions.chase(p.id, CHEN);
      expect((await keysTo(DEPUTY)).at(-1)).toBe('petitions.fwd.chase');
      expect((await keysTo(STAFF)).at(-1)).toBe('petitions.fwd.chase');
      when(3 * DAY + 4);
      await expect(petitions.chase(p.id, CHEN)).rejects.toBeInstanceOf(errors.ChasedToday);
      await expect(petitions.chase(p.id, LI)).rejects.toBeInstanceOf(errors.NotFollower);
    },
  );

  it('"not solved" reopens the petition with a new answer limit and the deputy is told; ratings are kept', async () => {
    const p = await petitions.file(XIAO, culvert);
    when(1);
    await expect(petitions.giveFeedback(p.id, XIAO, 'yes')).rejects.toBeInstanceOf(errors.NoFeedbackNow);
    when(2 * DAY);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'resolved', note: '已疏通' });
    when(3 * DAY);
    const reopened = await petitions.giveFeedback(p.id, XIAO, 'no');
    expect(reopened).toMatchObject({
      status: 'reopened',
      round: 1,
      answeredAt: null,
      answerDueAt: at(18 * DAY).toISOString(),
    });
    expect((await keysTo(DEPUTY)).at(-1)).toBe('petitions.fwd.reopened');
    await petitions.rate(p.id, XIAO, 1);
    when(10 * DAY);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'resolved', note: '加装了水泵' });
    when(11 * DAY);
    await petitions.giveFeedback(p.id, XIAO, 'yes');
    await petitions.rate(p.id, XIAO, 5);
    expect(await petitions.petition(p.id)).toMatchObject({
      status: 'resolved',
      solved: 'yes',
      satisfaction: 5,
    });
    await expect(petitions.rate(p.id, CHEN, 1)).rejects.toBeInstanceOf(errors.NotPetitioner);
  });

  it('"it happened again" is counted and forwarded with its photo', async () => {
    const p = await petitions.file(XIAO, culvert);
    when(1);
    await petitions.cosign(p.id, CHEN, false);
    when(2 * DAY);
    expect(await petitions.addOccurrence(p.id, CHEN, { text: '今天又淹了', photo: 'photo-z' })).toBe(1);
    when(4 * DAY);
    expect(await petitions.addOccurrence(p.id, XIAO, { text: null, photo: null })).toBe(2);
    await expect(petitions.addOccurrence(p.id, LI, { text: 'x', photo: null })).rejects.toBeInstanceOf(
      errors.NotFollower,
    );
    const fwd = (await to(DEPUTY)).filter((d) => d.body.key === 'petitions.fwd.occurrence');
    expect(fwd.map((d) => [d.body.params!.count, d.body.params!.date, d.body.photo])).toEqual([
      [1, '2026-05-06', 'photo-z'],
      [2, '2026-05-08', undefined],
    ]);
  });

  it('one follower cannot flood the deputies: three "it happened again" a day, then a polite no', async () => {
    const p = await petitions.file(XIAO, culvert);
    for (const n of [1, 2, 3]) {
      when(DAY + n);
      expect(await petitions.addOccurrence(p.id, XIAO, { text: `第${n}次`, photo: null })).toBe(n);
    }
    when(DAY + 5);
    await expect(petitions.addOccurrence(p.id, XIAO, { text: '再一次', photo: null })).rejects.toBeInstanceOf(
      errors.OccurrenceLimit,
    );
    when(2 * DAY + 2);
    expect(await petitions.addOccurrence(p.id, XIAO, { text: '第二天又淹了', photo: null })).toBe(4);
  });
});

describe('the three rates', () => {
  it('response, resolution and satisfaction per deputy and overall', async () => {
    const a = await petitions.file(XIAO, culvert);
    const b = await petitions.file(CHEN, { ...culvert, category: 'noise', description: '广场舞太吵', photos: [] });
    const c = await petitions.file(LI, { ...culvert, place: '铁路新村', description: '路灯坏了', photos: [] });
    when(12);
    await petitions.acknowledge(deputy(DEPUTY), a.id);
    when(5 * DAY);
    await petitions.setStatus(deputy(DEPUTY), a.id, { status: 'resolved', note: '好了' });
    when(6 * DAY);
    await petitions.giveFeedback(a.id, XIAO, 'yes');
    await petitions.rate(a.id, XIAO, 4);
    when(4 * DAY);
    await petitions.acknowledge(deputy(DEPUTY), b.id); // late
    when(DAY);
    await petitions.setStatus(deputy(OTHER_DEPUTY), c.id, { status: 'unresolvable', note: '不归街道管' });
    const r = await petitions.responsiveness(t0.toISOString(), at(30 * DAY).toISOString(), at(20 * DAY));
    expect(r.overall).toMatchObject({
      filed: 3,
      responseRate: 2 / 3,
      resolutionRate: 1 / 3,
      satisfaction: 4,
      rated: 1,
      medianAckHours: 24,
      medianResolveDays: 5,
      overdue: 1,
    });
    const zhou = r.deputies.find((d) => d.userId === DEPUTY)!;
    expect(zhou.rates).toMatchObject({ filed: 2, responseRate: 0.5, resolutionRate: 0.5 });
    expect(r.deputies.find((d) => d.userId === OTHER_DEPUTY)!.rates).toMatchObject({
      filed: 1,
      responseRate: 1,
      resolutionRate: 0,
    });
    expect(rates([], t0)).toMatchObject({ filed: 0, responseRate: null, satisfaction: null });
  });
});

describe('rules of text', () => {
  it('the CSV export has every petition, no phone numbers, and cannot run formulas', async () => {
    await petitions.file(XIAO, { ...culvert, description: '=HYPERLINK("http://evil")' });
    const csv = await petitions.exportCsv();
    expect(csv.split('\n')[0]).toContain('id,created_at,community');
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
    expect(csv).not.toContain('13800000000');
  });

  it('demo data can be loaded twice and its residents are never written to', async () => {
    expect(await seedDemoPetitions(platform, residents, policy)).toBe(3);
    expect(await seedDemoPetitions(platform, residents, policy)).toBe(0);
    const demo = await platform.identity.user(DEMO_RESIDENTS[0]!.id);
    expect(demo).toMatchObject({ firstName: '肖大爷', reachable: false });
    expect((await petitions.departments()).map((d) => d.nameZh)).toEqual(
      expect.arrayContaining(['水务局', '交通局', '住建局']),
    );
    expect(await deliveries()).toEqual([]);
  });
});
