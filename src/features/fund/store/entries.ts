import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { FundEntriesTable } from '../../../db/tables/fund';

/** One line of the immutable ledger. A correction is a reversal: a negative mirror whose `reversesId` is set. */
export interface Entry {
  id: number;
  date: string;
  direction: 'income' | 'expense';
  /** Income: directed | consumption | monthly | service | shop | other. */
  kind: string | null;
  /** Income: what it is restricted to (or null); expense: what it paid for. */
  purpose: string | null;
  amountFen: number;
  donorKind: string | null;
  partnerId: number | null;
  donorUserId: number | null;
  donorName: string | null;
  /** The donor agreed to be named. */
  donorPublic: boolean;
  note: string;
  ref: string | null;
  pledgeId: number | null;
  reversesId: number | null;
  source: string;
  recordedBy: number | null;
  recordedAt: string;
}

export type NewEntry = Omit<Entry, 'id'>;

const toEntry = (r: Selectable<FundEntriesTable>): Entry => ({
  id: r.id,
  date: r.entry_date,
  direction: r.direction === 'expense' ? 'expense' : 'income',
  kind: r.kind,
  purpose: r.purpose,
  amountFen: r.amount_fen,
  donorKind: r.donor_kind,
  partnerId: r.partner_id,
  donorUserId: r.donor_user_id,
  donorName: r.donor_name,
  donorPublic: r.donor_public === 1,
  note: r.note,
  ref: r.ref,
  pledgeId: r.pledge_id,
  reversesId: r.reverses_id,
  source: r.source,
  recordedBy: r.recorded_by,
  recordedAt: r.recorded_at,
});

export async function insertEntry(db: DbOrTx, e: NewEntry): Promise<number> {
  const r = await db
    .insertInto('fund_entries')
    .values({
      entry_date: e.date,
      direction: e.direction,
      kind: e.kind,
      purpose: e.purpose,
      amount_fen: e.amountFen,
      donor_kind: e.donorKind,
      partner_id: e.partnerId,
      donor_user_id: e.donorUserId,
      donor_name: e.donorName,
      donor_public: e.donorPublic ? 1 : 0,
      note: e.note,
      ref: e.ref,
      pledge_id: e.pledgeId,
      reverses_id: e.reversesId,
      source: e.source,
      recorded_by: e.recordedBy,
      recorded_at: e.recordedAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findEntry(db: DbOrTx, id: number): Promise<Entry | undefined> {
  const r = await db.selectFrom('fund_entries').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toEntry(r);
}

export async function findReversalOf(db: DbOrTx, id: number): Promise<Entry | undefined> {
  const r = await db.selectFrom('fund_entries').selectAll().where('reverses_id', '=', id).executeTakeFirst();
  return r && toEntry(r);
}

/** Which of these refs are already in the ledger (an import or the demo must not add them twice). */
export async function refsTaken(db: DbOrTx, refs: string[]): Promise<string[]> {
  if (refs.length === 0) return [];
  const rows = await db.selectFrom('fund_entries').select('ref').where('ref', 'in', refs).execute();
  return rows.flatMap((r) => (r.ref === null ? [] : [r.ref]));
}

/** Signed sums grouped by direction and kind/purpose, for entries dated in [from, to) (whole history when omitted). */
export async function totals(db: DbOrTx, from?: string, to?: string) {
  let q = db
    .selectFrom('fund_entries')
    .select(['direction', 'kind', 'purpose', (eb) => eb.fn.sum<number>('amount_fen').as('fen')])
    .groupBy(['direction', 'kind', 'purpose']);
  if (from !== undefined) q = q.where('entry_date', '>=', from);
  if (to !== undefined) q = q.where('entry_date', '<', to);
  return (await q.execute()).map((r) => ({ ...r, fen: Number(r.fen) }));
}

export async function firstEntryDate(db: DbOrTx): Promise<string | null> {
  const r = await db
    .selectFrom('fund_entries')
    .select((eb) => eb.fn.min('entry_date').as('d'))
    .executeTakeFirst();
  return r?.d ?? null;
}

/**
 * What a ledger page may be narrowed to: dates in [from, to), income or spending, a purpose (what directed income is
 * for, or what spending paid for), and directed income or not.
 */
export interface EntryFilter {
  from?: string;
  to?: string;
  direction?: 'income' | 'expense';
  purpose?: string;
  /** true: income directed to a purpose; false: income free to use. Spending is neither. */
  restricted?: boolean;
}

// Kysely's builder for fund_entries under the alias e, narrowed by a filter; shared by the page and its count.
function narrowed(db: DbOrTx, f: EntryFilter) {
  let q = db.selectFrom('fund_entries as e');
  if (f.from !== undefined) q = q.where('e.entry_date', '>=', f.from);
  if (f.to !== undefined) q = q.where('e.entry_date', '<', f.to);
  if (f.direction !== undefined) q = q.where('e.direction', '=', f.direction);
  if (f.purpose !== undefined) q = q.where('e.purpose', '=', f.purpose);
  if (f.restricted !== undefined)
    q = q.where('e.direction', '=', 'income').where('e.purpose', f.restricted ? 'is not' : 'is', null);
  return q;
}

/** Newest first, with the reversal that corrected each entry, if any. */
export async function listEntries(db: DbOrTx, limit: number, offset: number, filter: EntryFilter = {}) {
  const rows = await narrowed(db, filter)
    .leftJoin('fund_entries as r', 'r.reverses_id', 'e.id')
    .selectAll('e')
    .select('r.id as reversed_by')
    .orderBy('e.id', 'desc')
    .limit(limit)
    .offset(offset)
    .execute();
  return rows.map((r) => ({ ...toEntry(r), reversedBy: r.reversed_by }));
}

export async function countEntries(db: DbOrTx, filter: EntryFilter = {}): Promise<number> {
  const r = await narrowed(db, filter)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

export async function allEntries(db: DbOrTx): Promise<Entry[]> {
  return (await db.selectFrom('fund_entries').selectAll().orderBy('id').execute()).map(toEntry);
}

/** Sums of income whose donor agreed to be named, per donor as recorded (reversals included), with the last date. */
export async function publicGifts(db: DbOrTx) {
  const rows = await db
    .selectFrom('fund_entries')
    .select([
      'partner_id',
      'donor_name',
      'donor_user_id',
      (eb) => eb.fn.sum<number>('amount_fen').as('fen'),
      (eb) => eb.fn.max('entry_date').as('last'),
    ])
    .where('direction', '=', 'income')
    .where('donor_public', '=', 1)
    .groupBy(['partner_id', 'donor_name', 'donor_user_id'])
    .execute();
  return rows.map((r) => ({
    partnerId: r.partner_id,
    donorName: r.donor_name,
    donorUserId: r.donor_user_id,
    fen: Number(r.fen),
    last: r.last,
  }));
}

/** Entries dated in [from, to) (calendar dates), reversals included, in the order they were recorded. */
export async function entriesBetween(db: DbOrTx, from: string, to: string): Promise<Entry[]> {
  const rows = await db
    .selectFrom('fund_entries')
    .selectAll()
    .where('entry_date', '>=', from)
    .where('entry_date', '<', to)
    .orderBy('id')
    .execute();
  return rows.map(toEntry);
}
