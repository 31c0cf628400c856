import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { ActivitiesService } from '../../../src/features/activities';
import { alertOf, button, buttons, plainTexts, say, seen, tap } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { at, lecture, weekendClass } from './support';

// A week of community activities from the residents' side, over the fake Bot API with an injected clock.
const STAFF = 6001;
const WANG = 6101; // 王阿姨, Chinese
const TOM = 6102; // English
const LI = 6103; // a guardian with two children
const ZHAO = 6104; // another guardian

let tb: TestBot;
let activities: ActivitiesService;
let lectureId: number;
let classId: number;
const staffActor = { id: STAFF, staff: true };

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-30T10:00:00')) });
  activities = tb.services.activities;
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.resident(WANG, { first_name: '王阿姨' });
  await tb.resident(TOM, { first_name: 'Tom', language_code: 'en' });
  await tb.resident(LI, { first_name: '李姐' });
  await tb.resident(ZHAO, { first_name: '赵哥' });
  lectureId = await activities.create(staffActor, lecture());
  classId = await activities.create(staffActor, weekendClass());
  await activities.publish(staffActor, lectureId);
  await activities.publish(staffActor, classId);
  await tb.runJobs();
  await tb.delivered();
});
afterAll(() => tb.stop());

const inbox = (chatId: number) => seen(tb, chatId).map((m) => m.text ?? m.caption ?? '');
const wang = () => tb.user(WANG, { first_name: '王阿姨' });
const tom = () => tb.user(TOM, { first_name: 'Tom', language_code: 'en' });

describe('residents see what is coming, sign up, wait, cancel', () => {
  it('publishing tells every resident in their own language', () => {
    expect(inbox(WANG).join('\n')).toContain('📅 新活动：【讲座】公益法律讲座');
    expect(inbox(TOM).join('\n')).toContain('New activity: [Lecture] Free legal lecture');
    expect(inbox(LI).join('\n')).toContain('从 12月5日（周六） 起每周一次，共 10 次');
  });

  it('📅 近期活动 lists the next 30 days with places left; a resident signs up and gets a code', async () => {
    let out = await say(wang(), '📅 近期活动');
    expect(plainTexts(out)).toContain('【讲座】公益法律讲座');
    expect(plainTexts(out)).toContain('还剩 2 个（共 2 个）');
    expect(plainTexts(out)).toContain('（系列，还有 10 次）');
    out = await tap(wang(), button(out, '公益法律讲座'));
    expect(plainTexts(out)).toContain('请带：身份证');
    out = await tap(wang(), button(out, '报名'));
    expect(plainTexts(out)).toMatch(/报名成功！签到码 \d{6}/);
    expect(plainTexts(out)).toContain('还剩 1 个（共 2 个）');
    out = await tap(wang(), `ac:su:${lectureId}`);
    expect(alertOf(out) ?? plainTexts(out)).toContain('你已经报名了');
  });

  it('the English reader sees English, takes the last place; the next one joins the waitlist', async () => {
    let out = await tap(tom(), `ac:v:${lectureId}`);
    expect(plainTexts(out)).toContain('[Lecture] Free legal lecture');
    expect(plainTexts(out)).toContain('社区会议室 (in Chinese)');
    out = await tap(tom(), button(out, 'Sign up'));
    expect(plainTexts(out)).toContain('You are signed up!');
    out = await tap(tb.user(ZHAO), `ac:v:${lectureId}`);
    expect(plainTexts(out)).toContain('已满，0 人在排队');
    out = await tap(tb.user(ZHAO), button(out, '已满，排队'));
    expect(plainTexts(out)).toContain('你在排队第 1 位');
  });

  it('a cancellation moves the first in line up and tells them at once', async () => {
    let out = await tap(wang(), 'ac:my');
    expect(plainTexts(out)).toContain('🗂 我的活动');
    out = await tap(wang(), `ac:v:${lectureId}`);
    out = await tap(wang(), button(out, '取消报名'));
    expect(plainTexts(out)).toContain('取消「公益法律讲座」的报名？');
    out = await tap(wang(), button(out, '只取消这一次'));
    expect(plainTexts(out)).toContain('已取消 1 个报名');
    await tb.delivered();
    expect(inbox(ZHAO).join('\n')).toMatch(/🎉 排到了！公益法律讲座[\s\S]*签到码：\d{6}/);
  });

  it('the check-in code comes as a QR picture with the code in the caption', async () => {
    const out = await tap(tom(), 'ac:my');
    const code = await tap(tom(), button(out, 'Free legal lecture'));
    const pic = await tap(tom(), button(code, 'Check-in code'));
    const photo = pic.find((c) => c.method === 'sendPhoto');
    expect(String(photo?.payload.caption)).toMatch(/Check-in code: \d{6}/);
  });
});

