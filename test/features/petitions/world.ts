import { afterEach, beforeEach } from 'vitest';
import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { seedDemoPetitions } from '../../../src/features/petitions/demo';
import type { PetitionsPolicy } from '../../../src/features/petitions/policy';
import { type Actor, createPetitionsService, type PetitionsService } from '../../../src/features/petitions/service';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { createResidentsService, type ResidentsService } from '../../../src/features/residents/service';
import type { OutContent } from '../../../src/outbox/service';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';

// The world the petitions service tests start from: the demo places, a deputy for each of two communities, staff,
// three residents and the departments. Bindings are live: each test sees the ones its beforeEach made.

export const t0 = new Date('2026-05-04T02:00:00Z'); // 10:00 in Shanghai
export const at = (hours: number) => new Date(t0.getTime() + hours * 3_600_000);
export const DAY = 24;
export const policy: PetitionsPolicy = { ackDays: 3, answerDays: 15, dailyLimit: 3, timezone: 'Asia/Shanghai' };

export const STAFF = 1;
export const DEPUTY = 10; // 野鸭冲社区
export const OTHER_DEPUTY = 11; // 石子头社区
export const XIAO = 100; // lives in 肖明组
export const CHEN = 101; // neighbour in 肖明组
export const LI = 102; // lives in 铁路新村 (石子头社区)

export const culvert = {
  category: 'roads' as const,
  place: '肖明组铁路涵洞',
  latitude: 27.8705,
  longitude: 113.1702,
  description: '一下雨涵洞就积水，电动车和行人都过不去，每天一千多人上下班要绕路。',
  photos: ['photo-a', 'photo-b'],
  showName: true,
};

export let h: DbHandle;
export let clock: ManualClock;
export let platform: Platform;
export let residents: ResidentsService;
export let petitions: PetitionsService;
export let yeyachong: number;
export let shizitou: number;

/** The clock reads t0 plus this many hours when the next service call runs. */
export const when = (hours: number) => clock.set(at(hours));

async function resident(id: number, name: string, compound: string, phone?: string) {
  await platform.identity.touch({ id, first_name: name, username: `u${id}` });
  const c = (await residents.compounds()).find((x) => x.nameZh === compound)!;
  await residents.setHome(id, c.id);
  if (phone) await residents.setPhone(id, phone);
}

export const deliveries = async () =>
  (await platform.outbox.list({})).map((d) => ({
    ...d,
    body: d.content as OutContent & { key?: string; params?: Record<string, unknown>; photo?: string },
  }));
export const to = async (chatId: number) => (await deliveries()).filter((d) => d.chatId === chatId);
export const keysTo = async (chatId: number) => (await to(chatId)).map((d) => d.body.key);
export const deputy = (id: number): Actor => ({ id, roles: new Set(['deputy']) });
export const staff: Actor = { id: STAFF, roles: new Set(['staff']) };

/** Registers the fresh database, platform and services every test of these files starts from. */
export function useWorld() {
  beforeEach(async () => {
    h = await freshDb();
    clock = new ManualClock(t0);
    platform = testPlatform(h.db, { clock });
    residents = createResidentsService(platform);
    petitions = createPetitionsService(platform, { residents }, policy);
    await seedDemoPlaces(h.db);
    const communities = await residents.communities();
    yeyachong = communities.find((c) => c.nameZh === '野鸭冲社区')!.id;
    shizitou = communities.find((c) => c.nameZh === '石子头社区')!.id;
    await resident(XIAO, '肖大爷', '肖明组', '13800000000');
    await resident(CHEN, '陈奶奶', '肖明组');
    await resident(LI, '李师傅', '铁路新村');
    for (const [id, name] of [
      [STAFF, '社区小张'],
      [DEPUTY, '周代表'],
      [OTHER_DEPUTY, '吴代表'],
    ] as const)
      await platform.identity.touch({ id, first_name: name });
    await platform.identity.grant(null, STAFF, 'staff');
    await platform.identity.grant(null, DEPUTY, 'deputy');
    await platform.identity.grant(null, OTHER_DEPUTY, 'deputy');
    await petitions.assignDeputy(STAFF, DEPUTY, yeyachong, null);
    await petitions.assignDeputy(STAFF, OTHER_DEPUTY, shizitou, null);
    await seedDepartments();
  });
  afterEach(() => h.close());
}

async function seedDepartments() {
  await seedDemoPetitions(platform, residents, policy);
  // the demo petitions are not part of these tests
  await h.db.deleteFrom('petition_events').execute();
  await h.db.deleteFrom('petition_followers').execute();
  await h.db.deleteFrom('petition_photos').execute();
  await h.db.deleteFrom('petitions').execute();
}

export const dept = async (zh: string) => (await petitions.departments()).find((d) => d.nameZh === zh)!.id;
