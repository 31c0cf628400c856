import { ManualClock } from '../../../src/core/clock';
import type { DbHandle } from '../../../src/db/client';
import { demoInputs } from '../../../src/features/faq/demo';
import { createFaqService, type FaqService } from '../../../src/features/faq/service';
import { seedDemoPlaces } from '../../../src/features/residents/demo';
import { createResidentsService, type ResidentsService } from '../../../src/features/residents/service';
import type { Platform } from '../../../src/platform';
import { freshDb } from '../../support/db';
import { testPlatform } from '../../support/platform';

// The FAQ service tests' world: the demo places and knowledge base, a resident at home, two staff and an admin.

/** Monday 2025-03-10, 10:00 in Shanghai: the office is open. */
export const MON_10 = new Date('2025-03-10T02:00:00Z');
export const RESIDENT = 100;
export const OTHER = 101;
export const STAFF_A = 500;
export const STAFF_B = 501;
export const ADMIN = 502;

export interface World {
  h: DbHandle;
  clock: ManualClock;
  platform: Platform;
  residents: ResidentsService;
  faq: FaqService;
  /** Outbox rows whose dedupe key starts so, as the assertions read them. */
  outbox(prefix: string): Promise<{ dedupeKey: string; chatId: number; userId: number | null; category: string }[]>;
}

export async function faqWorld(): Promise<World> {
  const h = await freshDb();
  const clock = new ManualClock(MON_10);
  const platform = testPlatform(h.db, { clock });
  const residents = createResidentsService(platform);
  const faq = createFaqService(platform, { residents });
  const person = async (id: number, name: string, role?: 'staff' | 'admin') => {
    await platform.identity.touch({ id, first_name: name });
    if (role) await platform.identity.grant(null, id, role);
  };
  await seedDemoPlaces(h.db);
  await person(RESIDENT, '王阿姨');
  await person(OTHER, '李大爷');
  await residents.setHome(RESIDENT, (await residents.compounds())[0]!.id);
  await person(STAFF_A, '小张', 'staff');
  await person(STAFF_B, '小刘', 'staff');
  await person(ADMIN, '主任', 'admin');
  await faq.entries.seed(demoInputs());
  return {
    h,
    clock,
    platform,
    residents,
    faq,
    outbox: async (prefix) =>
      (await platform.outbox.list({ dedupePrefix: prefix })).map((d) => ({
        dedupeKey: d.dedupeKey,
        chatId: d.chatId,
        userId: d.userId,
        category: d.category,
      })),
  };
}
