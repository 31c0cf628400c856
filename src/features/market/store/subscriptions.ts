import type { DbOrTx } from '../../../db/schema';

// ── "tell me when the market comes" ──────────────────────────────────────
/** The compounds a user asked to hear about; null stands for any compound. */
export const subscriptionsOf = async (db: DbOrTx, userId: number) =>
  (
    await db
      .selectFrom('market_subscriptions')
      .select('compound_id')
      .where('user_id', '=', userId)
      .orderBy('id')
      .execute()
  ).map((r) => r.compound_id);

export const addSubscription = (db: DbOrTx, userId: number, compoundId: number | null, at: string) =>
  db
    .insertInto('market_subscriptions')
    .values({ user_id: userId, compound_id: compoundId, created_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();

export const clearSubscriptions = (db: DbOrTx, userId: number) =>
  db.deleteFrom('market_subscriptions').where('user_id', '=', userId).execute();

/**
 * Who hears about a market at a compound: its reachable residents who take notices, and everyone reachable who
 * subscribed to it or to any compound. Read in the publishing transaction, so it joins the users table itself.
 */
export async function announcementRecipients(db: DbOrTx, compoundId: number): Promise<number[]> {
  const residents = await db
    .selectFrom('users')
    .select('id')
    .where('compound_id', '=', compoundId)
    .where('reachable', '=', 1)
    .where('notices_opt_out', '=', 0)
    .execute();
  const subscribers = await db
    .selectFrom('market_subscriptions as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select('u.id')
    .where('u.reachable', '=', 1)
    .where((eb) => eb.or([eb('s.compound_id', '=', compoundId), eb('s.compound_id', 'is', null)]))
    .execute();
  return [...new Set([...residents, ...subscribers].map((r) => r.id))].sort((a, b) => a - b);
}
