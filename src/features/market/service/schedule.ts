import { localDate, zonedToUtc } from '../../../core/time';
import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { Params } from '../../../outbox/service';
import {
  AlreadyPublished,
  DateInPast,
  MarketCancelled,
  MarketOver,
  NoServices,
  VenueNotFound,
  VenueRetired,
} from '../errors';
import { exampleDate } from '../input';
import { marketTimes } from '../policy';
import * as store from '../store';
import { dayOf as dayOfMarket, getMarket, holdersOf, type MarketDay, type MarketDeps, placesById } from './deps';
import * as messages from './messages';

export interface NewMarketInput {
  date: string;
  startsAt: string;
  endsAt: string;
  /** Where: one of the venues (its compound hosts the day; its name, address and map location are copied). */
  venueId: number;
  /** A service without a capacity takes the catalogue's default. */
  services: { serviceId: number; capacity?: number }[];
  closeHoursBefore?: number;
}

export interface MarketChange {
  date?: string;
  startsAt?: string;
  endsAt?: string;
  /** Moves the day to another venue (and with it, perhaps, to another host compound). */
  venueId?: number;
}

type Kind = 'changed' | 'cancelled';

/** A venue a market day can be held at now: one that exists and is not retired. */
async function usableVenue(trx: DbOrTx, id: number) {
  const v = await store.findVenue(trx, id);
  if (!v) throw new VenueNotFound();
  if (!v.active) throw new VenueRetired();
  return v;
}

