import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import * as store from '../../../src/features/activities/store';
import { button, plainTexts, say, seen, tap } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { at } from './support';

// Staff create a ten-week class series for children over the fake Bot API: every choice a button.
const STAFF = 6401;
const MOM = 6501;

let tb: TestBot;

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-30T10:00:00')) });
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  await tb.resident(MOM, { first_name: '刘妈妈' });
  const partner = { type: 'group' as const, description: '社工机构', contact: '-', offers: [] };
  await tb.services.partners.addPartner(null, { ...partner, name: '阳光社工中心' });
});
afterAll(() => tb.stop());

describe('staff create an activity from the workbench', () => {
  it('a ten-week weekend class for children 6–12, saved and published, reaches residents', async () => {
    const staff = tb.user(STAFF, { first_name: '小张' });
    let out = await say(staff, '🧰 工作台');
    out = await tap(staff, button(out, '社区活动'));
    out = await tap(staff, button(out, '新建活动'));
    expect(plainTexts(out)).toContain('是什么类型');
    out = await tap(staff, button(out, '课堂'));
    expect(plainTexts(out)).toContain('谁主办');
    out = await tap(staff, button(out, '阳光社工中心'));
    out = await say(staff, "周末课堂：少儿美术\nWeekend class: children's art");
    out = await tap(staff, button(out, '跳过'));
    out = await say(staff, '上个月');
    expect(plainTexts(out)).toContain('没看懂这个日期');
    out = await say(staff, '2026-12-05');
    out = await say(staff, '11点到9点');
    expect(plainTexts(out)).toContain('开始要早于结束');
    out = await say(staff, '9:30-11:00');
    out = await tap(staff, button(out, '每周一次'));
    out = await say(staff, '10');
    expect(plainTexts(out)).toContain('在哪里办');
    out = await tap(staff, button(out, '其他地点'));
    out = await say(staff, '社区活动室\nCommunity activity room');
    out = await tap(staff, button(out, '儿童'));
    out = await say(staff, '6-12');
    out = await say(staff, '12');
    expect(plainTexts(out)).toContain('需要带什么');
    out = await say(staff, '画笔、水杯\nBrushes, a water bottle');
    expect(plainTexts(out)).toContain('【课堂】周末课堂：少儿美术');
    expect(plainTexts(out)).toContain('共 10 次');
    expect(plainTexts(out)).toContain('6–12 岁儿童');
    expect(plainTexts(out)).toContain('主办：阳光社工中心');
    expect(plainTexts(out)).toContain('请带：画笔、水杯');
    out = await tap(staff, button(out, '保存并发布'));
    expect(plainTexts(out)).toContain('已发布');

    const list = await store.activitiesBetween(tb.db, '2026-12-01', '2027-03-01', ['published']);
    expect(list.length).toBe(10);
    expect(list.map((a) => a.date)).toEqual(
      Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2026, 11, 5 + 7 * i)).toISOString().slice(0, 10)),
    );
    expect(list[0]).toMatchObject({ kind: 'class', audience: 'age', ageMin: 6, ageMax: 12, capacity: 12 });
    expect(list[0]).toMatchObject({
      organiserName: '阳光社工中心',
      bringZh: '画笔、水杯',
      bringEn: 'Brushes, a water bottle',
    });
    await tb.runJobs();
    await tb.delivered();
    const inbox = seen(tb, MOM).map((m) => m.text ?? '');
    expect(inbox.join('\n')).toContain('📅 新活动：【课堂】周末课堂：少儿美术');
  });
});
