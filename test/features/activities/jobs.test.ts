import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { type ActivitiesService, createActivitiesService } from '../../../src/features/activities/service';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { createResidentsService } from '../../../src/features/residents/service';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';
import { at, lecture } from './support';

// The jobs, the desk and the figures on the service, on either engine (no bot: the bot tests need the foundation's
// PostgreSQL fixes to run there).
const STAFF = 1;
let h: DbHandle;
let activities: ActivitiesService;
let touch: (id: number) => Promise<void>;
let clock: ManualClock;
let outbox: ReturnType<typeof testPlatform>['outbox'];

beforeEach(async () => {
  h = await freshDb();
  clock = new ManualClock(at('2026-11-30T10:00:00'));
  const platform = testPlatform(h.db, { clock });
  outbox = platform.outbox;
  const residents = createResidentsService(platform);
  await seedDemoPlaces(h.db);
  const compounds = await residents.compounds();
  activities = createActivitiesService(platform, {
    places: residents,
    partners: { partners: async () => [], partner: async () => undefined, approvedVolunteers: async () => [] },
    relief: { reachableByRelief: async () => [] },
  });
  touch = async (id) => {
    await platform.identity.touch({ id, first_name: `居民${id}` });
    await residents.setHome(id, compounds[0]!.id);
  };
  await touch(STAFF);
  await platform.identity.grant(null, STAFF, 'staff');
});
afterEach(() => h.close());

const staff = { id: STAFF, staff: true };
const keys = async (prefix: string) => (await outbox.list({ dedupePrefix: prefix })).map((d) => d.dedupeKey);

describe('jobs, desk and figures', () => {
  it('reminders at 19:00 the evening before and an hour before, feedback from 10:00 the day after, once', async () => {
    const id = await activities.create(staff, lecture({ capacity: 5 }));
    await activities.publish(staff, id);
    for (const u of [300, 301]) {
      await touch(u);
      await activities.signUp(u, id);
    }
    expect(await activities.queueReminders(at('2026-12-02T18:59:00'))).toBe(0);
    expect(await activities.queueReminders(at('2026-12-02T19:00:00'))).toBe(2);
    expect(await activities.queueReminders(at('2026-12-02T19:05:00'))).toBe(0);
    expect(await activities.queueReminders(at('2026-12-03T18:00:00'))).toBe(2);
    expect((await keys('activities:remind-')).length).toBe(4);

    clock.set(at('2026-12-03T18:50:00'));
    const s = (await activities.mineFor(300, id))[0]!.signup;
    expect((await activities.find(id, s.code!)).kind).toBe('one');
    await activities.checkIn(STAFF, s.id, 'code');
    await expect(activities.checkIn(STAFF, s.id, 'code')).rejects.toMatchObject({
      code: 'activities.alreadyCheckedIn',
    });
    await activities.walkIn(STAFF, id, '刘阿姨');

    expect(await activities.queueFeedback(at('2026-12-04T09:59:00'))).toBe(0);
    expect(await activities.queueFeedback(at('2026-12-04T10:00:00'))).toBe(1);
    expect(await activities.queueFeedback(at('2026-12-04T10:15:00'))).toBe(0);
    clock.set(at('2026-12-04T11:00:00'));
    await activities.rate(300, s.id, 5);
    const sum = await activities.summary(id);
    expect(sum).toMatchObject({ noShows: 1, rated: 1, average: 5, asked: 1 });
    expect(sum.counts).toMatchObject({ booked: 2, attended: 2, walkIns: 1 });

    const f = await activities.activityFigures('2026-12-01', '2027-01-01');
    expect(f).toMatchObject({ held: 1, signUps: 2, attended: 2, walkIns: 1, noShows: 1, averageRating: 5 });
  });

  it('a cancelled activity tells everyone holding a place or waiting, at once', async () => {
    const id = await activities.create(staff, lecture({ capacity: 1 }));
    await activities.publish(staff, id);
    for (const u of [400, 401]) await touch(u);
    await activities.signUp(400, id);
    await activities.joinWaitlist(401, id);
    await activities.cancel(staff, id);
    expect((await keys('activities:cancelled:')).sort()).toEqual([
      `activities:cancelled:${id}:400`,
      `activities:cancelled:${id}:401`,
    ]);
    await expect(activities.signUp(401, id)).rejects.toMatchObject({ code: 'activities.cancelled' });
  });

  it('children’s names are erased once the class has ended; the sign-ups stay for the figures', async () => {
    const id = await activities.create(staff, lecture({ audience: 'age', ageMin: 6, ageMax: 12, kind: 'class' }));
    await activities.publish(staff, id);
    await touch(500);
    await activities.signUpChild(500, id, { name: '小明', age: 8 });
    expect(await activities.eraseChildren(at('2026-12-03T20:00:00'))).toBe(0);
    expect(await activities.eraseChildren(at('2026-12-04T03:30:00'))).toBe(1);
    const [s] = await activities.signups(id);
    expect(s).toMatchObject({ forChild: true, childName: null, childAge: null, status: 'booked' });
  });
});
