import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { FundPledgesTable } from '../../../db/tables/fund';

/** 月月捐: a promise of an amount each month, reminded on its day and confirmed by staff when the money arrives. */
export interface Pledge {
  id: number;
  userId: number;
  partnerId: number | null;
  amountFen: number;
  dayOfMonth: number;
  /** The donor agreed to be named. */
  showName: boolean;
  /** The first month it is reminded in ('YYYY-MM'). */
  startMonth: string;
  status: string;
  createdAt: string;
  cancelledAt: string | null;
}

/** A pledged month that was reminded and not yet received. */
export interface PendingMonth {
  pledgeId: number;
  month: string;
  amountFen: number;
  userId: number;
  partnerId: number | null;
}

const toPledge = (r: Selectable<FundPledgesTable>): Pledge => ({
  id: r.id,
  userId: r.user_id,
  partnerId: r.partner_id,
  amountFen: r.amount_fen,
  dayOfMonth: r.day_of_month,
  showName: r.show_name === 1,
  startMonth: r.start_month,
  status: r.status,
  createdAt: r.created_at,
  cancelledAt: r.cancelled_at,
});

export async function insertPledge(
  db: DbOrTx,
  p: Pick<Pledge, 'userId' | 'partnerId' | 'amountFen' | 'dayOfMonth' | 'showName' | 'startMonth' | 'createdAt'>,
): Promise<number> {
  const r = await db
    .insertInto('fund_pledges')
    .values({
      user_id: p.userId,
      partner_id: p.partnerId,
      amount_fen: p.amountFen,
      day_of_month: p.dayOfMonth,
      show_name: p.showName ? 1 : 0,
      start_month: p.startMonth,
      created_at: p.createdAt,
      cancelled_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findPledge(db: DbOrTx, id: number): Promise<Pledge | undefined> {
  const r = await db.selectFrom('fund_pledges').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toPledge(r);
}

export async function activePledgesOf(db: DbOrTx, userId: number): Promise<Pledge[]> {
  const rows = await db
    .selectFrom('fund_pledges')
    .selectAll()
    .where('user_id', '=', userId)
    .where('status', '=', 'active')
    .orderBy('id')
    .execute();
  return rows.map(toPledge);
}

export async function cancelPledge(db: DbOrTx, id: number, at: string): Promise<void> {
  await db
    .updateTable('fund_pledges')
    .set({ status: 'cancelled', cancelled_at: at })
    .where('id', '=', id)
    .where('status', '=', 'active')
    .execute();
}

/** Active pledges whose reminder for `month` is due by `day` and has not been recorded yet. */
export async function pledgesDue(db: DbOrTx, month: string, day: number): Promise<Pledge[]> {
  const rows = await db
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
  return rows.map(toPledge);
}

export async function insertPledgeMonth(db: DbOrTx, pledgeId: number, month: string, at: string): Promise<void> {
  await db
    .insertInto('fund_pledge_months')
    .values({ pledge_id: pledgeId, month, reminded_at: at, entry_id: null, confirmed_by: null, confirmed_at: null })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The month's record of a pledge: whether it was reminded, and the entry that recorded the money (or null). */
export async function findPledgeMonth(db: DbOrTx, pledgeId: number, month: string) {
  const r = await db
    .selectFrom('fund_pledge_months')
    .select(['entry_id', 'reminded_at'])
    .where('pledge_id', '=', pledgeId)
    .where('month', '=', month)
    .executeTakeFirst();
  return r && { entryId: r.entry_id, remindedAt: r.reminded_at };
}

/** Marks the month received only if nobody did first; false when it was already confirmed. */
export async function confirmPledgeMonth(
  db: DbOrTx,
  c: { pledgeId: number; month: string; entryId: number; by: number | null; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('fund_pledge_months')
    .set({ entry_id: c.entryId, confirmed_by: c.by, confirmed_at: c.at })
    .where('pledge_id', '=', c.pledgeId)
    .where('month', '=', c.month)
    .where('entry_id', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function unconfirmedMonths(db: DbOrTx, limit: number): Promise<PendingMonth[]> {
  const rows = await db
    .selectFrom('fund_pledge_months as m')
    .innerJoin('fund_pledges as p', 'p.id', 'm.pledge_id')
    .select(['m.pledge_id', 'm.month', 'p.amount_fen', 'p.user_id', 'p.partner_id'])
    .where('m.entry_id', 'is', null)
    .where('p.status', '=', 'active')
    .orderBy('m.month')
    .orderBy('m.pledge_id')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    pledgeId: r.pledge_id,
    month: r.month,
    amountFen: r.amount_fen,
    userId: r.user_id,
    partnerId: r.partner_id,
  }));
}

/** An active pledge and where its month stands: not reminded yet, reminded and waiting, or received. */
export interface PledgeMonthState extends Pledge {
  remindedAt: string | null;
  entryId: number | null;
}

/** Active pledges, oldest first, each with `month`'s row if it has one: a page of them and how many there are. */
export async function activePledges(db: DbOrTx, month: string, limit: number, offset: number) {
  const rows = await db
    .selectFrom('fund_pledges as p')
    .leftJoin('fund_pledge_months as m', (j) => j.onRef('m.pledge_id', '=', 'p.id').on('m.month', '=', month))
    .selectAll('p')
    .select(['m.reminded_at', 'm.entry_id'])
    .where('p.status', '=', 'active')
    .orderBy('p.id')
    .limit(limit)
    .offset(offset)
    .execute();
  const { n } = await db
    .selectFrom('fund_pledges')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'active')
    .executeTakeFirstOrThrow();
  const pledges: PledgeMonthState[] = rows.map((r) => ({
    ...toPledge(r),
    remindedAt: r.reminded_at,
    entryId: r.entry_id,
  }));
  return { pledges, total: Number(n) };
}
