import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { ActivitiesService } from '../../../src/features/activities';
import { listAudit } from '../../../src/identity';
import { alertOf, button, plainTexts, say, seen, tap } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { at, lecture } from './support';

// The day of an activity from the staff side: the desk (code, name, walk-in), a drill's outcome, feedback the day
// after and the organiser's summary, the period's figures; residents' forged staff buttons.
const STAFF = 6201;
const AN = 6301;
const BO = 6302;
const CHEN = 6303;

let tb: TestBot;
let activities: ActivitiesService;
let lectureId: number;
let drillId: number;
const codes: Record<number, string> = {};

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-30T10:00:00')) });
  activities = tb.services.activities;
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  for (const [id, name] of [
    [AN, '安阿姨'],
    [BO, '薄师傅'],
    [CHEN, '陈大爷'],
  ] as const)
    await tb.resident(id, { first_name: name });
  const staff = { id: STAFF, staff: true };
  lectureId = await activities.create(staff, lecture({ capacity: 3 }));
  drillId = await activities.create(
    staff,
    lecture({
      titleZh: '消防疏散演练',
      titleEn: 'Fire drill',
      kind: 'drill',
      startsAt: '15:00',
      endsAt: '15:30',
      capacity: null,
      signupNeeded: false,
    }),
  );
  await activities.publish(staff, lectureId);
  await activities.publish(staff, drillId);
  for (const id of [AN, BO, CHEN]) codes[id] = (await activities.signUp(id, lectureId)).signup.code!;
});
afterAll(() => tb.stop());

const staff = () => tb.user(STAFF, { first_name: '小张' });

describe('on the day', () => {
  it('the desk opens only on the day; staff check people in by code and by name, and add a walk-in', async () => {
    let out = await tap(staff(), `ac:dk:${lectureId}`);
    expect(alertOf(out) ?? plainTexts(out)).toContain('签到只能在活动当天进行');

    tb.clock.set(at('2026-12-03T18:40:00'));
    out = await tap(staff(), 'ac:today');
    expect(plainTexts(out)).toContain('今天的活动，选一个开始签到');
    out = await tap(staff(), button(out, '公益法律讲座'));
    expect(plainTexts(out)).toContain('已到 0 人（报名 3，现场 0）');
    out = await say(staff(), codes[AN]!);
    expect(plainTexts(out)).toContain('✅ 安阿姨 已签到');
    expect(plainTexts(out)).toContain('已到 1 人');
    out = await say(staff(), codes[AN]!);
    expect(plainTexts(out)).toContain('安阿姨 已经在 18:40 签到过了');
    out = await say(staff(), '000001');
    expect(plainTexts(out)).toContain('没有这个签到码');
    out = await say(staff(), '薄');
    expect(plainTexts(out)).toContain('找到 1 人');
    out = await tap(staff(), button(out, '薄师傅'));
    expect(plainTexts(out)).toContain('✅ 薄师傅 已签到');
    out = await tap(staff(), button(out, '现场来的'));
    expect(plainTexts(out)).toContain('现场来的人叫什么名字');
    out = await say(staff(), '路过的刘阿姨');
    expect(plainTexts(out)).toContain('已记下现场来的：路过的刘阿姨');
    expect(plainTexts(out)).toContain('已到 3 人（报名 3，现场 1）');
  });

  it('a QR code scanned by staff checks the resident in; scanned by a resident it is refused', async () => {
    const s = (await activities.mineFor(CHEN, lectureId))[0]!.signup;
    const payload = `ac_${s.id}_${s.code}`;
    let out = await (await tb.user(AN).command(`/start ${payload}`)).reply();
    expect(plainTexts(out)).not.toContain('已签到');
    out = await (await staff().command(`/start ${payload}`)).reply();
    expect(plainTexts(out)).toContain('✅ 陈大爷 已签到');
    // 陈大爷 is counted as come; nobody left to count as a no-show.
    expect((await activities.counts(lectureId)).attended).toBe(4);
  });

  it('a drill records how many took part and how long it took', async () => {
    tb.clock.set(at('2026-12-03T14:00:00'));
    let out = await tap(staff(), `ac:dr:${drillId}`);
    expect(alertOf(out)).toContain('演练还没开始');
    tb.clock.set(at('2026-12-03T15:10:00'));
    out = await tap(staff(), `ac:m:${drillId}`);
    out = await tap(staff(), button(out, '记录演练结果'));
    expect(plainTexts(out)).toContain('有多少人参加');
    out = await say(staff(), '120人');
    out = await say(staff(), '四分半');
    expect(plainTexts(out)).toContain('请写用时');
    out = await say(staff(), '4分30秒');
    expect(plainTexts(out)).toContain('⏱ 演练结果：120 人参加，用时 4 分 30 秒');
    expect(await activities.activity(drillId)).toMatchObject({ drillPeople: 120, drillSeconds: 270 });
  });
});

