import type { Config } from '../../config';
import { addDays, localDate, zonedToUtc } from '../../core/time';
import type { DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { enqueue, type OutMessage, type Params } from '../delivery/service';
import { findCompound, listCompounds } from '../residents/service';
import { CB } from './callbacks';
import {
  AlreadyPublished,
  DateInPast,
  LocationTooLong,
  MarketCancelled,
  MarketNotFound,
  MarketOver,
  NoServices,
} from './errors';
import { cleanText, MAX_LOCATION } from './input';
import type { MarketRow, OfferView } from './store';
import * as store from './store';

/** What the rules of this area read from config; tests pass their own. */
export interface Policy {
  timezone: string;
  remindEvening: string;
  remindMorning: string;
}

export const policyFrom = (config: Config): Policy => ({
  timezone: config.TIMEZONE,
  remindEvening: config.MARKET_REMIND_EVENING,
  remindMorning: config.MARKET_REMIND_MORNING,
});

// Not in config yet (see the report): bookings close the evening before a morning market, so providers know their load.
export const DEFAULT_CLOSE_HOURS = 12;

export type MarketState = 'draft' | 'open' | 'closed' | 'over' | 'cancelled';

export function marketTimes(m: Pick<MarketRow, 'date' | 'starts_at' | 'ends_at' | 'close_hours_before'>, tz: string) {
  const start = zonedToUtc(m.date, m.starts_at, tz);
  return {
    start,
    end: zonedToUtc(m.date, m.ends_at, tz),
    closes: new Date(start.getTime() - m.close_hours_before * 3_600_000),
  };
}

/** Whether residents can book right now: the one place that decides what a market's buttons may still do. */
export function marketState(m: MarketRow, now: Date, tz: string): MarketState {
  if (m.status === 'cancelled') return 'cancelled';
  const { end, closes } = marketTimes(m, tz);
  if (now >= end) return 'over';
  if (m.status === 'draft') return 'draft';
  return now < closes ? 'open' : 'closed';
}

export const ticketCode = (prefix: string, no: number) => `${prefix}-${String(no).padStart(2, '0')}`;

/** When a ticket is likely to be called: tickets of a service are served one after another from the start. */
export function estimateTime(
  m: Pick<MarketRow, 'date' | 'starts_at'>,
  minutesPerTicket: number,
  ticketNo: number,
  tz: string,
): string {
  const start = zonedToUtc(m.date, m.starts_at, tz);
  const at = new Date(start.getTime() + (ticketNo - 1) * minutesPerTicket * 60_000);
  return new Intl.DateTimeFormat('en-GB', {
    timeZone: tz,
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  }).format(at);
}

export const placesLeft = (o: OfferView) => Math.max(0, o.capacity - o.booked);

/** The compound after the last market's host in rotation order (communities, then rotation_order). */
export async function proposeCompound(db: DbOrTx): Promise<number | null> {
  const all = await listCompounds(db);
  if (all.length === 0) return null;
  const last = await store.lastHostCompound(db);
  const i = all.findIndex((c) => c.id === last);
  return all[(i + 1) % all.length]!.id;
}

export interface NewMarketInput {
  date: string;
  startsAt: string;
  endsAt: string;
  compoundId: number;
  location: string;
  latitude: number | null;
  longitude: number | null;
  /** service id → capacity; a service without a capacity takes the catalogue's default. */
  services: { serviceId: number; capacity?: number }[];
  closeHoursBefore?: number;
}

/** Staff create a market day as a draft; nothing is announced until it is published. */
export async function createMarket(
  db: DbOrTx,
  actorId: number | null,
  input: NewMarketInput,
  now: Date,
  policy: Policy,
): Promise<number> {
  const location = cleanText(input.location);
  if ([...location].length > MAX_LOCATION) throw new LocationTooLong(MAX_LOCATION);
  if (zonedToUtc(input.date, input.startsAt, policy.timezone) <= now) throw new DateInPast();
  if (input.services.length === 0) throw new NoServices();
  if (!(await findCompound(db, input.compoundId))) throw new MarketNotFound();
  return store.atomically(db, async (trx) => {
    const catalogue = new Map((await store.listServices(trx, false)).map((s) => [s.id, s]));
    const offers = input.services.map((s) => {
      const svc = catalogue.get(s.serviceId);
      if (!svc) throw new NoServices();
      return { service_id: svc.id, capacity: s.capacity ?? svc.default_capacity };
    });
    const id = await store.insertMarket(trx, {
      date: input.date,
      starts_at: input.startsAt,
      ends_at: input.endsAt,
      compound_id: input.compoundId,
      location: location || '-',
      latitude: input.latitude,
      longitude: input.longitude,
      close_hours_before: input.closeHoursBefore ?? DEFAULT_CLOSE_HOURS,
      created_by: actorId,
      created_at: now.toISOString(),
    });
    await store.insertOffers(
      trx,
      offers.map((o) => ({ ...o, market_id: id })),
    );
    await recordAudit(
      trx,
      {
        actorId,
        action: 'market.create',
        subject: `market:${id}`,
        details: { date: input.date, compoundId: input.compoundId, services: offers.length },
      },
      now,
    );
    return id;
  });
}

export async function getMarket(db: DbOrTx, id: number): Promise<MarketRow> {
  const m = await store.findMarket(db, id);
  if (!m) throw new MarketNotFound();
  return m;
}

export const offersOf = (db: DbOrTx, marketId: number) => store.offersOf(db, marketId);
export const listServices = (db: DbOrTx) => store.listServices(db);
export const recentMarkets = (db: DbOrTx, limit = 6) => store.recentMarkets(db, limit);

/** The market residents see: the soonest published one that has not ended yet. */
export async function nextMarket(db: DbOrTx, now: Date, tz: string): Promise<MarketRow | undefined> {
  const candidates = await store.marketsFrom(db, localDate(now, tz), ['published']);
  return candidates.find((m) => marketTimes(m, tz).end > now);
}

/** Date, weekday, hours, host and place as outbox parameters, translated per recipient. */
export async function whenParams(db: DbOrTx, m: MarketRow, tz: string): Promise<Params> {
  const compound = await findCompound(db, m.compound_id);
  const weekday = new Date(`${m.date}T12:00:00Z`).getUTCDay();
  return {
    date: m.date,
    weekday: { $t: `market.weekday.d${weekday}` },
    start: m.starts_at,
    end: m.ends_at,
    compound: compound ? { 'zh-CN': compound.name_zh, en: compound.name_en } : '-',
    location: m.location,
  };
}

const serviceList = (offers: OfferView[]) => ({
  'zh-CN': offers.map((o) => o.name_zh).join('、'),
  en: offers.map((o) => o.name_en).join(', '),
});

/** Publishes a draft and, in the same transaction, queues the announcement to the host compound and subscribers. */
export async function publishMarket(
  db: DbOrTx,
  actorId: number | null,
  marketId: number,
  now: Date,
  policy: Policy,
): Promise<number> {
  return store.atomically(db, async (trx) => {
    const m = await getMarket(trx, marketId);
    if (m.status === 'cancelled') throw new MarketCancelled();
    if (m.status === 'published') throw new AlreadyPublished();
    if (marketTimes(m, policy.timezone).start <= now) throw new MarketOver();
    await store.updateMarket(trx, marketId, { status: 'published', published_at: now.toISOString() });
    const offers = await store.offersOf(trx, marketId);
    const params: Params = { ...(await whenParams(trx, m, policy.timezone)), services: serviceList(offers) };
    const buttons = [[{ key: 'market.btn.bookNow', data: CB.open(marketId) }]];
    const to = await store.announcementRecipients(trx, m.compound_id);
    const n = await enqueue(
      trx,
      to.map(
        (r): OutMessage => ({
          dedupeKey: `market:announce:${marketId}:${r.id}`,
          chatId: r.id,
          userId: r.id,
          category: 'notice',
          content: { key: 'market.notify.announce', params, buttons },
        }),
      ),
      now,
    );
    await recordAudit(
      trx,
      { actorId, action: 'market.publish', subject: `market:${marketId}`, details: { recipients: n } },
      now,
    );
    return n;
  });
}

export interface MarketChange {
  date?: string;
  startsAt?: string;
  endsAt?: string;
  location?: string;
  latitude?: number | null;
  longitude?: number | null;
}

/** Changes when or where; everyone holding a ticket or a waitlist place is told in their language. */
export async function changeMarket(
  db: DbOrTx,
  actorId: number,
  marketId: number,
  change: MarketChange,
  now: Date,
  policy: Policy,
): Promise<number> {
  return store.atomically(db, async (trx) => {
    const m = await getMarket(trx, marketId);
    if (m.status === 'cancelled') throw new MarketCancelled();
    if (marketTimes(m, policy.timezone).end <= now) throw new MarketOver();
    const next = { ...m };
    if (change.date !== undefined) next.date = change.date;
    if (change.startsAt !== undefined) next.starts_at = change.startsAt;
    if (change.endsAt !== undefined) next.ends_at = change.endsAt;
    if (change.location !== undefined) {
      next.location = cleanText(change.location);
      if ([...next.location].length > MAX_LOCATION) throw new LocationTooLong(MAX_LOCATION);
    }
    if (change.latitude !== undefined) next.latitude = change.latitude;
    if (change.longitude !== undefined) next.longitude = change.longitude;
    if (marketTimes(next, policy.timezone).start <= now) throw new DateInPast();
    await store.updateMarket(trx, marketId, {
      date: next.date,
      starts_at: next.starts_at,
      ends_at: next.ends_at,
      location: next.location,
      latitude: next.latitude,
      longitude: next.longitude,
      revision: m.revision + 1,
    });
    await recordAudit(
      trx,
      { actorId, action: 'market.change', subject: `market:${marketId}`, details: { ...change } },
      now,
    );
    if (m.status !== 'published') return 0;
    const params = await whenParams(trx, next, policy.timezone);
    const bookers = await store.bookingsOfMarket(trx, marketId, store.ACTIVE);
    const users = [...new Set(bookers.map((b) => b.user_id).filter((u): u is number => u !== null))];
    return enqueue(
      trx,
      users.map((u) => ({
        dedupeKey: `market:changed:${marketId}:${m.revision + 1}:${u}`,
        chatId: u,
        userId: u,
        category: 'personal',
        content: { key: 'market.notify.changed', params },
      })),
      now,
    );
  });
}

/** Cancels the day: every booking and waitlist place ends and their holders are told. */
export async function cancelMarket(
  db: DbOrTx,
  actorId: number,
  marketId: number,
  now: Date,
  policy: Policy,
): Promise<number> {
  return store.atomically(db, async (trx) => {
    const m = await getMarket(trx, marketId);
    if (m.status === 'cancelled') throw new MarketCancelled();
    if (marketTimes(m, policy.timezone).end <= now) throw new MarketOver();
    await store.updateMarket(trx, marketId, { status: 'cancelled', cancelled_at: now.toISOString() });
    const bookers = await store.bookingsOfMarket(trx, marketId, store.ACTIVE);
    for (const b of bookers)
      await store.updateBooking(trx, b.id, { status: 'cancelled', updated_at: now.toISOString() });
    await recordAudit(
      trx,
      { actorId, action: 'market.cancel', subject: `market:${marketId}`, details: { bookings: bookers.length } },
      now,
    );
    if (m.status !== 'published') return 0;
    const params = await whenParams(trx, m, policy.timezone);
    const users = [...new Set(bookers.map((b) => b.user_id).filter((u): u is number => u !== null))];
    return enqueue(
      trx,
      users.map((u) => ({
        dedupeKey: `market:cancelled:${marketId}:${u}`,
        chatId: u,
        userId: u,
        category: 'personal',
        content: { key: 'market.notify.cancelled', params },
      })),
      now,
    );
  });
}

/** Residents of the next market day who hold a ticket: the 'market.booked' broadcast audience. */
export async function bookedOnNextMarket(db: DbOrTx, now: Date, tz: string): Promise<number[]> {
  const m = await nextMarket(db, now, tz);
  return m ? store.bookedUserIds(db, m.id) : [];
}

/** A date range around today, for the staff list of markets. */
export const todayIn = (now: Date, tz: string) => localDate(now, tz);
export const tomorrowIn = (now: Date, tz: string) => addDays(localDate(now, tz), 1);
