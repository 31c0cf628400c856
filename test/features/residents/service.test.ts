import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../../src/db/client';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { UnknownCompound } from '../../../src/features/residents/errors';
import { createResidentsService, type ResidentsService } from '../../../src/features/residents/service';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';

let h: DbHandle;
let platform: Platform;
let residents: ResidentsService;
beforeEach(async () => {
  h = await freshDb();
  platform = testPlatform(h.db);
  residents = createResidentsService(platform);
  await platform.identity.touch({ id: 2, first_name: '王阿姨', language_code: 'zh-hans' });
});
afterEach(() => h.close());

describe('residents', () => {
  it('choosing a compound sets the community too and finishes onboarding', async () => {
    await seedDemoPlaces(h.db);
    await seedDemoPlaces(h.db); // idempotent
    const compounds = await residents.compounds();
    expect(compounds.length).toBe(7);
    await residents.setHome(2, compounds[1]!.id);
    const u = await platform.identity.user(2);
    expect(u).toMatchObject({ compoundId: compounds[1]!.id, communityId: compounds[1]!.communityId, onboarded: true });
    await expect(residents.setHome(2, 9999)).rejects.toThrow(UnknownCompound);
  });

  it('a shared phone number is kept as digits, and can be deleted', async () => {
    await residents.setPhone(2, '+86 138-1234-5678');
    expect((await platform.identity.user(2))?.phone).toBe('+8613812345678');
    await residents.setPhone(2, null);
    expect((await platform.identity.user(2))?.phone).toBeNull();
  });
});
