import type { Platform } from '../../../platform';
import { monthAt } from '../months';
import { reliefPolicy } from '../policy';
import { checkinService } from './checkin';
import { cycleService } from './cycle';
import type { ReliefAreas, ReliefDeps } from './deps';
import { inquiryService } from './inquiry';
import { linkingService } from './linking';
import { reportService } from './report';
import { residentService } from './resident';
import { rosterService } from './roster';
import { rosterFileService } from './roster-file';
import { settingsService } from './settings';
import { todoService } from './todos';

export type { RosterFilter, RosterLine } from '../store';
export type { Checkin, CheckinBy, Found } from './checkin';
export type { Done, ReliefAreas } from './deps';
export type { AskOutcome, Home, InquiryView, NotEnrolled } from './inquiry';
export type { LinkPreview, Redeemed, Represented } from './linking';
export type { MonthReport } from './report';
export type { PersonPickup, ResidentPickup } from './resident';
export type { RosterEntry, RosterPage } from './roster';
export type { ImportResult } from './roster-file';

/** The monthly relief pickup: roster, links and proxies, the desk, the monthly cycle, reports and settings. */
export type ReliefService = ReturnType<typeof createReliefService>;

export function createReliefService(
  platform: Pick<Platform, 'db' | 'clock' | 'config' | 'identity' | 'outbox' | 'i18n'>,
  areas: ReliefAreas = {},
) {
  const deps: ReliefDeps = { ...platform, ...areas, policy: reliefPolicy(platform.config) };
  return {
    /** When the cycle's messages go out, and the time zone months, dates and stamps are read in. */
    policy: deps.policy,
    thisMonth: () => monthAt(platform.clock.now(), deps.policy.timezone),
    ...rosterService(deps),
    ...rosterFileService(deps),
    ...linkingService(deps),
    ...checkinService(deps),
    ...residentService(deps),
    ...inquiryService(deps),
    ...settingsService(deps),
    ...cycleService(deps),
    ...reportService(deps),
    ...todoService(deps),
  };
}
