import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import { BadAddress, LocationTooLong, NoCompounds, VenueNotFound } from '../errors';
import { limits } from '../policy';
import * as store from '../store';
import type { MarketDeps } from './deps';

const length = (s: string) => [...s].length;

/** The rules a venue's fields keep, however they came. */
function check(v: store.VenuePatch): void {
  if ([v.nameZh, v.nameEn ?? ''].some((n) => n !== undefined && length(n) > limits.location))
    throw new LocationTooLong(limits.location);
  if (v.nameZh !== undefined && !v.nameZh.trim()) throw new LocationTooLong(limits.location);
  if (v.address !== undefined && length(v.address) > limits.address) throw new BadAddress(limits.address);
}

/**
 * The market's venues: the places market days are held at, offered as buttons when a day is scheduled or moved.
 * Every change is audited; a venue is retired, never deleted, and a market day keeps the place it was scheduled at
 * (its name and address are copied to the day: changing a venue changes where future days are held, not past ones).
 */
export function venues(deps: Pick<MarketDeps, 'db' | 'clock' | 'places'>) {
  const { db, clock, places } = deps;

  async function venue(id: number): Promise<store.Venue> {
    const v = await store.findVenue(db, id);
    if (!v) throw new VenueNotFound();
    return v;
  }

  async function requireCompound(id: number) {
    if (!(await places.compound(id))) throw new NoCompounds();
  }

  async function change(actorId: number, id: number, action: string, patch: store.VenuePatch, done?: TxHook) {
    const now = clock.now();
    return store.atomically(db, async (trx) => {
      const before = await store.findVenue(trx, id);
      if (!before) throw new VenueNotFound();
      // Nothing to change (a confirmation tapped twice): nothing written, nothing audited.
      if (Object.entries(patch).every(([k, v]) => before[k as keyof store.Venue] === v)) {
        await runHooks(trx, done);
        return before;
      }
      await store.updateVenue(trx, id, patch, now.toISOString());
      const was = Object.fromEntries(Object.keys(patch).map((k) => [k, before[k as keyof store.Venue]]));
      await recordAudit(trx, { actorId, action, subject: `venue:${id}`, details: { was, now: patch } }, now);
      await runHooks(trx, done);
      return (await store.findVenue(trx, id))!;
    });
  }

  return {
    /** Every venue, retired ones last (staff's list); `activeVenues()` gives those a market day can be held at. */
    venues: () => store.listVenues(db, false),
    activeVenues: () => store.listVenues(db),
    venue,
    /** Whether there is a venue to hold a market day at: the set-up step is done. */
    hasVenues: () => store.hasActiveVenue(db),

    async addVenue(actorId: number | null, input: store.NewVenue, done?: TxHook): Promise<store.Venue> {
      check(input);
      await requireCompound(input.compoundId);
      const now = clock.now();
      return store.atomically(db, async (trx) => {
        const id = await store.insertVenue(trx, input, actorId, now.toISOString());
        await recordAudit(trx, { actorId, action: 'market.venue.add', subject: `venue:${id}`, details: input }, now);
        await runHooks(trx, done);
        return (await store.findVenue(trx, id))!;
      });
    },

    async editVenue(actorId: number, id: number, patch: store.VenuePatch, done?: TxHook): Promise<store.Venue> {
      check(patch);
      if (patch.compoundId !== undefined) await requireCompound(patch.compoundId);
      const { active: _, ...edit } = patch;
      return change(actorId, id, 'market.venue.edit', edit, done);
    },

    /** Offered for no new market day; the days held there keep it. */
    retireVenue: (actorId: number, id: number) => change(actorId, id, 'market.venue.retire', { active: false }),
    restoreVenue: (actorId: number, id: number) => change(actorId, id, 'market.venue.restore', { active: true }),
  };
}
