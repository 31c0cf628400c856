import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { type ActivitiesService, createActivitiesService } from '../../../src/features/activities/service';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { createResidentsService } from '../../../src/features/residents/service';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';
import { at, lecture } from './support';

// Sign-ups under load and at the edges, on the service with a fresh database.
const STAFF = 1;
let h: DbHandle;
let activities: ActivitiesService;
let touch: (id: number) => Promise<void>;

beforeEach(async () => {
  h = await freshDb();
  const platform = testPlatform(h.db, { clock: new ManualClock(at('2026-11-30T10:00:00')) });
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

const code = (e: unknown) => (e as { code?: string }).code;

describe('the last places', () => {
  it('fifty pressing sign-up at once for the last three places get exactly three, the line in order', async () => {
    const id = await activities.create({ id: STAFF, staff: true }, lecture({ capacity: 10 }));
    await activities.publish({ id: STAFF, staff: true }, id);
    for (let u = 100; u < 107; u++) {
      await touch(u);
      await activities.signUp(u, id);
    }
    const crowd = Array.from({ length: 50 }, (_, i) => 1000 + i);
    for (const u of crowd) await touch(u);
    const results = await Promise.allSettled(crowd.map((u) => activities.signUp(u, id)));
    const won = results.filter((r) => r.status === 'fulfilled');
    const full = results.filter((r) => r.status === 'rejected' && code(r.reason) === 'activities.full');
    expect([won.length, full.length]).toEqual([3, 47]);
    expect((await activities.counts(id)).booked).toBe(10);

    const late = crowd.filter((_, i) => results[i]!.status === 'rejected').slice(0, 5);
    const line = await Promise.all(late.map((u) => activities.joinWaitlist(u, id)));
    expect(line.map((r) => r.position).sort()).toEqual([1, 2, 3, 4, 5]);
    const first = line.find((r) => r.position === 1)!;

    const someone = won[0] as PromiseFulfilledResult<Awaited<ReturnType<ActivitiesService['signUp']>>>;
    const r = await activities.cancelSignup(someone.value.signup.userId!, someone.value.signup.id, false);
    expect(r).toEqual({ cancelled: 1, promoted: 1 });
    expect((await activities.ownSignup(first.signup.userId!, first.signup.id)).signup.status).toBe('booked');
    const second = line.find((x) => x.position === 2)!;
    expect((await activities.ownSignup(second.signup.userId!, second.signup.id)).position).toBe(1);
  });

  it('twice, after the start, or as an adult for a children’s class: a clear refusal and nothing changes', async () => {
    const id = await activities.create({ id: STAFF, staff: true }, lecture());
    await activities.publish({ id: STAFF, staff: true }, id);
    await touch(200);
    await activities.signUp(200, id);
    await expect(activities.signUp(200, id)).rejects.toMatchObject({ code: 'activities.already' });
    await expect(activities.signUpChild(200, id, { name: '小明', age: 8 })).rejects.toMatchObject({
      code: 'activities.notForChildren',
    });
    expect((await activities.counts(id)).booked).toBe(1);
  });
});
