import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { ActivitiesService } from '../../../src/features/activities';
import { listAudit } from '../../../src/identity';
import { alertOf, button, buttons, plainTexts, say, seen, tap } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { at, lecture } from './support';

// Partners run activities of their own when staff allow it (issue 17): staff turn it on and off from the activities
// panel; a partner creates, publishes, changes and cancels only their own; forged buttons are refused and audited.
const STAFF = 6601;
const SUN = 6602; // speaks for 阳光社工中心
const LELE = 6603; // speaks for 乐乐超市
const MOM = 6604; // a resident
const NEW = 6605; // holds the partner role, but no listed partner names them yet

let tb: TestBot;
let activities: ActivitiesService;
let staffLectureId: number;
let sunActivityId: number;

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-30T10:00:00')) });
  activities = tb.services.activities;
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.withRole(SUN, 'partner', { first_name: '孙社工' });
  await tb.withRole(LELE, 'partner', { first_name: '乐乐老板' });
  await tb.resident(MOM, { first_name: '刘妈妈' });
  await tb.withRole(NEW, 'partner', { first_name: '新合伙人' });
  const partner = { type: 'group' as const, description: '-', contact: '-', offers: [] };
  await tb.services.partners.addPartner(null, { ...partner, name: '阳光社工中心', userId: SUN });
  await tb.services.partners.addPartner(null, { ...partner, name: '乐乐超市', type: 'business', userId: LELE });
  staffLectureId = await activities.create({ id: STAFF, staff: true }, lecture());
});
afterAll(() => tb.stop());

const staff = () => tb.user(STAFF, { first_name: '小张' });
const sun = () => tb.user(SUN, { first_name: '孙社工' });
const lele = () => tb.user(LELE, { first_name: '乐乐老板' });
const mom = () => tb.user(MOM, { first_name: '刘妈妈' });
const denials = async (actorId: number) => (await listAudit(tb.db, { actorId, action: 'denied' })).length;

