import type { Config } from '../../config';
import type { Bilingual } from '../../core/names';
import { DAY_MS, HOUR_MS, localTime, MINUTE_MS, zonedToUtc } from '../../core/time';
import type { Market, Offer } from './store';

/** The market's rules and time limits, read from config once when the area is built. */
export interface MarketPolicy {
  timezone: string;
  /** 'HH:MM': the reminder the evening before goes out from this time on. */
  remindEvening: string;
  /** 'HH:MM': the reminder on the day goes out from this time on, until the market ends. */
  remindMorning: string;
  /** A new market day closes online booking this long before its start (stored per market day). */
  closeHoursBefore: number;
  /** A fixed repair is asked "did it hold?" this long after it was served. */
  holdCheckAfterMs: number;
}

export const policyFrom = (
  config: Pick<Config, 'TIMEZONE' | 'MARKET_REMIND_EVENING' | 'MARKET_REMIND_MORNING'>,
): MarketPolicy => ({
  timezone: config.TIMEZONE,
  remindEvening: config.MARKET_REMIND_EVENING,
  remindMorning: config.MARKET_REMIND_MORNING,
  // Not in config yet: bookings close the evening before a morning market, so providers know their load.
  closeHoursBefore: 12,
  holdCheckAfterMs: 14 * DAY_MS,
});

/**
 * What residents and staff may type, in characters (a description, a place, a provider's note, a service's name, an
 * address), places per service, and minutes per ticket.
 */
export const limits = {
  details: 300,
  location: 120,
  note: 300,
  capacity: 500,
  serviceName: 20,
  address: 120,
  minutes: 240,
} as const;

/** Services and venues per page of their lists. */
export const PAGE = 8;

export type MarketState = 'draft' | 'open' | 'closed' | 'over' | 'cancelled';

type Times = Pick<Market, 'date' | 'startsAt' | 'endsAt' | 'closeHoursBefore'>;

export function marketTimes(m: Times, tz: string) {
  const start = zonedToUtc(m.date, m.startsAt, tz);
  return {
    start,
    end: zonedToUtc(m.date, m.endsAt, tz),
    closes: new Date(start.getTime() - m.closeHoursBefore * HOUR_MS),
  };
}

/** Whether residents can book right now: the one place that decides what a market's buttons may still do. */
export function marketState(m: Times & Pick<Market, 'status'>, now: Date, tz: string): MarketState {
  if (m.status === 'cancelled') return 'cancelled';
  const { end, closes } = marketTimes(m, tz);
  if (now >= end) return 'over';
  if (m.status === 'draft') return 'draft';
  return now < closes ? 'open' : 'closed';
}

export const ticketCode = (prefix: string, no: number) => `${prefix}-${String(no).padStart(2, '0')}`;

/** A ticket as each reader sees it: 磨刀-07 in Chinese, Knife-07 in English; the number is the same. */
export const ticketOf = (o: Pick<Offer, 'ticketPrefix' | 'ticketPrefixEn'>, no: number): Bilingual => ({
  'zh-CN': ticketCode(o.ticketPrefix, no),
  en: ticketCode(o.ticketPrefixEn, no),
});

/** When a ticket is likely to be called: tickets of a service are served one after another from the start. */
export function ticketTime(
  m: Pick<Market, 'date' | 'startsAt'>,
  minutesPerTicket: number,
  ticketNo: number,
  tz: string,
) {
  const start = zonedToUtc(m.date, m.startsAt, tz);
  return new Date(start.getTime() + (ticketNo - 1) * minutesPerTicket * MINUTE_MS);
}

/** The same as 'HH:MM' in the deployment's time zone. */
export function estimateTime(
  m: Pick<Market, 'date' | 'startsAt'>,
  minutesPerTicket: number,
  ticketNo: number,
  tz: string,
): string {
  return localTime(ticketTime(m, minutesPerTicket, ticketNo, tz), tz);
}

/** Served and no-show tickets keep their place: capacity is about the day's work, not the queue right now. */
export const placesLeft = (o: Pick<Offer, 'capacity' | 'booked'>) => Math.max(0, o.capacity - o.booked);
