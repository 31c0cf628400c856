import type { Platform } from '../../../platform';
import { monthAt } from '../months';
import { reliefPolicy } from '../policy';
import { checkinService } from './checkin';
import { cycleService } from './cycle';
import type { ReliefDeps } from './deps';
import { inquiryService } from './inquiry';
import { linkingService } from './linking';
import { reportService } from './report';
import { residentService } from './resident';
import { rosterService } from './roster';
import { rosterCsvService } from './roster-csv';
import { settingsService } from './settings';

export type { Checkin, CheckinBy, Found } from './checkin';
export type { Done } from './deps';
export type { AskOutcome, NotEnrolled } from './inquiry';
export type { LinkPreview, Redeemed, Represented } from './linking';
export type { MonthReport } from './report';
export type { PersonPickup, ResidentPickup } from './resident';
export type { ImportResult } from './roster-csv';

/** The monthly relief pickup: roster, links and proxies, the desk, the monthly cycle, reports and settings. */
export type ReliefService = ReturnType<typeof createReliefService>;

export function createReliefService(platform: Pick<Platform, 'db' | 'clock' | 'config' | 'identity' | 'outbox'>) {
  const deps: ReliefDeps = { ...platform, policy: reliefPolicy(platform.config) };
  return {
    /** When the cycle's messages go out, and the time zone months, dates and stamps are read in. */
    policy: deps.policy,
    thisMonth: () => monthAt(platform.clock.now(), deps.policy.timezone),
    ...rosterService(deps),
    ...rosterCsvService(deps),
    ...linkingService(deps),
    ...checkinService(deps),
    ...residentService(deps),
    ...inquiryService(deps),
    ...settingsService(deps),
    ...cycleService(deps),
    ...reportService(deps),
  };
}
