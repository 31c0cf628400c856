import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { ActivitiesService } from '../../../src/features/activities';
import { plainTexts, seen } from '../../support/chat';
import { startBot, type TestBot } from '../../support/harness';
import { at, lecture } from './support';

// A volunteering outing: three volunteers come, one volunteer does not, and a resident who is not a volunteer comes
// too. When it is over, the three volunteers' hours grow by its length, once, and each is thanked once.
const STAFF = 6701;
const [V1, V2, V3, V4] = [6801, 6802, 6803, 6804]; // V3 reads English; V4 signs up and does not come
const RESIDENT = 6901; // comes, but is not in any volunteer team

let tb: TestBot;
let activities: ActivitiesService;
let outingId: number;

beforeAll(async () => {
  tb = await startBot({ clock: new ManualClock(at('2026-11-30T10:00:00')) });
  activities = tb.services.activities;
  const partners = tb.services.partners;
  await tb.withRole(STAFF, 'staff', { first_name: '小张' });
  const team = await partners.createTeam(STAFF, '便民服务队', '上门维修、代买代办');
  for (const id of [V1, V2, V3, V4]) {
    await tb.resident(id, id === V3 ? { first_name: 'Tom', language_code: 'en' } : {});
    await partners.apply(id, team);
    await partners.decide(STAFF, team, id, true);
  }
  await tb.resident(RESIDENT);
  const staff = { id: STAFF, staff: true };
  outingId = await activities.create(
    staff,
    lecture({
      titleZh: '河边捡垃圾',
      titleEn: 'Riverside clean-up',
      kind: 'volunteering',
      date: '2026-12-06',
      startsAt: '09:00',
      endsAt: '11:30',
      capacity: 10,
    }),
  );
  await activities.publish(staff, outingId);
  const signups = new Map<number, number>();
  for (const id of [V1, V2, V3, V4, RESIDENT]) signups.set(id, (await activities.signUp(id, outingId)).signup.id);
  tb.clock.set(at('2026-12-06T09:10:00'));
  for (const id of [V1, V2, V3, RESIDENT]) await activities.checkIn(STAFF, signups.get(id)!, 'search');
  // a second check-in of the same person is refused: it cannot count them twice
  await expect(activities.checkIn(STAFF, signups.get(V1)!, 'search')).rejects.toThrow();
  await tb.delivered();
});
afterAll(() => tb.stop());

const minutesOf = async (id: number) => (await tb.services.partners.hoursOf(id)).totalMinutes;
const thanks = (id: number) =>
  seen(tb, id)
    .filter((m) => /志愿服务已记|Your volunteering at/.test(m.text ?? ''))
    .map((m) => m.text ?? '');

describe('volunteer hours from a volunteering activity', () => {
  it('nothing is credited while the outing is still going on', async () => {
    tb.clock.set(at('2026-12-06T11:00:00'));
    await tb.runJobs();
    for (const id of [V1, V2, V3]) expect(await minutesOf(id)).toBe(0);
  });

  it('once it is over, each volunteer who came gets its 2.5 hours once, even when the job runs twice', async () => {
    tb.clock.set(at('2026-12-06T11:40:00'));
    await tb.runJobs();
    await tb.runJobs();
    await tb.delivered();
    for (const id of [V1, V2, V3]) expect(await minutesOf(id)).toBe(150);
    expect(await minutesOf(V4)).toBe(0); // signed up, did not come
    expect(await minutesOf(RESIDENT)).toBe(0); // came, but is not a volunteer
    expect(await tb.services.partners.volunteerHours('2026-12-01', '2027-01-01')).toEqual({
      minutes: 3 * 150,
      people: 3,
    });
    expect(thanks(V1)).toEqual([
      '⏱ 2026-12-06「河边捡垃圾」的志愿服务已记 2.5 小时（计入「便民服务队」）。谢谢您！点下面的按钮看总时长。',
    ]);
    expect(thanks(V3)).toEqual([
      '⏱ Your volunteering at «Riverside clean-up» on 2026-12-06 is logged: 2.5 h (with «便民服务队»). Thank you! Tap the button below for your total.',
    ]);
    expect(thanks(V4)).toEqual([]);
    expect(thanks(RESIDENT)).toEqual([]);
  });

  it('the same attendance offered again is not credited again', async () => {
    const again = await tb.db.transaction().execute((trx) =>
      tb.services.partners.creditHours(trx, [
        {
          key: `activity:${outingId}:${V1}`,
          userId: V1,
          date: '2026-12-06',
          minutes: 150,
          what: { 'zh-CN': '河边捡垃圾', en: 'Riverside clean-up' },
          partnerId: null,
        },
      ]),
    );
    expect(again).toBe(0);
    expect(await minutesOf(V1)).toBe(150);
  });

  it('a volunteer sees the outing in their own hours', async () => {
    const out = await (await tb.user(V1).command('/hours')).reply();
    const text = plainTexts(out);
    expect(text).toContain('您的志愿服务时长：共 2.5 小时');
    expect(text).toContain('· 2026-12-06 便民服务队 2.5 小时 河边捡垃圾');
  });
});
