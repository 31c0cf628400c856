import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../src/db/client';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { PlaceNameTaken } from '../../../src/features/residents/errors';
import { createResidentsService, type ResidentsService } from '../../../src/features/residents/service';
import { createSetupService, type SetupService } from '../../../src/features/setup/service';
import { listAudit } from '../../../src/identity';
import type { Platform } from '../../../src/platform';
import type { SetupStep } from '../../../src/telegram/workbench';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';

// The set-up and the places behind it, on either engine (SQLite and PostgreSQL).

let h: DbHandle;
let platform: Platform;
let residents: ResidentsService;
let setup: SetupService;
const ADMIN = 1;
const step = (key: string, order: number, isDone: () => Promise<boolean>): SetupStep => ({
  key,
  order,
  titleKey: key,
  isDone,
  start: async () => {},
});

beforeEach(async () => {
  h = await freshDb();
  platform = testPlatform(h.db);
  await platform.settings.load();
  residents = createResidentsService(platform);
  setup = createSetupService(platform, {
    steps: () => [
      step('later', 30, async () => false),
      step('residents.places', 20, () => residents.hasPlaces()),
      step('residents.name', 10, async () => (await residents.subdistrict()) !== ''),
    ],
    hasPlaces: () => residents.hasPlaces(),
    ownCommunities: () => residents.ownCommunities(),
    readyNotice: () => residents.readyNotice(),
  });
  for (const id of [ADMIN, 2, 3]) await platform.identity.touch({ id, first_name: `U${id}`, language_code: 'zh-hans' });
});
afterEach(() => h.close());

describe('the set-up, step by step', () => {
  it('walks the steps in order, waits for the places, and greets the waiting once through the outbox', async () => {
    expect(await setup.isReady()).toBe(false);
    expect((await setup.next())?.key).toBe('residents.name');
    await setup.begin(ADMIN);
    await setup.wait(2);
    await setup.wait(2);
    await setup.wait(3);
    await residents.setSubdistrict(ADMIN, ' 新华街道 ');
    expect((await setup.next())?.key).toBe('residents.places');
    const c = await residents.addCommunity(ADMIN, { nameZh: '新华社区', nameEn: '' });
    expect(c.nameEn).toBe('新华社区');
    await expect(residents.checkPlaceName('新华社区', 'community', {})).rejects.toThrow(PlaceNameTaken);
    const k = await residents.addCompound(ADMIN, c.id, {
      nameZh: '向阳小区',
      nameEn: 'Xiangyang',
      address: '新华路 1 号',
      location: { latitude: 27.5, longitude: 113.25 },
    });
    expect(k).toMatchObject({
      address: '新华路 1 号',
      location: { latitude: 27.5, longitude: 113.25 },
      retired: false,
    });
    await expect(residents.checkPlaceName('向阳小区', 'compound', { communityId: c.id })).rejects.toThrow(
      PlaceNameTaken,
    );
    expect(await residents.checkPlaceName('向阳小区', 'compound', { compoundId: k.id })).toBe('向阳小区');
    expect((await setup.next())?.key).toBe('later');
    await setup.skip(ADMIN, 'later');
    expect(await setup.next()).toBeUndefined();
    expect(await setup.anyLeft()).toBe(true);
    expect(await setup.isReady()).toBe(false);
    const done = await setup.complete(ADMIN);
    expect(done).toEqual({ greeted: 2, already: false });
    expect(await setup.complete(ADMIN)).toEqual({ greeted: 0, already: true });
    expect(await setup.isReady()).toBe(true);
    expect((await platform.outbox.counts()).queued).toBe(2);
    expect(await setup.realData()).toContain('set up in the chat');
    const actions = (await listAudit(h.db, { actorId: ADMIN })).map((a) => a.action);
    expect(actions).toEqual(
      expect.arrayContaining(['settings.set', 'place.community.add', 'place.compound.add', 'setup.complete']),
    );
  });

  it('a retired compound is kept but offered to nobody; with none left the deployment has no places', async () => {
    await residents.setSubdistrict(ADMIN, '新华街道');
    const c = await residents.addCommunity(ADMIN, { nameZh: '新华社区', nameEn: 'Xinhua' });
    const k = await residents.addCompound(ADMIN, c.id, {
      nameZh: '向阳小区',
      nameEn: '',
      address: null,
      location: null,
    });
    expect(await residents.hasPlaces()).toBe(true);
    await residents.setCompoundRetired(ADMIN, k.id, true);
    expect(await residents.hasPlaces()).toBe(false);
    expect(await residents.homeCommunities()).toEqual([]);
    expect((await residents.compound(k.id))?.retired).toBe(true);
    await residents.setCompoundRetired(ADMIN, k.id, false);
    await residents.setCompoundLocation(ADMIN, k.id, { latitude: 1.5, longitude: 2.5 });
    await residents.setCompoundAddress(ADMIN, k.id, '新华路 2 号');
    expect(await residents.compound(k.id)).toMatchObject({ address: '新华路 2 号', location: { latitude: 1.5 } });
    expect((await residents.communities())[0]?.subdistrict).toBe('新华街道');
  });

  it('the demo places are not real data; a community of its own is', async () => {
    await seedDemoPlaces(h.db, platform.settings);
    expect(await setup.realData()).toBeNull();
    expect(await setup.isReady()).toBe(true);
    await residents.addCommunity(ADMIN, { nameZh: '新华社区', nameEn: 'Xinhua' });
    expect(await setup.realData()).toContain('新华社区');
  });
});

describe('finding people', () => {
  it('by a part of the name (its % and _ taken literally) or the phone’s last digits', async () => {
    await platform.identity.touch({ id: 10, first_name: '王_芳', language_code: 'zh-hans' });
    await platform.identity.touch({ id: 11, first_name: '王小明', language_code: 'zh-hans' });
    await platform.identity.setPhone(11, '+8613912345678');
    expect((await residents.people.search('王')).people.map((p) => p.user.id)).toEqual([10, 11]);
    expect((await residents.people.search('_')).people.map((p) => p.user.id)).toEqual([10]);
    expect((await residents.people.search('%')).people).toEqual([]);
    expect((await residents.people.search('5678')).people.map((p) => p.user.id)).toEqual([11]);
    await platform.identity.touch({ id: 12, first_name: 'Wang', username: 'WangFang', language_code: 'en' });
    expect((await residents.people.search('wangf')).people.map((p) => p.user.id)).toEqual([12]);
    await platform.identity.grant(null, 11, 'staff');
    expect((await residents.people.roleHolders()).map((p) => [p.user.id, p.roles])).toEqual([[11, ['staff']]]);
  });
});