/** What a market day copies from its venue: the place as it is when the day is scheduled or moved there. */
const placeOf = (v: store.Venue) => ({
  venueId: v.id,
  compoundId: v.compoundId,
  location: v.nameZh,
  locationEn: v.nameEn,
  address: v.address,
  latitude: v.latitude,
  longitude: v.longitude,
});

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

  /** The host's name for the messages a change sends (compounds are read before the transaction). */
  async function withWhen() {
    const compounds = await placesById(deps);
    return (m: store.Market) => messages.whenParams(m, compounds.get(m.compoundId));
  }

  /**
   * The announcement as residents hold it, edited to the market day's new state: the host compound's residents and
   * subscribers, and (moved to another compound) those who were told of it where it was.
   */
  async function updateAnnouncements(trx: DbOrTx, m: store.Market, params: Params, kind: Kind, now: Date, was = m) {
    const to = new Set(await store.announcementRecipients(trx, m.compoundId));
    if (was.compoundId !== m.compoundId)
      for (const id of await store.announcementRecipients(trx, was.compoundId)) to.add(id);
    const offers = await store.offersOf(trx, m.id);
    await outbox.enqueue(trx, messages.announcementUpdates(m, params, offers, [...to], kind), now);
  }

  return {
    /** Today in the deployment time zone: what "a date in the past" is measured against. */
    today,
    /** The compounds a venue can be in (the residents area keeps them), in rotation order, and by id. */
    compounds: () => places.compounds(),
    compoundsById: () => placesById(deps),
    services: () => store.listServices(db),
    market: (id: number) => getMarket(db, id),
    offers: (marketId: number) => store.offersOf(db, marketId),
    /** Market days newest first, a page of `size` at a time, and how many there are. */
    async marketsPage(page: number, size: number) {
      const total = await store.countMarkets(db);
      const p = Math.min(Math.max(0, page), Math.max(0, Math.ceil(total / size) - 1));
      return {
        markets: await store.marketsPage(db, p * size, size),
        page: p,
        pages: Math.max(1, Math.ceil(total / size)),
        total,
      };
    },
    nextMarket,
    /** The days a market day's list can be downloaded for: up to three to come, soonest first, then eight past. */
    async exportDays(): Promise<string[]> {
      const now = today();
      const dates = [...new Set((await store.marketsPage(db, 0, 60)).map((m) => m.date))];
      const ahead = dates
        .filter((d) => d > now)
        .reverse()
        .slice(0, 3);
      const past = dates.filter((d) => d <= now).slice(0, 8);
      return [...ahead, ...past];
    },
    /** A market day with its place and offers; MarketNotFound if there is none. */
    day: async (id: number) => dayOf(await getMarket(db, id)),
    /** The same, or undefined for an id that is not (or no longer) a market day. */
    findDay: async (id: number) => {
      const m = await store.findMarket(db, id);
      return m && dayOf(m);
    },

    /**
     * The venue next in rotation: the compounds take turns (communities, then rotation order) after the last market's
     * host, and the first of them with a venue proposes its first venue.
     */
    async proposeVenue(): Promise<number | null> {
      const venues = await store.listVenues(db);
      if (venues.length === 0) return null;
      const all = await places.compounds();
      const host = await store.lastHostCompound(db);
      // -1 when no market was held yet: the turn starts at the first compound.
      const from = all.findIndex((c) => c.id === host);
      for (let k = 1; k <= all.length; k++) {
        const c = all[(from + k) % all.length]!;
        const v = venues.find((x) => x.compoundId === c.id);
        if (v) return v.id;
      }
      return venues[0]!.id;
    },

    /**
     * Staff create a market day as a draft; nothing is announced until it is published. It is the last step of the
     * new-market flow, so every refusal ends that flow.
     */
    async createMarket(actorId: number | null, input: NewMarketInput, done?: TxHook): Promise<number> {
      const now = clock.now();
      const final = { endsFlow: true };
      if (zonedToUtc(input.date, input.startsAt, tz) <= now) throw new DateInPast(exampleDate(today()), final);
      if (input.services.length === 0) throw new NoServices(final);
      return store.atomically(db, async (trx) => {
        const venue = await usableVenue(trx, input.venueId);
        const catalogue = new Map((await store.listServices(trx, false)).map((s) => [s.id, s]));
        const offers = input.services.map((s) => {
          const service = catalogue.get(s.serviceId);
          if (!service) throw new NoServices(final);
          return { service, capacity: s.capacity ?? service.defaultCapacity };
        });
        const id = await store.insertMarket(trx, {
          date: input.date,
          startsAt: input.startsAt,
          endsAt: input.endsAt,
          ...placeOf(venue),
          closeHoursBefore: input.closeHoursBefore ?? policy.closeHoursBefore,
          createdBy: actorId,
          createdAt: now.toISOString(),
        });
        await store.insertOffers(trx, id, offers);
        const details = { date: input.date, venueId: venue.id, compoundId: venue.compoundId, services: offers.length };
        await recordAudit(trx, { actorId, action: 'market.create', subject: `market:${id}`, details }, now);
        await runHooks(trx, done);
        return id;
      });
    },

    /** Publishes a draft and, in the same transaction, queues the announcement to the host compound and subscribers. */
    async publishMarket(actorId: number | null, marketId: number): Promise<number> {
      const now = clock.now();
      const when = await withWhen();
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
      const when = await withWhen();
      return store.atomically(db, async (trx) => {
        const m = await getMarket(trx, marketId);
        if (m.status === 'cancelled') throw new MarketCancelled();
        if (marketTimes(m, tz).end <= now) throw new MarketOver();
        const next: store.Market = { ...m, revision: m.revision + 1 };
        if (change.date !== undefined) next.date = change.date;
        if (change.startsAt !== undefined) next.startsAt = change.startsAt;
        if (change.endsAt !== undefined) next.endsAt = change.endsAt;
        if (change.venueId !== undefined) Object.assign(next, placeOf(await usableVenue(trx, change.venueId)));
        if (marketTimes(next, tz).start <= now) throw new DateInPast(exampleDate(today()));
        await store.updateMarketTimes(trx, next);
        const details = { ...change };
        await recordAudit(trx, { actorId, action: 'market.change', subject: `market:${marketId}`, details }, now);
        await runHooks(trx, done);
        if (m.status !== 'published') return 0;
        const users = holdersOf(await store.bookingsOfMarket(trx, marketId, store.ACTIVE));
        const told = await outbox.enqueue(trx, messages.changed(next, when(next), users), now);
        await updateAnnouncements(trx, next, when(next), 'changed', now, m);
        return told;
      });
    },

    /** Cancels the day: every booking and waitlist place ends and their holders are told. */
    async cancelMarket(actorId: number, marketId: number): Promise<number> {
      const now = clock.now();
      const when = await withWhen();
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
