import type { Clock } from '../../../core/clock';
import type { ReadQueries } from '../../../db/reads';
import type { Db, DbOrTx } from '../../../db/schema';
import type { Identity } from '../../../identity';
import type { Outbox } from '../../../outbox/service';
import type { Compound, ResidentsService } from '../../residents/service';
import { MarketNotFound } from '../errors';
import { type MarketPolicy, type MarketState, marketState } from '../policy';
import * as store from '../store';

/** What the market's services are built with, once: the platform's parts, its policy and the places. */
export interface MarketDeps {
  db: Db;
  /** Heavy read-only queries (the community report's counts), off the event loop on a SQLite file. */
  reads: ReadQueries;
  clock: Clock;
  identity: Identity;
  outbox: Outbox;
  policy: MarketPolicy;
  /** Compounds come from the residents area; read before a transaction, never inside one (one connection). */
  places: Pick<ResidentsService, 'compounds' | 'compound'>;
}

/** A market day as residents and staff see it: where, what it offers, and whether it can be booked now. */
export interface MarketDay {
  market: store.Market;
  compound: Compound | undefined;
  offers: store.Offer[];
  state: MarketState;
}

export type Places = ReadonlyMap<number, Compound>;

export async function getMarket(db: DbOrTx, id: number): Promise<store.Market> {
  const m = await store.findMarket(db, id);
  if (!m) throw new MarketNotFound();
  return m;
}

/** A market day with its place and offers, and what residents can do with it at `now`. */
export async function dayOf(deps: Pick<MarketDeps, 'db' | 'places' | 'policy'>, m: store.Market, now: Date) {
  const day: MarketDay = {
    market: m,
    compound: await deps.places.compound(m.compoundId),
    offers: await store.offersOf(deps.db, m.id),
    state: marketState(m, now, deps.policy.timezone),
  };
  return day;
}

/** Every compound by id: read once before a transaction whose messages name the host compound. */
export const placesById = async (deps: Pick<MarketDeps, 'places'>): Promise<Places> =>
  new Map((await deps.places.compounds()).map((c) => [c.id, c]));

/** The people a set of bookings belongs to, each once (walk-ins have none). */
export const holdersOf = (bookings: readonly store.Booking[]) => [
  ...new Set(bookings.flatMap((b) => (b.userId === null ? [] : [b.userId]))),
];
