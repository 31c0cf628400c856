import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { renderSvg } from '../../../src/charts/render';
import { ManualClock } from '../../../src/core/clock';
import type { ActivitiesService } from '../../../src/features/activities';
import { reportPicture } from '../../../src/features/fund/pictures/report';
import { parsePeriod } from '../../../src/features/fund/report';
import { plainTexts } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { at, lecture } from './support';

// December's activities in the community report: a lecture by the community with a no-show and a walk-in, a health
// check by a partner, a fire drill with its outcome; a draft and January's lecture are not December's.
const STAFF = 6501;
const STAFF_EN = 6502;
const [AN, BO, CHEN, DU] = [6601, 6602, 6603, 6604];

let tb: TestBot;
let activities: ActivitiesService;

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-30T10:00:00')) });
  activities = tb.services.activities;
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.withRole(STAFF_EN, 'staff', { first_name: 'Sam', language_code: 'en' });
  for (const id of [AN, BO, CHEN, DU]) await tb.resident(id);
  const lele = await tb.services.partners.addPartner(null, {
    name: '乐乐超市',
    type: 'business',
    description: '连锁超市',
    contact: '王店长',
    offers: [],
  });
  const staff = { id: STAFF, staff: true };
  const make = async (over: Parameters<typeof lecture>[0], publish = true) => {
    const id = await activities.create(staff, lecture(over));
    if (publish) await activities.publish(staff, id);
    return id;
  };
  const talk = await make({ capacity: 10 });
  const health = await make({
    titleZh: '义诊：量血压',
    titleEn: 'Blood pressure check',
    kind: 'health',
    partnerId: lele,
    date: '2026-12-05',
    startsAt: '09:00',
    endsAt: '11:00',
    capacity: 5,
  });
  const drill = await make({
    titleZh: '消防疏散演练',
    titleEn: 'Fire drill',
    kind: 'drill',
    date: '2026-12-10',
    startsAt: '15:00',
    endsAt: '15:30',
    capacity: null,
    signupNeeded: false,
  });
  const later = await make({ date: '2027-01-07' });
  await make({ titleZh: '还没发布的讲座', date: '2026-12-12' }, false);

  const signups: Record<string, number> = {};
  for (const [who, id] of [
    [AN, talk],
    [BO, talk],
    [CHEN, talk],
    [AN, health],
    [DU, health],
    [BO, later],
  ] as const)
    signups[`${who}:${id}`] = (await activities.signUp(who, id)).signup.id;

  tb.clock.set(at('2026-12-03T19:05:00'));
  await activities.checkIn(STAFF, signups[`${AN}:${talk}`]!, 'search');
  await activities.checkIn(STAFF, signups[`${BO}:${talk}`]!, 'search');
  await activities.walkIn(STAFF, talk, '路过的刘阿姨');
  tb.clock.set(at('2026-12-05T09:10:00'));
  await activities.checkIn(STAFF, signups[`${AN}:${health}`]!, 'search');
  await activities.checkIn(STAFF, signups[`${DU}:${health}`]!, 'search');
  tb.clock.set(at('2026-12-10T15:20:00'));
  await activities.recordDrill(STAFF, drill, 120, 270);
  tb.clock.set(at('2026-12-20T10:00:00'));
  await tb.delivered(); // the announcements are out: what staff get next is the report
});
afterAll(() => tb.stop());

describe('activities in the community report', () => {
  it('/report for the month says how many were held, signed up, came and did not, by kind and organiser', async () => {
    const out = await (await tb.user(STAFF, { first_name: '小张' }).command('/report', '2026-12')).reply();
    const text = plainTexts(out);
    expect(text).toContain('📅 社区活动：办了 3 场，报名 5 人次，到场 5 人次（其中现场来的 1 人次），报名未到 1 人次');
    expect(text).toContain(
      '按类型：讲座 1 场（到场/报名 3/3）、健康 1 场（到场/报名 2/2）、演练 1 场（到场/报名 0/0）',
    );
    expect(text).toContain('按主办方：社区 2 场（到场/报名 3/3）、乐乐超市 1 场（到场/报名 2/2）');
    expect(text).toContain('🚨 应急演练：1 次，120 人参加，用时 4 分 30 秒');
    expect(out.find((c) => c.method === 'sendPhoto')?.ok).toBe(true);
  });

  it('an English-speaking staff member reads the same figures in English', async () => {
    const u = tb.user(STAFF_EN, { first_name: 'Sam', language_code: 'en' });
    const text = plainTexts(await (await u.command('/report', '2026-12')).reply());
    expect(text).toContain(
      '📅 Community activities: 3 held, 5 sign-ups, 5 attended (of them 1 walk-ins), 1 signed up and did not come',
    );
    expect(text).toContain('by kind: Lecture 1 (attended/signed up 3/3); Health 1 (attended/signed up 2/2)');
    expect(text).toContain('by organiser: the community 2 (attended/signed up 3/3); 乐乐超市 1');
    expect(text).toContain('🚨 Drills: 1, 120 took part, time taken 4 min 30 s');
  });

  it('the report’s picture carries the headline activity figure from the same report', async () => {
    const r = await tb.services.fund.report(parsePeriod('2026-12')!);
    const t = (locale: 'zh-CN' | 'en') => ({ t: tb.platform.i18n.getFixedT(locale), locale });
    const zh = renderSvg(reportPicture(t('zh-CN'), r));
    expect(zh).toContain('社区活动（场）');
    expect(zh).toContain('到场/报名 5/5 · 未到 1');
    const en = renderSvg(reportPicture(t('en'), r));
    expect(en).toContain('Activities held');
    expect(en).toContain('attended/signed up 5/5 · no-shows 1');
    // January's lecture is January's
    const jan = await tb.services.fund.report(parsePeriod('2027-01')!);
    expect(jan.activities).toMatchObject({ held: 0, signUps: 0 });
  });
});
