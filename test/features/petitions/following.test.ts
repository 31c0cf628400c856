import { describe, expect, it } from 'vitest';
import { localDate } from '../../../src/core/time';
import { DEMO_RESIDENTS, seedDemoPetitions } from '../../../src/features/petitions/demo';
import * as errors from '../../../src/features/petitions/errors';
import { rates } from '../../../src/features/petitions/rates';
import {
  at,
  CHEN,
  culvert,
  DAY,
  DEPUTY,
  deliveries,
  dept,
  deputy,
  keysTo,
  LI,
  OTHER_DEPUTY,
  petitions,
  platform,
  policy,
  residents,
  STAFF,
  t0,
  to,
  useWorld,
  when,
  XIAO,
} from './world';

// Time limits, chasing, feedback, the three rates and the rules of text (split from service.test.ts).
useWorld();

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
  it('response, resolution and satisfaction per deputy and overall, as counted one by one', async () => {
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
    // the database's counts agree with the same figures counted one petition at a time
    const each = await Promise.all([a.id, b.id, c.id].map((id) => petitions.petition(id)));
    expect(r.overall).toEqual(rates(each, at(20 * DAY)));
    expect(rates([], t0)).toMatchObject({ filed: 0, responseRate: null, satisfaction: null });
    // the community report reads only the columns it counts, and counts the same
    const report = await petitions.reportFigures(t0.toISOString(), at(30 * DAY).toISOString(), at(20 * DAY));
    const counted = ['filed', 'ackedInTime', 'ackDue', 'resolved', 'answerDue', 'satisfied', 'rated'] as const;
    const whole = rates(each, at(20 * DAY));
    for (const k of counted)
      expect(
        report.months.reduce((n, m) => n + m[k], 0),
        k,
      ).toBe(whole[k]);
    expect(report.months.reduce((n, m) => n + m.ratingSum, 0)).toBe(4);
    const categories = report.months.flatMap((m) => m.byCategory);
    expect(categories.find((c) => c.category === 'noise')?.count).toBe(1);
    expect(categories.reduce((n, c) => n + c.count, 0)).toBe(3);
  });

  it('the community report’s months each count what the rates count one petition at a time in that month', async () => {
    const a = await petitions.file(XIAO, culvert);
    when(1);
    const b = await petitions.file(CHEN, { ...culvert, category: 'noise', description: '广场舞太吵', photos: [] });
    when(12);
    await petitions.acknowledge(deputy(DEPUTY), a.id);
    when(30 * DAY); // June
    const c = await petitions.file(LI, { ...culvert, place: '铁路新村', description: '路灯坏了', photos: [] });
    when(30 * DAY + 2);
    const d = await petitions.file(CHEN, { ...culvert, category: 'noise', description: '夜里装修', photos: [] });
    when(31 * DAY);
    await petitions.setStatus(deputy(DEPUTY), a.id, { status: 'resolved', note: '好了' });
    await petitions.giveFeedback(a.id, XIAO, 'yes');
    await petitions.rate(a.id, XIAO, 5);
    await petitions.acknowledge(deputy(DEPUTY), d.id);
    const now = at(40 * DAY);
    const report = await petitions.reportFigures(t0.toISOString(), at(60 * DAY).toISOString(), now);
    expect(report.months.map((m) => m.month)).toEqual(['2026-05', '2026-06']);
    const each = await Promise.all([a, b, c, d].map((p) => petitions.petition(p.id)));
    for (const m of report.months) {
      const mine = each.filter((p) => localDate(new Date(p.createdAt), policy.timezone).startsWith(m.month));
      const r = rates(mine, now);
      const { filed, ackedInTime, ackDue, resolved, answerDue, satisfied, rated } = r;
      const ratingSum = mine.reduce((n, p) => n + (p.satisfaction ?? 0), 0);
      expect(m, m.month).toMatchObject({
        filed,
        ackedInTime,
        ackDue,
        resolved,
        answerDue,
        satisfied,
        rated,
        ratingSum,
      });
      const byOne = <K>(key: (p: (typeof mine)[number]) => K) =>
        [...new Set(mine.map(key))].map((k) => [k, mine.filter((p) => key(p) === k).length]);
      expect(m.byCategory.map((x) => [x.category, x.count])).toEqual(byOne((p) => p.category));
      expect(m.byCommunity.map((x) => [x.communityId, x.count])).toEqual(byOne((p) => p.communityId));
      expect(m.byCategory.every((x) => x.nameZh !== '' && x.nameEn !== '')).toBe(true);
    }
    // June: c's acknowledgement is overdue (due, not in time), d was acknowledged in time
    expect(report.months[1]).toMatchObject({ filed: 2, ackDue: 2, ackedInTime: 1 });
    expect(report.months[0]).toMatchObject({ filed: 2, resolved: 1, rated: 1, ratingSum: 5 });
    // a range inside one month is that month
    const may = await petitions.reportFigures(at(-1).toISOString(), at(10 * DAY).toISOString(), now);
    expect(may.months.map((m) => [m.month, m.filed])).toEqual([['2026-05', 2]]);
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

describe('only what the state allows', () => {
  it('a stale or forged action is refused by name and changes nothing', async () => {
    const p = await petitions.file(XIAO, culvert);
    when(1);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'transferred', departmentId: await dept('城管局') });
    const before = (await deliveries()).length;
    await expect(petitions.acknowledge(deputy(DEPUTY), p.id)).rejects.toBeInstanceOf(errors.AlreadyAcknowledged);
    await expect(petitions.setStatus(deputy(DEPUTY), p.id, { status: 'accepted' })).rejects.toBeInstanceOf(
      errors.NotNow,
    );
    await expect(
      petitions.setStatus(deputy(DEPUTY), p.id, { status: 'transferred', departmentId: await dept('城管局') }),
    ).rejects.toBeInstanceOf(errors.NotNow);
    expect((await deliveries()).length).toBe(before); // nobody was told anything
    when(2);
    await petitions.setStatus(deputy(DEPUTY), p.id, { status: 'resolved', note: '已改造' });
    const closed = (await deliveries()).length;
    await expect(petitions.replyToPetitioner(deputy(DEPUTY), p.id, '补一句')).rejects.toBeInstanceOf(
      errors.PetitionClosed,
    );
    await expect(petitions.askInformation(deputy(DEPUTY), p.id, '还有吗')).rejects.toBeInstanceOf(
      errors.PetitionClosed,
    );
    await petitions.giveFeedback(p.id, XIAO, 'yes');
    await expect(petitions.giveFeedback(p.id, XIAO, 'no')).rejects.toBeInstanceOf(errors.NoFeedbackNow);
    expect((await deliveries()).length).toBe(closed);
    expect(await petitions.petition(p.id)).toMatchObject({ status: 'resolved', solved: 'yes' });
  });
});
