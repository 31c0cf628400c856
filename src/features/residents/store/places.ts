import type { Selectable } from 'kysely';
import { compiledOnce } from '../../../db/compiled';
import type { DbOrTx } from '../../../db/schema';
import type { CommunitiesTable, CompoundsTable } from '../../../db/tables/core';

/** A 社区: the unit deputies and staff answer for. */
export interface Community {
  id: number;
  subdistrict: string;
  nameZh: string;
  nameEn: string;
  /** No longer offered to newcomers; everything that refers to it still does. */
  retired: boolean;
}

/** A 小区 (residential compound) of a community; the market rotates through them in `rotationOrder`. */
export interface Compound {
  id: number;
  communityId: number;
  nameZh: string;
  nameEn: string;
  rotationOrder: number;
  address: string | null;
  /** A point on the map, if the admin sent one. */
  location: { latitude: number; longitude: number } | null;
  retired: boolean;
}

const toCommunity = (r: Selectable<CommunitiesTable>): Community => ({
  id: r.id,
  subdistrict: r.subdistrict,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  retired: r.retired === 1,
});

const toCompound = (r: Selectable<CompoundsTable>): Compound => ({
  id: r.id,
  communityId: r.community_id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  rotationOrder: r.rotation_order,
  address: r.address,
  location: r.latitude === null || r.longitude === null ? null : { latitude: r.latitude, longitude: r.longitude },
  retired: r.retired === 1,
});

export const listCommunities = async (db: DbOrTx) =>
  (await db.selectFrom('communities').selectAll().orderBy('id').execute()).map(toCommunity);

// A resident's home is read on every /me: built once, not on every call.
const communityById = compiledOnce(['id'], (db, v) => db.selectFrom('communities').selectAll().where('id', '=', v.id));
const compoundById = compiledOnce(['id'], (db, v) => db.selectFrom('compounds').selectAll().where('id', '=', v.id));

export const findCommunity = async (db: DbOrTx, id: number) => {
  const r = (await communityById(db, { id }))[0];
  return r && toCommunity(r);
};

export const findCommunityByName = async (db: DbOrTx, nameZh: string) => {
  const r = await db.selectFrom('communities').selectAll().where('name_zh', '=', nameZh).executeTakeFirst();
  return r && toCommunity(r);
};

export const listCompounds = async (db: DbOrTx, communityId?: number) => {
  let q = db.selectFrom('compounds').selectAll().orderBy('community_id').orderBy('rotation_order').orderBy('id');
  if (communityId !== undefined) q = q.where('community_id', '=', communityId);
  return (await q.execute()).map(toCompound);
};

export const findCompound = async (db: DbOrTx, id: number) => {
  const r = (await compoundById(db, { id }))[0];
  return r && toCompound(r);
};

/** Whether a newcomer has anywhere to choose: a compound in use, in a community in use. */
export const hasActivePlaces = async (db: DbOrTx) =>
  (await db
    .selectFrom('compounds')
    .innerJoin('communities', 'communities.id', 'compounds.community_id')
    .select('compounds.id')
    .where('compounds.retired', '=', 0)
    .where('communities.retired', '=', 0)
    .limit(1)
    .executeTakeFirst()) !== undefined;

export async function upsertCommunity(db: DbOrTx, c: { subdistrict: string; nameZh: string; nameEn: string }) {
  await db
    .insertInto('communities')
    .values({ subdistrict: c.subdistrict, name_zh: c.nameZh, name_en: c.nameEn })
    .onConflict((oc) => oc.column('name_zh').doNothing())
    .execute();
  return toCommunity(
    await db.selectFrom('communities').selectAll().where('name_zh', '=', c.nameZh).executeTakeFirstOrThrow(),
  );
}

export async function upsertCompound(
  db: DbOrTx,
  c: {
    communityId: number;
    nameZh: string;
    nameEn: string;
    rotationOrder: number;
    address?: string | null;
    location?: { latitude: number; longitude: number } | null;
  },
) {
  await db
    .insertInto('compounds')
    .values({
      community_id: c.communityId,
      name_zh: c.nameZh,
      name_en: c.nameEn,
      rotation_order: c.rotationOrder,
      address: c.address ?? null,
      latitude: c.location?.latitude ?? null,
      longitude: c.location?.longitude ?? null,
    })
    .onConflict((oc) => oc.columns(['community_id', 'name_zh']).doNothing())
    .execute();
  const r = await db
    .selectFrom('compounds')
    .selectAll()
    .where('community_id', '=', c.communityId)
    .where('name_zh', '=', c.nameZh)
    .executeTakeFirstOrThrow();
  return toCompound(r);
}

export async function updateCommunity(
  db: DbOrTx,
  id: number,
  patch: { nameZh?: string; nameEn?: string; retired?: boolean },
) {
  await db
    .updateTable('communities')
    .set({
      ...(patch.nameZh === undefined ? {} : { name_zh: patch.nameZh }),
      ...(patch.nameEn === undefined ? {} : { name_en: patch.nameEn }),
      ...(patch.retired === undefined ? {} : { retired: patch.retired ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute();
}

export async function updateCompound(
  db: DbOrTx,
  id: number,
  patch: {
    nameZh?: string;
    nameEn?: string;
    address?: string | null;
    location?: { latitude: number; longitude: number } | null;
    retired?: boolean;
  },
) {
  await db
    .updateTable('compounds')
    .set({
      ...(patch.nameZh === undefined ? {} : { name_zh: patch.nameZh }),
      ...(patch.nameEn === undefined ? {} : { name_en: patch.nameEn }),
      ...(patch.address === undefined ? {} : { address: patch.address }),
      ...(patch.location === undefined
        ? {}
        : { latitude: patch.location?.latitude ?? null, longitude: patch.location?.longitude ?? null }),
      ...(patch.retired === undefined ? {} : { retired: patch.retired ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute();
}

/** The sub-district's name as every community carries it (it is renamed in the chat). */
export async function setSubdistrict(db: DbOrTx, name: string) {
  await db.updateTable('communities').set({ subdistrict: name }).execute();
}
