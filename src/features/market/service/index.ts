import type { Platform } from '../../../platform';
import { type MarketPolicy, policyFrom } from '../policy';
import { booking } from './booking';
import { marketDay } from './day';
import type { MarketDeps } from './deps';
import { exports } from './export';
import { reminders } from './reminders';
import { scheduling } from './schedule';
import { subscriptions } from './subscriptions';

export type { BookingInput, BookingView } from './booking';
export { outcomesFor, type QueueEntry } from './day';
export type { MarketDay } from './deps';
export type { MarketChange, NewMarketInput } from './schedule';
export type { Subscription } from './subscriptions';
export type { MarketSummary, ServiceSummary } from './summary';

/** The monthly market day: catalogue, scheduling, booking and the waitlist, reminders, the day's queue, export. */
export type MarketService = ReturnType<typeof createMarketService>;

export function createMarketService(
  platform: Pick<Platform, 'db' | 'clock' | 'config' | 'identity' | 'outbox'>,
  residents: MarketDeps['places'],
  policy: MarketPolicy = policyFrom(platform.config),
) {
  const deps: MarketDeps = { ...platform, policy, places: residents };
  return {
    ...scheduling(deps),
    ...booking(deps),
    ...subscriptions(deps),
    ...marketDay(deps),
    ...reminders(deps),
    ...exports(deps),
  };
}
