import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database, DbOrTx } from '../../db/schema';

export type RecipientRow = Selectable<Database['relief_recipients']>;
export type ProxyRow = Selectable<Database['relief_proxies']>;
export type LinkRow = Selectable<Database['relief_links']>;
export type PickupRow = Selectable<Database['relief_pickups']>;
export type SettingsRow = Selectable<Database['relief_settings']>;
export type HolidayRow = Selectable<Database['relief_holidays']>;

// ---- recipients

export async function insertRecipient(db: DbOrTx, r: Insertable<Database['relief_recipients']>): Promise<number> {
  const row = await db.insertInto('relief_recipients').values(r).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export const updateRecipient = (db: DbOrTx, id: number, patch: Updateable<Database['relief_recipients']>) =>
  db.updateTable('relief_recipients').set(patch).where('id', '=', id).execute();

export const findRecipient = (db: DbOrTx, id: number) =>
  db.selectFrom('relief_recipients').selectAll().where('id', '=', id).executeTakeFirst();

export const findRecipientByUser = (db: DbOrTx, userId: number) =>
  db.selectFrom('relief_recipients').selectAll().where('user_id', '=', userId).executeTakeFirst();

export const listRecipients = (db: DbOrTx, activeOnly = false) => {
  let q = db.selectFrom('relief_recipients').selectAll().orderBy('id');
  if (activeOnly) q = q.where('active', '=', 1);
  return q.execute();
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

export const searchByName = (db: DbOrTx, part: string, limit: number) =>
  db
    .selectFrom('relief_recipients')
    .selectAll()
    .where('name', 'like', `%${part.replace(/[%_]/g, '')}%`)
    .orderBy('active', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();

export const searchByPhoneTail = (db: DbOrTx, tail: string, limit: number) =>
  db
    .selectFrom('relief_recipients')
    .selectAll()
    .where('phone', 'like', `%${tail}`)
    .orderBy('active', 'desc')
    .orderBy('id')
    .limit(limit)
    .execute();

export const clearUserLink = (db: DbOrTx, userId: number) =>
  db.updateTable('relief_recipients').set({ user_id: null }).where('user_id', '=', userId).execute();

// ---- proxies

export async function insertProxy(db: DbOrTx, p: Insertable<Database['relief_proxies']>): Promise<number> {
  return (await db.insertInto('relief_proxies').values(p).returning('id').executeTakeFirstOrThrow()).id;
}

export const findProxy = (db: DbOrTx, id: number) =>
  db.selectFrom('relief_proxies').selectAll().where('id', '=', id).executeTakeFirst();

export const proxiesOf = (db: DbOrTx, recipientId: number) =>
  db
    .selectFrom('relief_proxies')
    .selectAll()
    .where('recipient_id', '=', recipientId)
    .where('active', '=', 1)
    .orderBy('id')
    .execute();

/** Recipients this user collects for, through an active proxy record that they opened. */
export const proxiedBy = (db: DbOrTx, userId: number) =>
  db
    .selectFrom('relief_proxies')
    .innerJoin('relief_recipients', 'relief_recipients.id', 'relief_proxies.recipient_id')
    .selectAll('relief_recipients')
    .select(['relief_proxies.id as proxy_id', 'relief_proxies.name as proxy_name'])
    .where('relief_proxies.user_id', '=', userId)
    .where('relief_proxies.active', '=', 1)
    .orderBy('relief_recipients.id')
    .execute();

export const updateProxy = (db: DbOrTx, id: number, patch: Updateable<Database['relief_proxies']>) =>
  db.updateTable('relief_proxies').set(patch).where('id', '=', id).execute();

/** Linked proxies of active recipients: who hears about someone else's pickup. */
export const linkedProxies = (db: DbOrTx) =>
  db
    .selectFrom('relief_proxies')
    .innerJoin('relief_recipients', 'relief_recipients.id', 'relief_proxies.recipient_id')
    .select(['relief_proxies.id', 'relief_proxies.recipient_id', 'relief_proxies.user_id', 'relief_proxies.name'])
    .where('relief_proxies.active', '=', 1)
    .where('relief_proxies.user_id', 'is not', null)
    .where('relief_recipients.active', '=', 1)
    .orderBy('relief_proxies.id')
    .execute();

// ---- one-time links

export const insertLink = (db: DbOrTx, l: Database['relief_links']) =>
  db.insertInto('relief_links').values(l).execute();

export const findLink = (db: DbOrTx, code: string) =>
  db.selectFrom('relief_links').selectAll().where('code', '=', code).executeTakeFirst();

/** Marks the link used only if nobody used it first: a double tap or a shared link links once. */
export const claimLink = async (db: DbOrTx, code: string, userId: number, at: string) =>
  (
    await db
      .updateTable('relief_links')
      .set({ used_by: userId, used_at: at })
      .where('code', '=', code)
      .where('used_by', 'is', null)
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

// ---- monthly codes

export const findCode = async (db: DbOrTx, month: string, recipientId: number) =>
  (
    await db
      .selectFrom('relief_codes')
      .select('code')
      .where('month', '=', month)
      .where('recipient_id', '=', recipientId)
      .executeTakeFirst()
  )?.code;

/** True if the code was free; a clash with another recipient's code of the month is left to the caller to retry. */
export const insertCode = async (db: DbOrTx, month: string, recipientId: number, code: string) =>
  Number(
    (
      await db
        .insertInto('relief_codes')
        .values({ month, recipient_id: recipientId, code })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) === 1;

export const recipientByCode = (db: DbOrTx, month: string, code: string) =>
  db
    .selectFrom('relief_codes')
    .innerJoin('relief_recipients', 'relief_recipients.id', 'relief_codes.recipient_id')
    .selectAll('relief_recipients')
    .where('relief_codes.month', '=', month)
    .where('relief_codes.code', '=', code)
    .executeTakeFirst();

// ---- pickups

/** False when the month already has a pickup for this recipient (the unique constraint decides). */
export const insertPickup = async (db: DbOrTx, p: Insertable<Database['relief_pickups']>) =>
  Number(
    (
      await db
        .insertInto('relief_pickups')
        .values(p)
        .onConflict((oc) => oc.columns(['recipient_id', 'month']).doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) === 1;

export const findPickup = (db: DbOrTx, recipientId: number, month: string) =>
  db
    .selectFrom('relief_pickups')
    .selectAll()
    .where('recipient_id', '=', recipientId)
    .where('month', '=', month)
    .executeTakeFirst();

export const pickupsOfMonth = (db: DbOrTx, month: string) =>
  db
    .selectFrom('relief_pickups')
    .leftJoin('users', 'users.id', 'relief_pickups.staff_id')
    .selectAll('relief_pickups')
    .select(['users.first_name as staff_first', 'users.last_name as staff_last'])
    .where('month', '=', month)
    .orderBy('relief_pickups.id')
    .execute();

// ---- "will come later"

export const insertLater = async (db: DbOrTx, month: string, recipientId: number, userId: number, at: string) =>
  Number(
    (
      await db
        .insertInto('relief_later')
        .values({ month, recipient_id: recipientId, user_id: userId, at })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) === 1;

export const laterOfMonth = async (db: DbOrTx, month: string) =>
  (await db.selectFrom('relief_later').select('recipient_id').where('month', '=', month).execute()).map(
    (r) => r.recipient_id,
  );

// ---- settings and holidays

export const getSettings = (db: DbOrTx) =>
  db.selectFrom('relief_settings').selectAll().where('id', '=', 1).executeTakeFirstOrThrow();

export const updateSettings = (db: DbOrTx, patch: Updateable<Database['relief_settings']>) =>
  db.updateTable('relief_settings').set(patch).where('id', '=', 1).execute();

export const holidaysBetween = (db: DbOrTx, from: string, toExclusive: string) =>
  db
    .selectFrom('relief_holidays')
    .selectAll()
    .where('date', '>=', from)
    .where('date', '<', toExclusive)
    .orderBy('date')
    .execute();

export const insertHoliday = async (db: DbOrTx, h: Insertable<Database['relief_holidays']>) =>
  Number(
    (
      await db
        .insertInto('relief_holidays')
        .values(h)
        .onConflict((oc) => oc.columns(['date', 'name_zh']).doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) === 1;

export const findHoliday = (db: DbOrTx, id: number) =>
  db.selectFrom('relief_holidays').selectAll().where('id', '=', id).executeTakeFirst();

export const deleteHoliday = (db: DbOrTx, id: number) =>
  db.deleteFrom('relief_holidays').where('id', '=', id).execute();