describe('partners’ own activities, when staff allow them', () => {
  it('until staff allow it a partner’s entry says so politely; staff turn it on from the activities panel; one no partner names is told to ask staff', async () => {
    let out = await say(sun(), '📅 我们办的活动');
    expect(plainTexts(out)).toContain('社区工作人员现在没有开放合伙人自办活动');
    expect(activities.partnersMayCreate()).toBe(false);

    out = await say(staff(), '🧰 工作台');
    out = await tap(staff(), button(out, '社区活动'));
    expect(buttons(out).map((b) => b.text)).toContain('🤝 合伙人自办活动：未允许（点此允许）');
    out = await tap(staff(), button(out, '合伙人自办活动'));
    expect(buttons(out).map((b) => b.text)).toContain('🤝 合伙人自办活动：已允许（点此关闭）');
    expect(activities.partnersMayCreate()).toBe(true);
    out = await say(tb.user(NEW), '📅 我们办的活动');
    expect(plainTexts(out)).toContain('你的账号还没有关联到合伙人名录里的单位');
    const audit = await listAudit(tb.db, { actorId: STAFF, action: 'settings.set' });
    expect(audit.map((a) => a.subject)).toContain('activities.partnersMayCreate');
  });

  it('a partner creates a class with their own name as organiser, publishes it and sees only their own', async () => {
    let out = await say(sun(), '📅 我们办的活动');
    expect(plainTexts(out)).toContain('还没有活动');
    expect(buttons(out).map((b) => b.text)).not.toContain('✅ 今天的签到');
    out = await tap(sun(), button(out, '新建活动'));
    out = await tap(sun(), button(out, '课堂'));
    expect(plainTexts(out)).not.toContain('谁主办');
    expect(plainTexts(out)).toContain('活动名称');
    out = await say(sun(), '亲子手工课\nParent-child crafts');
    out = await tap(sun(), button(out, '跳过'));
    await say(sun(), '2026-12-05');
    out = await say(sun(), '14:00-16:00');
    out = await tap(sun(), button(out, '只办一次'));
    out = await tap(sun(), button(out, '其他地点'));
    out = await say(sun(), '阳光社工中心活动室');
    out = await tap(sun(), button(out, '所有居民'));
    out = await say(sun(), '20');
    out = await tap(sun(), button(out, '跳过'));
    expect(plainTexts(out)).toContain('主办：阳光社工中心');
    out = await tap(sun(), button(out, '保存并发布'));
    expect(plainTexts(out)).toContain('已发布');
    expect(buttons(out).map((b) => b.text)).not.toContain('👥 报名名单');

    const mine = await activities.manageList({ id: SUN, staff: false });
    expect(mine.map((a) => a.titleZh)).toEqual(['亲子手工课']);
    sunActivityId = mine[0]!.id;
    expect(mine[0]).toMatchObject({ organiserName: '阳光社工中心', status: 'published', createdBy: SUN });
    out = await say(sun(), '📅 我们办的活动');
    expect(plainTexts(out)).toContain('你们办的活动');
    expect(buttons(out).some((b) => b.text.includes('公益法律讲座'))).toBe(false);

    await tb.runJobs();
    await tb.delivered();
    expect(
      seen(tb, MOM)
        .map((m) => m.text ?? '')
        .join('\n'),
    ).toContain('📅 新活动：【课堂】亲子手工课');
  });

  it('the partner moves their activity to another day from its panel, and is asked to confirm a cancellation there', async () => {
    let out = await say(sun(), '📅 我们办的活动');
    out = await tap(sun(), button(out, '亲子手工课'));
    out = await tap(sun(), button(out, '改日期'));
    out = await say(sun(), '2026-12-06');
    expect(plainTexts(out)).toContain('已修改');
    expect((await activities.activity(sunActivityId)).date).toBe('2026-12-06');
    out = await tap(sun(), button(out, '取消活动'));
    expect(plainTexts(out)).toContain('取消「亲子手工课」');
    expect(buttons(out).some((b) => b.text.includes('确认取消活动'))).toBe(true);
  });

  it('another partner’s and a resident’s forged buttons on that activity are refused and audited', async () => {
    const forgedByPartner = [
      `ac:m:${sunActivityId}`,
      `ac:ed:${sunActivityId}:d`,
      `ac:cx:${sunActivityId}`,
      `ac:cxy:${sunActivityId}`,
      `ac:sum:${sunActivityId}`,
      `ac:m:${staffLectureId}`,
      `ac:pub:${staffLectureId}`,
      // staff only, whatever the activity
      'ac:pt',
      `ac:ro:${sunActivityId}:0`,
      `ac:dk:${sunActivityId}`,
    ];
    const before = await denials(LELE);
    for (const data of forgedByPartner) {
      const out = await tap(lele(), data);
      expect(alertOf(out) ?? plainTexts(out)).toBeTruthy();
    }
    expect((await denials(LELE)) - before).toBe(forgedByPartner.length);

    const forgedByResident = ['ac:new', `ac:m:${sunActivityId}`, `ac:cxy:${sunActivityId}`, `ac:pub:${sunActivityId}`];
    for (const data of forgedByResident) await tap(mom(), data);
    await say(mom(), '📅 我们办的活动');
    expect(await denials(MOM)).toBe(forgedByResident.length + 1);

    expect(await activities.activity(sunActivityId)).toMatchObject({ status: 'published', date: '2026-12-06' });
    expect((await activities.activity(staffLectureId)).status).toBe('draft');
    expect(activities.partnersMayCreate()).toBe(true);
  });

  it('staff turn it off: the partner’s activity stays published, and their entry answers politely', async () => {
    let out = await say(staff(), '🧰 工作台');
    out = await tap(staff(), button(out, '社区活动'));
    out = await tap(staff(), button(out, '合伙人自办活动：已允许'));
    expect(buttons(out).map((b) => b.text)).toContain('🤝 合伙人自办活动：未允许（点此允许）');

    out = await say(sun(), '📅 我们办的活动');
    expect(plainTexts(out)).toContain('社区工作人员现在没有开放合伙人自办活动');
    out = await tap(sun(), `ac:m:${sunActivityId}`);
    expect(alertOf(out) ?? plainTexts(out)).toContain('没有开放合伙人自办活动');
    expect((await activities.activity(sunActivityId)).status).toBe('published');
  });
});
