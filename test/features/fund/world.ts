import { ManualClock } from '../../../src/core/clock';
import type { Db } from '../../../src/db/schema';
import { createActivitiesService } from '../../../src/features/activities/service';
import type { EntryInput } from '../../../src/features/fund/ledger';
import { createFundService } from '../../../src/features/fund/service';
import { createMarketService } from '../../../src/features/market/service';
import { createPartnersService } from '../../../src/features/partners/service';
import { createPetitionsService } from '../../../src/features/petitions/service';
import { createReliefService } from '../../../src/features/relief/service';
import { createResidentsService } from '../../../src/features/residents/service';
import { freshDb, rowCounts } from '../../support/db';
import { testPlatform } from '../../support/platform';

/** The fund on a fresh database, built with the partners service as the bot builds it; user 900 is staff. */
export async function fundWorld(now: Date) {
  const h = await freshDb();
  const clock = new ManualClock(now);
  const platform = testPlatform(h.db, { clock });
  const partners = createPartnersService(platform);
  const residents = createResidentsService(platform);
  const relief = createReliefService(platform);
  const activities = createActivitiesService(platform, { places: residents, partners, relief });
  const market = createMarketService(platform, residents);
  const sources = {
    marketFigures: market.reportFigures,
    marketResidentsServed: market.residentsServed,
    reliefMonths: relief.monthsFigures,
    petitionFigures: createPetitionsService(platform, { residents }).reportFigures,
    activityFigures: activities.activityFigures,
  };
  const fund = createFundService(platform, { partners, sources });
  await platform.identity.grant(null, 900, 'staff');
  return { h, clock, platform, partners, fund };
}

export type FundWorld = Awaited<ReturnType<typeof fundWorld>>;

export const gift = (yuan: number, extra: Partial<Extract<EntryInput, { direction: 'income' }>> = {}): EntryInput => ({
  direction: 'income',
  kind: 'directed',
  amountFen: yuan * 100,
  date: '2025-03-01',
  donor: { kind: 'anonymous' },
  restrictedTo: null,
  note: '',
  ...extra,
});
export const spend = (
  yuan: number,
  purpose: 'relief' | 'facilities' | 'groups' | 'other' = 'relief',
  date = '2025-03-02',
): EntryInput => ({ direction: 'expense', purpose, amountFen: yuan * 100, date, note: '慰问品' });

/** Rows in every table: a job run that adds nothing leaves these as they were. */
export const tableSizes = (db: Db) => rowCounts(db);
