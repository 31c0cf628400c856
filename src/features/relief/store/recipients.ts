import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { ReliefRecipientsTable } from '../../../db/tables/relief';
import type { Category } from '../recipients';

/** A person on the roster; `userId` is their Telegram account once they opened their link. */
export interface Recipient {
  id: number;
  name: string;
  category: Category;
  phone: string | null;
  notes: string | null;
  /** False once staff stopped the package (停发): kept for the records, left out of the month. */
  active: boolean;
  userId: number | null;
  /** The community the office's list puts them in (null: not recorded). */
  communityId: number | null;
  createdAt: string;
  updatedAt: string;
}

export const toRecipient = (r: Selectable<ReliefRecipientsTable>): Recipient => ({
  id: r.id,
  name: r.name,
  // Only checked categories are ever written (bot, import); the column is plain text.
  category: r.category as Category,
  phone: r.phone,
  notes: r.notes,
  active: r.active === 1,
  userId: r.user_id,
  communityId: r.community_id,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});

export interface RecipientFields {
  name: string;
  category: Category;
  phone: string | null;
  notes: string | null;
}

export async function insertRecipient(
  db: DbOrTx,
  r: RecipientFields & { active?: boolean; communityId?: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('relief_recipients')
    .values({
      name: r.name,
      category: r.category,
      phone: r.phone,
      notes: r.notes,
      ...(r.active === undefined ? {} : { active: r.active ? 1 : 0 }),
      user_id: null,
      community_id: r.communityId ?? null,
      created_at: r.at,
      updated_at: r.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function updateRecipient(
  db: DbOrTx,
  id: number,
  patch: Partial<RecipientFields> & {
    active?: boolean;
    userId?: number | null;
    communityId?: number | null;
    at: string;
  },
): Promise<void> {
  const { active, userId, communityId, at, ...fields } = patch;
  await db
    .updateTable('relief_recipients')
    .set({
      ...fields,
      ...(active === undefined ? {} : { active: active ? 1 : 0 }),
      ...(userId === undefined ? {} : { user_id: userId }),
      ...(communityId === undefined ? {} : { community_id: communityId }),
      updated_at: at,
    })
    .where('id', '=', id)
    .execute();
}

export const findRecipient = async (db: DbOrTx, id: number) => {
  const r = await db.selectFrom('relief_recipients').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toRecipient(r);
};

export const findRecipientByUser = async (db: DbOrTx, userId: number) => {
  const r = await db.selectFrom('relief_recipients').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return r && toRecipient(r);
};

export const listRecipients = async (db: DbOrTx, activeOnly = false) => {
  let q = db.selectFrom('relief_recipients').selectAll().orderBy('id');
  if (activeOnly) q = q.where('active', '=', 1);
  return (await q.execute()).map(toRecipient);
};

export const countRecipients = async (db: DbOrTx) =>
  Number(
    (
      await db
        .selectFrom('relief_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Active people first; the search is by part of the name. */
export const searchByName = async (db: DbOrTx, part: string, limit: number) =>
  (
    await db
      .selectFrom('relief_recipients')
      .selectAll()
      .where('name', 'like', `%${part.replace(/[%_]/g, '')}%`)
      .orderBy('active', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute()
  ).map(toRecipient);

export const searchByPhoneTail = async (db: DbOrTx, tail: string, limit: number) =>
  (
    await db
      .selectFrom('relief_recipients')
      .selectAll()
      .where('phone', 'like', `%${tail}`)
      .orderBy('active', 'desc')
      .orderBy('id')
      .limit(limit)
      .execute()
  ).map(toRecipient);

/** Who is on the roster with this name and phone (no phone matches no phone): a second entry would be a twin. */
export const findByPerson = async (db: DbOrTx, name: string, phone: string | null) => {
  const r = await db
    .selectFrom('relief_recipients')
    .selectAll()
    .where('name', '=', name)
    .where((eb) => (phone === null ? eb('phone', 'is', null) : eb('phone', '=', phone)))
    .orderBy('id')
    .executeTakeFirst();
  return r && toRecipient(r);
};
