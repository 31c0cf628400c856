import type { Platform } from '../../../platform';
import { type MarketPolicy, policyFrom } from '../policy';
import { booking } from './booking';
import { catalogue } from './catalogue';
import { marketDay } from './day';
import type { MarketDeps } from './deps';
import { exports } from './export';
import { guards } from './guards';
import { home } from './home';
import { queue } from './queue';
import { reminders } from './reminders';
import { reportFigures } from './report-figures';
import { scheduling } from './schedule';
import { subscriptions } from './subscriptions';
import { venues } from './venues';

export type { BookingInput } from './booking';
export type { BookingView } from './booking-view';
export type { ServiceEdit, ServiceInput } from './catalogue';
export type { MarketDay } from './deps';
export type { ExportRow } from './export';
export type { ResidentHome } from './home';
export { outcomesFor, type QueueEntry } from './queue';
export type { MarketReportFigures } from './report-figures';
export type { MarketChange, NewMarketInput } from './schedule';
export type { Subscription } from './subscriptions';
export type { MarketSummary, ServiceSummary } from './summary';

/** The monthly market day: catalogue, scheduling, booking and the waitlist, reminders, the day's queue, export. */
export type MarketService = ReturnType<typeof createMarketService>;

export function createMarketService(
  platform: Pick<Platform, 'db' | 'reads' | 'clock' | 'config' | 'identity' | 'outbox'>,
  residents: MarketDeps['places'],
  policy: MarketPolicy = policyFrom(platform.config),
) {
  const deps: MarketDeps = { ...platform, policy, places: residents };
  const bookings = booking(deps);
  return {
    ...scheduling(deps),
    ...guards(deps),
    ...bookings,
    ...home(deps, bookings),
    ...subscriptions(deps),
    ...queue(deps),
    ...marketDay(deps),
    ...reminders(deps),
    ...exports(deps),
    ...reportFigures(deps),
    ...catalogue(deps),
    ...venues(deps),
  };
}
