import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { ReliefLinksTable, ReliefProxiesTable } from '../../../db/tables/relief';
import { toRecipient } from './recipients';

/** Someone who may collect for a recipient; `userId` is set when they open their link. */
export interface ReliefProxy {
  id: number;
  recipientId: number;
  name: string;
  userId: number | null;
  active: boolean;
  createdBy: number | null;
  createdAt: string;
}

/** A one-time link: for the recipient (from staff, `proxyId` null) or for a proxy they named. */
export interface Link {
  code: string;
  recipientId: number;
  proxyId: number | null;
  createdBy: number;
  createdAt: string;
  expiresAt: string;
  usedBy: number | null;
  usedAt: string | null;
}

const toProxy = (r: Selectable<ReliefProxiesTable>): ReliefProxy => ({
  id: r.id,
  recipientId: r.recipient_id,
  name: r.name,
  userId: r.user_id,
  active: r.active === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

const toLink = (r: Selectable<ReliefLinksTable>): Link => ({
  code: r.code,
  recipientId: r.recipient_id,
  proxyId: r.proxy_id,
  createdBy: r.created_by,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
  usedBy: r.used_by,
  usedAt: r.used_at,
});

// ---- proxies

export async function insertProxy(
  db: DbOrTx,
  p: { recipientId: number; name: string; userId: number | null; createdBy: number | null; at: string },
): Promise<number> {
  const row = await db
    .insertInto('relief_proxies')
    .values({
      recipient_id: p.recipientId,
      name: p.name,
      user_id: p.userId,
      created_by: p.createdBy,
      created_at: p.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export const findProxy = async (db: DbOrTx, id: number) => {
  const r = await db.selectFrom('relief_proxies').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toProxy(r);
};

/** The active proxies of a recipient, oldest first. */
export const proxiesOf = async (db: DbOrTx, recipientId: number) =>
  (
    await db
      .selectFrom('relief_proxies')
      .selectAll()
      .where('recipient_id', '=', recipientId)
      .where('active', '=', 1)
      .orderBy('id')
      .execute()
  ).map(toProxy);

/** Recipients this user collects for, through an active proxy record that they opened. */
export const proxiedBy = async (db: DbOrTx, userId: number) =>
  (
    await db
      .selectFrom('relief_proxies')
      .innerJoin('relief_recipients', 'relief_recipients.id', 'relief_proxies.recipient_id')
      .selectAll('relief_recipients')
      .where('relief_proxies.user_id', '=', userId)
      .where('relief_proxies.active', '=', 1)
      .orderBy('relief_recipients.id')
      .execute()
  ).map(toRecipient);

export const setProxyUser = (db: DbOrTx, id: number, userId: number) =>
  db.updateTable('relief_proxies').set({ user_id: userId }).where('id', '=', id).execute();

export const deactivateProxy = (db: DbOrTx, id: number) =>
  db.updateTable('relief_proxies').set({ active: 0 }).where('id', '=', id).execute();

/** Proxies who opened their link, of active recipients: who hears about someone else's pickup. */
export const linkedProxies = async (db: DbOrTx): Promise<{ recipientId: number; userId: number }[]> =>
  (
    await db
      .selectFrom('relief_proxies')
      .innerJoin('relief_recipients', 'relief_recipients.id', 'relief_proxies.recipient_id')
      .select(['relief_proxies.recipient_id', 'relief_proxies.user_id'])
      .where('relief_proxies.active', '=', 1)
      .where('relief_proxies.user_id', 'is not', null)
      .where('relief_recipients.active', '=', 1)
      .orderBy('relief_proxies.id')
      .execute()
  ).flatMap((p) => (p.user_id === null ? [] : [{ recipientId: p.recipient_id, userId: p.user_id }]));

// ---- one-time links

export const insertLink = (db: DbOrTx, l: Omit<Link, 'usedBy' | 'usedAt'>) =>
  db
    .insertInto('relief_links')
    .values({
      code: l.code,
      recipient_id: l.recipientId,
      proxy_id: l.proxyId,
      created_by: l.createdBy,
      created_at: l.createdAt,
      expires_at: l.expiresAt,
      used_by: null,
      used_at: null,
    })
    .execute();

export const findLink = async (db: DbOrTx, code: string) => {
  const r = await db.selectFrom('relief_links').selectAll().where('code', '=', code).executeTakeFirst();
  return r && toLink(r);
};

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
