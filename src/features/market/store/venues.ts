import type { Selectable, Updateable } from 'kysely';
import type { Database, DbOrTx } from '../../../db/schema';

// Venues: the places market days are held at. Retired (active = 0), never deleted: a market day keeps the venue it
// was held at.

/** A place market days are held at, in one compound. */
export interface Venue {
  id: number;
  nameZh: string;
  /** null: English readers see the place's own name, marked as such. */
  nameEn: string | null;
  /** '' for none. */
  address: string;
  /** The host compound: its residents hear of a market day held here. */
  compoundId: number;
  latitude: number | null;
  longitude: number | null;
  active: boolean;
}

export type NewVenue = Omit<Venue, 'id' | 'active'>;

const toVenue = (r: Selectable<Database['market_venues']>): Venue => ({
  id: r.id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  address: r.address,
  compoundId: r.compound_id,
  latitude: r.latitude,
  longitude: r.longitude,
  active: r.active === 1,
});

/** Active venues (or all, retired last), in the order they were added. */
export const listVenues = async (db: DbOrTx, activeOnly = true): Promise<Venue[]> => {
  let q = db.selectFrom('market_venues').selectAll();
  if (activeOnly) q = q.where('active', '=', 1);
  else q = q.orderBy('active', 'desc');
  return (await q.orderBy('id').execute()).map(toVenue);
};

export const findVenue = async (db: DbOrTx, id: number): Promise<Venue | undefined> => {
  const r = await db.selectFrom('market_venues').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toVenue(r);
};

export const hasActiveVenue = async (db: DbOrTx) =>
  (await db.selectFrom('market_venues').select('id').where('active', '=', 1).limit(1).executeTakeFirst()) !== undefined;

export const insertVenue = async (db: DbOrTx, v: NewVenue, by: number | null, at: string) =>
  (
    await db
      .insertInto('market_venues')
      .values({
        name_zh: v.nameZh,
        name_en: v.nameEn,
        address: v.address,
        compound_id: v.compoundId,
        latitude: v.latitude,
        longitude: v.longitude,
        created_by: by,
        created_at: at,
        updated_at: at,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export type VenuePatch = Partial<Omit<Venue, 'id'>>;

// Kysely leaves out what is undefined: only the fields given are written.
const columns = (p: VenuePatch, at: string): Updateable<Database['market_venues']> => ({
  name_zh: p.nameZh,
  name_en: p.nameEn,
  address: p.address,
  compound_id: p.compoundId,
  latitude: p.latitude,
  longitude: p.longitude,
  active: p.active === undefined ? undefined : p.active ? 1 : 0,
  updated_at: at,
});

export const updateVenue = (db: DbOrTx, id: number, patch: VenuePatch, at: string) =>
  db.updateTable('market_venues').set(columns(patch, at)).where('id', '=', id).execute();