describe('after it', () => {
  it('the day after, attendees rate it with one tap and a comment; the organiser sees the summary', async () => {
    tb.clock.set(at('2026-12-04T09:55:00'));
    await tb.runJobs();
    await tb.delivered();
    expect(seen(tb, AN).some((m) => (m.text ?? '').includes('怎么样'))).toBe(false);
    tb.clock.set(at('2026-12-04T10:00:00'));
    await tb.runJobs();
    await tb.runJobs();
    await tb.delivered();
    const asked = seen(tb, AN).filter((m) => (m.text ?? '').includes('昨天的「公益法律讲座」怎么样'));
    expect(asked.length).toBe(1);
    const an = tb.user(AN);
    const s = (await activities.signups(lectureId)).find((x) => x.userId === AN)!;
    let out = await tap(an, `ac:rt:${s.id}:4`);
    expect(plainTexts(out)).toContain('谢谢你的评价：⭐⭐⭐⭐');
    out = await tap(an, button(out, '再说两句'));
    out = await say(an, '律师讲得很清楚');
    expect(plainTexts(out)).toContain('主办方会看到');
    out = await tap(an, `ac:rt:${s.id}:1`);
    expect(alertOf(out) ?? plainTexts(out)).toContain('你已经评过分了');

    out = await tap(staff(), `ac:m:${lectureId}`);
    out = await tap(staff(), button(out, '报名名单'));
    expect(plainTexts(out)).toContain('👥 公益法律讲座：4 人');
    expect(plainTexts(out)).toContain('1. User6301 🙋 已到');
    expect(plainTexts(out)).toContain('路过的刘阿姨 🙋 已到');
    out = await tap(staff(), `ac:sum:${lectureId}`);
    expect(plainTexts(out)).toContain('报名 3 人，到场 4 人（现场 1）');
    expect(plainTexts(out)).toContain('报名未到：0 人');
    expect(plainTexts(out)).toContain('评分 4 ⭐（1 人评，问了 3 人）');
    expect(plainTexts(out)).toContain('⭐⭐⭐⭐ 律师讲得很清楚');
  });

  it('the period’s figures count activities held, sign-ups and attendance by kind', async () => {
    const f = await activities.activityFigures('2026-12-01', '2027-01-01');
    expect(f).toMatchObject({ held: 2, signUps: 3, attended: 4, walkIns: 1, noShows: 0, averageRating: 4 });
    expect(f.byKind).toEqual(
      expect.arrayContaining([
        { kind: 'lecture', held: 1, signUps: 3, attended: 4 },
        { kind: 'drill', held: 1, signUps: 0, attended: 0 },
      ]),
    );
  });

  it('the staff export lists the month’s activities with their figures, in the reader’s language', async () => {
    const exporter = tb.app.features.find((f) => f.name === 'activities')!.workbench!.exports![0]!;
    const t = tb.platform.i18n.getFixedT('zh-CN');
    const [list, byKind] = await exporter.sheets(t, { kind: 'month', month: '2026-12' });
    expect(list!.header.slice(0, 4)).toEqual(['日期', '时间', '类型', '名称']);
    const row = list!.rows.find((r) => r[3] === '公益法律讲座')!;
    expect(row.slice(5, 12)).toEqual([3, 3, 0, 4, 1, 0, 4]);
    expect(list!.rows.find((r) => r[3] === '消防疏散演练')!.slice(12)).toEqual([120, '4:30']);
    expect(byKind!.rows).toContainEqual(['讲座', 1, 3, 4]);
    expect(exporter.fileName({ kind: 'month', month: '2026-12' })).toBe('activities-2026-12');
  });
});

describe('staff actions are for staff', () => {
  it('a resident’s forged staff buttons and commands are refused and audited', async () => {
    const an = tb.user(AN);
    const forged = [
      'ac:new',
      `ac:ed:${lectureId}:d`,
      `ac:ls:0`,
      `ac:m:${lectureId}`,
      `ac:pub:${lectureId}`,
      `ac:puby:${lectureId}`,
      `ac:cxy:${lectureId}`,
      'ac:today',
      `ac:dk:${lectureId}`,
      `ac:ci:1`,
      `ac:wi:${lectureId}`,
      `ac:dr:${drillId}`,
      `ac:sum:${lectureId}`,
      `ac:ro:${lectureId}:0`,
    ];
    for (const data of forged) await tap(an, data);
    await (await an.command('/activities_manage')).reply();
    expect((await listAudit(tb.db, { actorId: AN, action: 'denied' })).length).toBe(forged.length + 1 + 1);
    expect((await activities.activity(lectureId)).status).toBe('published');
  });
});
