import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../db/schema';
import type { CommunitiesTable, CompoundsTable } from '../../db/tables/core';

/** A 社区: the unit deputies and staff answer for. */
export interface Community {
  id: number;
  subdistrict: string;
  nameZh: string;
  nameEn: string;
}

/** A 小区 (residential compound) of a community; the market rotates through them in `rotationOrder`. */
export interface Compound {
  id: number;
  communityId: number;
  nameZh: string;
  nameEn: string;
  rotationOrder: number;
}

const toCommunity = (r: Selectable<CommunitiesTable>): Community => ({
  id: r.id,
  subdistrict: r.subdistrict,
  nameZh: r.name_zh,
  nameEn: r.name_en,
});

const toCompound = (r: Selectable<CompoundsTable>): Compound => ({
  id: r.id,
  communityId: r.community_id,
  nameZh: r.name_zh,
  nameEn: r.name_en,
  rotationOrder: r.rotation_order,
});

export const listCommunities = async (db: DbOrTx) =>
  (await db.selectFrom('communities').selectAll().orderBy('id').execute()).map(toCommunity);

export const findCommunity = async (db: DbOrTx, id: number) => {
  const r = await db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toCommunity(r);
};

export const listCompounds = async (db: DbOrTx, communityId?: number) => {
  let q = db.selectFrom('compounds').selectAll().orderBy('community_id').orderBy('rotation_order').orderBy('id');
  if (communityId !== undefined) q = q.where('community_id', '=', communityId);
  return (await q.execute()).map(toCompound);
};

export const findCompound = async (db: DbOrTx, id: number) => {
  const r = await db.selectFrom('compounds').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toCompound(r);
};

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
  c: { communityId: number; nameZh: string; nameEn: string; rotationOrder: number },
) {
  await db
    .insertInto('compounds')
    .values({ community_id: c.communityId, name_zh: c.nameZh, name_en: c.nameEn, rotation_order: c.rotationOrder })
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

export async function renameCompound(db: DbOrTx, id: number, nameEn: string) {
  await db.updateTable('compounds').set({ name_en: nameEn }).where('id', '=', id).execute();
}
