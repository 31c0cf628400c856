import { localDate, zonedToUtc } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { Params } from '../../../outbox/service';
import {
  AlreadyPublished,
  DateInPast,
  LocationTooLong,
  MarketCancelled,
  MarketNotFound,
  MarketOver,
  NoServices,
} from '../errors';
import { cleanText, exampleDate, parseLocation } from '../input';
import { limits, marketTimes } from '../policy';
import * as store from '../store';
import { dayOf as dayOfMarket, getMarket, holdersOf, type MarketDay, type MarketDeps, placesById } from './deps';
import * as messages from './messages';

export interface NewMarketInput {
  date: string;
  startsAt: string;
  endsAt: string;
  compoundId: number;
  location: string;
  /** The place in English, if staff gave it. */
  locationEn?: string | null;
  latitude: number | null;
  longitude: number | null;
  /** A service without a capacity takes the catalogue's default. */
  services: { serviceId: number; capacity?: number }[];
  closeHoursBefore?: number;
}

export interface MarketChange {
  date?: string;
  startsAt?: string;
  endsAt?: string;
  location?: string;
  locationEn?: string | null;
  latitude?: number | null;
  longitude?: number | null;
}

type Kind = 'changed' | 'cancelled';

/** Market days: the catalogue, scheduling a day, publishing, changing and cancelling it. */
export function scheduling(deps: MarketDeps) {
  const { db, clock, outbox, policy, places } = deps;
  const tz = policy.timezone;
  const today = () => localDate(clock.now(), tz);

  const dayOf = (m: store.Market): Promise<MarketDay> => dayOfMarket(deps, m, clock.now());

  /** The market residents see: the soonest published one that has not ended yet. */
  async function nextMarket(now = clock.now()): Promise<store.Market | undefined> {
    const candidates = await store.marketsFrom(db, localDate(now, tz), ['published']);
    return candidates.find((m) => marketTimes(m, tz).end > now);
  }

  /** The market day as it is before the transaction, and the host's name for the messages it sends. */
  async function withWhen(marketId: number) {
    const before = await getMarket(db, marketId);
    const compounds = await placesById(deps);
    return (m: store.Market) => messages.whenParams(m, compounds.get(before.compoundId));
  }

  /** The announcement as residents hold it, edited to the market day's new state (same audience as publishing). */
  async function updateAnnouncements(trx: DbOrTx, m: store.Market, params: Params, kind: Kind, now: Date) {
    const to = await store.announcementRecipients(trx, m.compoundId);
    const offers = await store.offersOf(trx, m.id);
    await outbox.enqueue(trx, messages.announcementUpdates(m, params, offers, to, kind), now);
  }

  return {
    /** Today in the deployment time zone: what "a date in the past" is measured against. */
    today,
    /** The compounds a market day can be held in (the residents area keeps them). */
    compounds: () => places.compounds(),
    services: () => store.listServices(db),
    market: (id: number) => getMarket(db, id),
    offers: (marketId: number) => store.offersOf(db, marketId),
    recentMarkets: (limit = 6) => store.recentMarkets(db, limit),
    nextMarket,
    /** A market day with its place and offers; MarketNotFound if there is none. */
    day: async (id: number) => dayOf(await getMarket(db, id)),
    /** The same, or undefined for an id that is not (or no longer) a market day. */
    findDay: async (id: number) => {
      const m = await store.findMarket(db, id);
      return m && dayOf(m);
    },

    /** The compound after the last market's host in rotation order (communities, then rotation order). */
    async proposeCompound(): Promise<number | null> {
      const all = await places.compounds();
      if (all.length === 0) return null;
      const last = await store.lastHostCompound(db);
      const i = all.findIndex((c) => c.id === last);
      return all[(i + 1) % all.length]!.id;
    },

    /**
     * Staff create a market day as a draft; nothing is announced until it is published. It is the last step of the
     * new-market flow, so every refusal ends that flow.
     */
    async createMarket(actorId: number | null, input: NewMarketInput, done?: TxHook): Promise<number> {
      const now = clock.now();
      const final = { endsFlow: true };
      const location = cleanText(input.location);
      const locationEn = input.locationEn ? cleanText(input.locationEn) || null : null;
      if ([location, locationEn ?? ''].some((l) => [...l].length > limits.location))
        throw new LocationTooLong(limits.location, final);
      if (zonedToUtc(input.date, input.startsAt, tz) <= now) throw new DateInPast(exampleDate(today()), final);
      if (input.services.length === 0) throw new NoServices(final);
      if (!(await places.compound(input.compoundId))) throw new MarketNotFound();
      return store.atomically(db, async (trx) => {
        const catalogue = new Map((await store.listServices(trx, false)).map((s) => [s.id, s]));
        const offers = input.services.map((s) => {
          const svc = catalogue.get(s.serviceId);
          if (!svc) throw new NoServices(final);
          return { serviceId: svc.id, capacity: s.capacity ?? svc.defaultCapacity };
        });
        const id = await store.insertMarket(trx, {
          date: input.date,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          compoundId: input.compoundId,
          location: location || '-',
          locationEn,
          latitude: input.latitude,
          longitude: input.longitude,
          closeHoursBefore: input.closeHoursBefore ?? policy.closeHoursBefore,
          createdBy: actorId,
          createdAt: now.toISOString(),
        });
        await store.insertOffers(
          trx,
          offers.map((o) => ({ ...o, marketId: id })),
        );
        const details = { date: input.date, compoundId: input.compoundId, services: offers.length };
        await recordAudit(trx, { actorId, action: 'market.create', subject: `market:${id}`, details }, now);
        await runHooks(trx, done);
        return id;
      });
    },

    /** Publishes a draft and, in the same transaction, queues the announcement to the host compound and subscribers. */
    async publishMarket(actorId: number | null, marketId: number): Promise<number> {
      const now = clock.now();
      const when = await withWhen(marketId);
      return store.atomically(db, async (trx) => {
        const m = await getMarket(trx, marketId);
        if (m.status === 'cancelled') throw new MarketCancelled();
        if (m.status === 'published') throw new AlreadyPublished();
        if (marketTimes(m, tz).start <= now) throw new MarketOver();
        await store.setMarketStatus(trx, marketId, 'published', now.toISOString());
        const to = await store.announcementRecipients(trx, m.compoundId);
        const offers = await store.offersOf(trx, marketId);
        const n = await outbox.enqueue(trx, messages.announcements(m, when(m), offers, to), now);
        const details = { recipients: n };
        await recordAudit(trx, { actorId, action: 'market.publish', subject: `market:${marketId}`, details }, now);
        return n;
      });
    },

    /**
     * Changes when or where; everyone holding a ticket or a waitlist place is told in their language, and the
     * announcement residents hold is edited to the new time and place.
     */
    async changeMarket(actorId: number, marketId: number, change: MarketChange, done?: TxHook): Promise<number> {
      const now = clock.now();
      const location = change.location === undefined ? undefined : parseLocation(change.location);
      const when = await withWhen(marketId);
      return store.atomically(db, async (trx) => {
        const m = await getMarket(trx, marketId);
        if (m.status === 'cancelled') throw new MarketCancelled();
        if (marketTimes(m, tz).end <= now) throw new MarketOver();
        const next: store.Market = { ...m, revision: m.revision + 1 };
        if (change.date !== undefined) next.date = change.date;
        if (change.startsAt !== undefined) next.startsAt = change.startsAt;
        if (change.endsAt !== undefined) next.endsAt = change.endsAt;
        if (location !== undefined) next.location = location;
        if (change.locationEn !== undefined)
          next.locationEn = change.locationEn ? cleanText(change.locationEn) || null : null;
        if (change.latitude !== undefined) next.latitude = change.latitude;
        if (change.longitude !== undefined) next.longitude = change.longitude;
        if (marketTimes(next, tz).start <= now) throw new DateInPast(exampleDate(today()));
        await store.updateMarketTimes(trx, next);
        const details = { ...change };
        await recordAudit(trx, { actorId, action: 'market.change', subject: `market:${marketId}`, details }, now);
        await runHooks(trx, done);
        if (m.status !== 'published') return 0;
        const users = holdersOf(await store.bookingsOfMarket(trx, marketId, store.ACTIVE));
        const told = await outbox.enqueue(trx, messages.changed(next, when(next), users), now);
        await updateAnnouncements(trx, next, when(next), 'changed', now);
        return told;
      });
    },

    /** Cancels the day: every booking and waitlist place ends and their holders are told. */
    async cancelMarket(actorId: number, marketId: number): Promise<number> {
      const now = clock.now();
      const when = await withWhen(marketId);
      return store.atomically(db, async (trx) => {
        const m = await getMarket(trx, marketId);
        if (m.status === 'cancelled') throw new MarketCancelled();
        if (marketTimes(m, tz).end <= now) throw new MarketOver();
        const at = now.toISOString();
        await store.setMarketStatus(trx, marketId, 'cancelled', at);
        const bookers = await store.bookingsOfMarket(trx, marketId, store.ACTIVE);
        for (const b of bookers) await store.updateBooking(trx, b.id, { status: 'cancelled', updatedAt: at });
        const details = { bookings: bookers.length };
        await recordAudit(trx, { actorId, action: 'market.cancel', subject: `market:${marketId}`, details }, now);
        if (m.status !== 'published') return 0;
        const told = await outbox.enqueue(trx, messages.cancelled(m, when(m), holdersOf(bookers)), now);
        await updateAnnouncements(trx, m, when(m), 'cancelled', now);
        return told;
      });
    },

    /** Residents of the next market day who hold a ticket: the 'market.booked' broadcast audience. */
    async bookedOnNextMarket(now: Date): Promise<number[]> {
      const m = await nextMarket(now);
      return m ? store.bookedUserIds(db, m.id) : [];
    },
  };
}
