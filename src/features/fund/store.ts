import { type Insertable, type Selectable, sql } from 'kysely';
import type { Database, DbOrTx } from '../../db/schema';

export type EntryRow = Selectable<Database['fund_entries']>;
export type NewEntry = Insertable<Database['fund_entries']>;
export type PledgeRow = Selectable<Database['fund_pledges']>;
export type PledgeMonthRow = Selectable<Database['fund_pledge_months']>;

// Ledger

export async function insertEntry(db: DbOrTx, e: NewEntry): Promise<number> {
  const r = await db.insertInto('fund_entries').values(e).returning('id').executeTakeFirstOrThrow();
  return r.id;
}

export const findEntry = (db: DbOrTx, id: number) =>
  db.selectFrom('fund_entries').selectAll().where('id', '=', id).executeTakeFirst();

export const findReversalOf = (db: DbOrTx, id: number) =>
  db.selectFrom('fund_entries').selectAll().where('reverses_id', '=', id).executeTakeFirst();

export const refsTaken = async (db: DbOrTx, refs: string[]) =>
  refs.length === 0
    ? []
    : (await db.selectFrom('fund_entries').select('ref').where('ref', 'in', refs).execute()).map((r) => r.ref!);

/** Signed sums grouped by direction and kind/purpose, for entries dated in [from, to) (whole history when omitted). */
export function totals(db: DbOrTx, from?: string, to?: string) {
  let q = db
    .selectFrom('fund_entries')
    .select(['direction', 'kind', 'purpose', (eb) => eb.fn.sum<number>('amount_fen').as('fen')])
    .groupBy(['direction', 'kind', 'purpose']);
  if (from !== undefined) q = q.where('entry_date', '>=', from);
  if (to !== undefined) q = q.where('entry_date', '<', to);
  return q.execute();
}

export const firstEntryDate = async (db: DbOrTx) =>
  (
    await db
      .selectFrom('fund_entries')
      .select((eb) => eb.fn.min('entry_date').as('d'))
      .executeTakeFirst()
  )?.d ?? null;

