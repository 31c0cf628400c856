import type { DbOrTx } from '../../../db/schema';

// Who asked for the monthly statement, and which months' statements were queued.

export async function subscribe(db: DbOrTx, userId: number, at: string): Promise<void> {
  await db
    .insertInto('fund_subscribers')
    .values({ user_id: userId, subscribed_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

export async function unsubscribe(db: DbOrTx, userId: number): Promise<void> {
  await db.deleteFrom('fund_subscribers').where('user_id', '=', userId).execute();
}

export async function isSubscribed(db: DbOrTx, userId: number): Promise<boolean> {
  const r = await db.selectFrom('fund_subscribers').select('user_id').where('user_id', '=', userId).executeTakeFirst();
  return r !== undefined;
}

/** Subscribers who can still be reached (a user who blocked the bot is left out). */
export async function reachableSubscribers(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .selectFrom('fund_subscribers as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select('u.id')
    .where('u.reachable', '=', 1)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function statementQueued(db: DbOrTx, month: string): Promise<boolean> {
  const r = await db.selectFrom('fund_statements').select('month').where('month', '=', month).executeTakeFirst();
  return r !== undefined;
}

/** false if the month's statement was already queued (a second job run does nothing). */
export async function claimStatement(db: DbOrTx, month: string, at: string, recipients: number): Promise<boolean> {
  const r = await db
    .insertInto('fund_statements')
    .values({ month, queued_at: at, recipients })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}
