import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ADMIN, type ConsoleWorld, consoleWorld } from './support';

// The console lists the community report's figures: the month's activities are one of them, the same as /report's.
let w: ConsoleWorld;
beforeEach(async () => {
  w = await consoleWorld();
});
afterEach(() => w.close());

describe('activities among the console’s figures', () => {
  it('the dashboard and the public report show the month’s activities held and who came of those signed up', async () => {
    const activities = w.areas.services.activities;
    const staff = { id: ADMIN, staff: true };
    const id = await activities.create(staff, {
      titleZh: '防诈骗讲座',
      titleEn: 'Scam awareness talk',
      descriptionZh: '民警讲解常见骗局。',
      descriptionEn: null,
      kind: 'lecture',
      partnerId: null,
      compoundId: null,
      placeZh: '社区会议室',
      placeEn: null,
      latitude: null,
      longitude: null,
      placeAddress: null,
      date: '2026-03-10',
      startsAt: '14:00',
      endsAt: '15:00',
      sessions: 1,
      audience: 'all',
      audienceId: null,
      ageMin: null,
      ageMax: null,
      capacity: null,
      signupNeeded: true,
      bringZh: null,
      bringEn: null,
    });
    await activities.publish(staff, id);
    for (const user of [21, 22]) await w.platform.identity.touch({ id: user, first_name: `居民${user}` });
    const came = await activities.signUp(21, id);
    await activities.signUp(22, id);
    await activities.checkIn(ADMIN, came.signup.id, 'search');
    w.clock.set(new Date('2026-03-10T08:00:00Z')); // 16:00 in Shanghai: it is over

    const dash = await (await w.request('/', { initData: w.initData(ADMIN) })).text();
    expect(dash).toContain('社区活动（场）');
    expect(dash).toContain('到场/报名 1/2');
    const pub = await (await w.request('/public/report?period=2026-03')).text();
    expect(pub).toContain('社区活动（场）');
    expect(pub).toContain('到场/报名 1/2');
  });
});