/** Newest first, with whether each entry has been reversed already. */
export const listEntries = (db: DbOrTx, limit: number, offset: number) =>
  db
    .selectFrom('fund_entries as e')
    .leftJoin('partners as p', 'p.id', 'e.partner_id')
    .leftJoin('fund_entries as r', 'r.reverses_id', 'e.id')
    .selectAll('e')
    .select(['p.name as partner_name', 'r.id as reversed_by'])
    .orderBy('e.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();

export const countEntries = async (db: DbOrTx) =>
  Number(
    (
      await db
        .selectFrom('fund_entries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

export const allEntries = (db: DbOrTx) =>
  db
    .selectFrom('fund_entries as e')
    .leftJoin('partners as p', 'p.id', 'e.partner_id')
    .selectAll('e')
    .select('p.name as partner_name')
    .orderBy('e.id')
    .execute();

/** Income entries whose donor agreed to be named, net of reversals, newest first. */
export const namedDonors = (db: DbOrTx, limit: number) =>
  db
    .selectFrom('fund_entries as e')
    .leftJoin('partners as p', 'p.id', 'e.partner_id')
    .leftJoin('users as u', 'u.id', 'e.donor_user_id')
    .select([
      sql<string>`coalesce(p.name, e.donor_name, u.first_name)`.as('name'),
      (eb) => eb.fn.sum<number>('e.amount_fen').as('fen'),
      (eb) => eb.fn.max('e.entry_date').as('last'),
    ])
    .where('e.direction', '=', 'income')
    .where('e.donor_public', '=', 1)
    .groupBy(sql`coalesce(p.name, e.donor_name, u.first_name)`)
    .having((eb) => eb.fn.sum('e.amount_fen'), '>', 0)
    .orderBy('last', 'desc')
    .limit(limit)
    .execute();

// Pledges

export async function insertPledge(db: DbOrTx, p: Insertable<Database['fund_pledges']>): Promise<number> {
  return (await db.insertInto('fund_pledges').values(p).returning('id').executeTakeFirstOrThrow()).id;
}

export const findPledge = (db: DbOrTx, id: number) =>
  db.selectFrom('fund_pledges').selectAll().where('id', '=', id).executeTakeFirst();

export const activePledgesOf = (db: DbOrTx, userId: number) =>
  db
    .selectFrom('fund_pledges')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();

export const cancelPledge = (db: DbOrTx, id: number, at: string) =>
  db
    .updateTable('fund_pledges')
    .set({ status: 'cancelled', cancelled_at: at })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .executeTakeFirst();

/** Active pledges whose reminder for `month` is due by `day` and has not been recorded yet. */
export const pledgesDue = (db: DbOrTx, month: string, day: number) =>
  db
    .selectFrom('fund_pledges as p')
    .selectAll('p')
    .where('p.status', '=', 'active')
    .where('p.start_month', '<=', month)
    .where('p.day_of_month', '<=', day)
    .where((eb) =>
      eb.not(
        eb.exists(
          eb
            .selectFrom('fund_pledge_months as m')
            .select('m.pledge_id')
            .where('m.pledge_id', '=', eb.ref('p.id'))
            .where('m.month', '=', month),
        ),
      ),
    )
    .orderBy('p.id')
    .execute();

export const insertPledgeMonth = (db: DbOrTx, pledgeId: number, month: string, at: string) =>
  db
    .insertInto('fund_pledge_months')
    .values({ pledge_id: pledgeId, month, reminded_at: at, entry_id: null, confirmed_by: null, confirmed_at: null })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();

export const findPledgeMonth = (db: DbOrTx, pledgeId: number, month: string) =>
  db
    .selectFrom('fund_pledge_months')
    .selectAll()
    .where('pledge_id', '=', pledgeId)
    .where('month', '=', month)
    .executeTakeFirst();

/** Marks the month received only if nobody did first; false when it was already confirmed. */
export const confirmPledgeMonth = async (
  db: DbOrTx,
  pledgeId: number,
  month: string,
  entryId: number,
  by: number | null,
  at: string,
) =>
  (
    await db
      .updateTable('fund_pledge_months')
      .set({ entry_id: entryId, confirmed_by: by, confirmed_at: at })
      .where('pledge_id', '=', pledgeId)
      .where('month', '=', month)
      .where('entry_id', 'is', null)
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

export const unconfirmedMonths = (db: DbOrTx, limit: number) =>
  db
    .selectFrom('fund_pledge_months as m')
    .innerJoin('fund_pledges as p', 'p.id', 'm.pledge_id')
    .innerJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('partners as pa', 'pa.id', 'p.partner_id')
    .select([
      'm.pledge_id',
      'm.month',
      'p.amount_fen',
      'p.user_id',
      'u.first_name',
      'u.last_name',
      'pa.name as partner_name',
    ])
    .where('m.entry_id', 'is', null)
    .where('p.status', '=', 'active')
    .orderBy('m.month')
    .orderBy('m.pledge_id')
    .limit(limit)
    .execute();

// Statement subscribers

export const subscribe = (db: DbOrTx, userId: number, at: string) =>
  db
    .insertInto('fund_subscribers')
    .values({ user_id: userId, subscribed_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();

export const unsubscribe = (db: DbOrTx, userId: number) =>
  db.deleteFrom('fund_subscribers').where('user_id', '=', userId).execute();

export const isSubscribed = async (db: DbOrTx, userId: number) =>
  (await db.selectFrom('fund_subscribers').select('user_id').where('user_id', '=', userId).executeTakeFirst()) !==
  undefined;

export const reachableSubscribers = (db: DbOrTx) =>
  db
    .selectFrom('fund_subscribers as s')
    .innerJoin('users as u', 'u.id', 's.user_id')
    .select('u.id')
    .where('u.reachable', '=', 1)
    .orderBy('u.id')
    .execute();

export const findStatement = (db: DbOrTx, month: string) =>
  db.selectFrom('fund_statements').selectAll().where('month', '=', month).executeTakeFirst();

/** false if the month's statement was already queued (a second job run does nothing). */
export const claimStatement = async (db: DbOrTx, month: string, at: string, recipients: number) =>
  Number(
    (
      await db
        .insertInto('fund_statements')
        .values({ month, queued_at: at, recipients })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) === 1;
