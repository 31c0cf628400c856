import { sql } from 'kysely';
import type { DbOrTx } from '../../../db/schema';

// The ledger's sums by month (fund_month_totals, kept by a trigger on every insert) and its first day: what every
// figure the fund shows is computed from.

/** The sum of one month, direction, kind and purpose ('YYYY-MM'). */
export interface MonthRow {
  month: string;
  direction: string;
  kind: string | null;
  purpose: string | null;
  fen: number;
}

/** The money the fund was set up with: the income of its first day, and how many gave it. */
export interface Founding {
  date: string;
  fen: number;
  donors: number;
}

export async function monthRows(db: DbOrTx): Promise<MonthRow[]> {
  const rows = await db
    .selectFrom('fund_month_totals')
    .select(['month', 'direction', 'kind', 'purpose', 'fen'])
    .orderBy('month')
    .execute();
  return rows.map((r) => ({ ...r, kind: r.kind || null, purpose: r.purpose || null }));
}

/**
 * The income of the ledger's first day: the founding donations. Each partner, named resident or resident account is
 * one donor, each anonymous gift one more; an entry reversed later does not count (its money was never given).
 */
export async function founding(db: DbOrTx, date: string): Promise<Founding> {
  const r = await db
    .selectFrom('fund_entries as e')
    .where('e.entry_date', '=', date)
    .where('e.direction', '=', 'income')
    .where('e.reverses_id', 'is', null)
    .where((eb) =>
      eb.not(eb.exists(eb.selectFrom('fund_entries as r').select('r.id').where('r.reverses_id', '=', eb.ref('e.id')))),
    )
    .select([
      (eb) => eb.fn.coalesce(eb.fn.sum<number>('e.amount_fen'), sql<number>`0`).as('fen'),
      sql<number>`count(distinct coalesce('p' || e.partner_id, 'u' || e.donor_user_id, 'n' || e.donor_name,
        'e' || e.id))`.as('donors'),
    ])
    .executeTakeFirstOrThrow();
  return { date, fen: Number(r.fen), donors: Number(r.donors) };
}
