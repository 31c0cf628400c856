import { describe, expect, it } from 'vitest';
import * as errors from '../../../src/features/petitions/errors';
import { listAudit } from '../../../src/identity';
import {
  at,
  CHEN,
  culvert,
  DAY,
  DEPUTY,
  dept,
  deputy,
  h,
  keysTo,
  LI,
  OTHER_DEPUTY,
  petitions,
  STAFF,
  shizitou,
  staff,
  to,
  useWorld,
  when,
  XIAO,
  yeyachong,
} from './world';

useWorld();

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

  it('a neighbour who has co-signed the petition is not offered it again', async () => {
    const p = await petitions.file(XIAO, culvert);
    const draft = { category: 'roads' as const, place: '肖明组涵洞', description: '涵洞又淹了，上班过不去' };
    expect((await petitions.similar(CHEN, { ...draft, latitude: null, longitude: null })).length).toBe(1);
    await petitions.cosign(p.id, CHEN, false);
    expect(await petitions.similar(CHEN, { ...draft, latitude: null, longitude: null })).toEqual([]);
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