describe('a guardian signs two children up for the ten-week class', () => {
  it('by name and age; the second waits on a full session and is promoted when a place comes free', async () => {
    const li = tb.user(LI, { first_name: '李姐' });
    let out = await tap(li, `ac:v:${classId}`);
    expect(plainTexts(out)).toContain('6–12 岁儿童（家长陪同）');
    expect(buttons(out).some((b) => b.text.includes('✍️ 报名'))).toBe(false);
    out = await tap(li, button(out, '为孩子报名整个系列'));
    expect(plainTexts(out)).toContain('请输入孩子的名字');
    out = await say(li, '小明');
    expect(plainTexts(out)).toContain('小明 几岁');
    out = await say(li, '八岁半');
    expect(plainTexts(out)).toContain('请输入年龄数字');
    out = await say(li, '8');
    expect(plainTexts(out)).toContain('小明：✅ 已报名 10 次，⏳ 排队 0 次');

    // Another guardian takes the second place of the first session only.
    const zhao = tb.user(ZHAO);
    await tap(zhao, `ac:ch:${classId}:1`);
    await say(zhao, '小红');
    out = await say(zhao, '7');
    expect(plainTexts(out)).toMatch(/小红：✅ 报名成功！签到码 \d{6}/);

    // Too old: refused, nothing changes.
    await tap(li, `ac:ch:${classId}:1`);
    await say(li, '大宝');
    out = await say(li, '14');
    expect(plainTexts(out)).toContain('大宝 14 岁，这个课堂收 6–12 岁的孩子，没有报名');

    // The second child of 李姐 waits for the first session, which is full.
    await tap(li, `ac:ch:${classId}:1`);
    await say(li, '小刚');
    out = await say(li, '10');
    expect(plainTexts(out)).toContain('小刚：⏳ 名额已满，你在排队第 1 位');

    out = await tap(zhao, `ac:v:${classId}`);
    out = await tap(zhao, button(out, '取消报名（小红）'));
    out = await tap(zhao, button(out, '只取消这一次'));
    await tb.delivered();
    expect(inbox(LI).join('\n')).toMatch(/🎉 排到了（小刚）！周末课堂：少儿美术/);
    out = await tap(li, `ac:v:${classId}`);
    expect(plainTexts(out)).toContain('✅ 已报名（小明）');
    expect(plainTexts(out)).toContain('✅ 已报名（小刚）');
  });

  it('a guardian cannot sign themself up for a children’s class, even with a forged button', async () => {
    const out = await tap(tb.user(LI, { first_name: '李姐' }), `ac:su:${classId}`);
    expect(alertOf(out) ?? plainTexts(out)).toContain('请用「为孩子报名」');
  });
});

describe('a session of a series on its own', () => {
  it('a guardian picks the third session from the list and signs a child up for that one only', async () => {
    const zhao = tb.user(ZHAO);
    let out = await tap(zhao, `ac:v:${classId}`);
    out = await tap(zhao, button(out, '选其他场次'));
    expect(plainTexts(out)).toContain('选一次报名');
    out = await tap(zhao, button(out, '第 3 次'));
    expect(plainTexts(out)).toContain('系列第 3 次（含本次还有 8 次）');
    out = await tap(zhao, button(out, '为孩子报名（本次）'));
    await say(zhao, '小红');
    out = await say(zhao, '7');
    expect(plainTexts(out)).toMatch(/小红：✅ 报名成功！签到码 \d{6}/);
    const mine = await activities.mine(ZHAO);
    expect(mine.filter((m) => m.activity.seriesId !== null).map((m) => m.activity.sessionNo)).toEqual([3]);
  });
});

describe('reminders arrive at the right local times', () => {
  it('the evening before from 19:00 and an hour before, each once, to those holding a place', async () => {
    tb.clock.set(at('2026-12-02T18:55:00'));
    await tb.runJobs();
    await tb.delivered();
    expect(inbox(TOM).join('\n')).not.toContain('Tomorrow');
    tb.clock.set(at('2026-12-02T19:00:00'));
    await tb.runJobs();
    await tb.runJobs();
    await tb.delivered();
    expect(inbox(TOM).filter((m) => m.includes('⏰ Tomorrow: Free legal lecture')).length).toBe(1);
    expect(inbox(ZHAO).join('\n')).toContain('⏰ 明天的活动：公益法律讲座');
    expect(inbox(WANG).join('\n')).not.toContain('⏰ 明天的活动'); // cancelled
    tb.clock.set(at('2026-12-03T17:59:00'));
    await tb.runJobs();
    await tb.delivered();
    expect(inbox(TOM).join('\n')).not.toContain('Starting soon');
    tb.clock.set(at('2026-12-03T18:00:00'));
    await tb.runJobs();
    await tb.runJobs();
    await tb.delivered();
    expect(inbox(TOM).filter((m) => m.includes('⏰ Starting soon: Free legal lecture')).length).toBe(1);
  });

  it('once it has started, sign-up is refused with a clear reply and nothing changes', async () => {
    tb.clock.set(at('2026-12-03T19:05:00'));
    const before = await activities.counts(lectureId);
    const out = await tap(wang(), `ac:su:${lectureId}`);
    expect(alertOf(out) ?? plainTexts(out)).toContain('活动已经开始');
    expect(await activities.counts(lectureId)).toEqual(before);
  });
});

describe('a change reaches everyone signed up at once', () => {
  it('staff move a session to another room from its panel; the guardian is told the new place', async () => {
    const staff = tb.user(STAFF, { first_name: '小张' });
    let out = await tap(staff, `ac:m:${classId}`);
    out = await tap(staff, button(out, '改地点'));
    expect(plainTexts(out)).toContain('新的地点');
    out = await say(staff, '社区图书室\nCommunity library');
    expect(plainTexts(out)).toContain('✅ 已修改。已报名和排队的 2 人已收到通知');
    expect(plainTexts(out)).toContain('📍 社区图书室');
    await tb.delivered();
    expect(inbox(LI).join('\n')).toMatch(/⚠️ 活动有变动：周末课堂：少儿美术[\s\S]*📍 社区图书室/);
    expect(inbox(TOM).join('\n')).not.toContain('Activity changed');
  });
});
