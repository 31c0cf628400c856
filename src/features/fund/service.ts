import { DomainError } from '../../core/errors';
import { isDate, localDate } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { findPartner } from '../partners/service';
import { formatYuan, MAX_FEN } from './money';
import * as store from './store';

export const INCOME_KINDS = ['directed', 'consumption', 'monthly', 'service', 'shop', 'other'] as const;
export const PURPOSES = ['relief', 'facilities', 'groups', 'other'] as const;
export const DONOR_KINDS = ['partner', 'resident', 'anonymous'] as const;
export type IncomeKind = (typeof INCOME_KINDS)[number];
export type Purpose = (typeof PURPOSES)[number];
export type DonorKind = (typeof DONOR_KINDS)[number];
/** Money the fund earns itself (the charity supermarket's shelf), as opposed to donations. */
export const SELF_GENERATED: readonly IncomeKind[] = ['shop'];

export const isIncomeKind = (s: string): s is IncomeKind => (INCOME_KINDS as readonly string[]).includes(s);
export const isPurpose = (s: string): s is Purpose => (PURPOSES as readonly string[]).includes(s);
export const isDonorKind = (s: string): s is DonorKind => (DONOR_KINDS as readonly string[]).includes(s);

export class EntryNotFound extends DomainError {
  constructor() {
    super('fund.entryNotFound');
  }
}
export class AlreadyReversed extends DomainError {
  constructor() {
    super('fund.alreadyReversed');
  }
}
export class ReversalOfReversal extends DomainError {
  constructor() {
    super('fund.reversalOfReversal');
  }
}
export class InsufficientFunds extends DomainError {
  constructor(readonly availableFen: number) {
    super('fund.insufficient', { available: formatYuan(availableFen) });
  }
}
export class InvalidEntry extends DomainError {
  constructor(readonly field: string) {
    super('fund.invalidEntry', { field });
  }
}

export type EntryInput =
  | {
      direction: 'income';
      kind: IncomeKind;
      amountFen: number;
      date: string;
      donor:
        | { kind: 'partner'; partnerId: number; public: boolean }
        | { kind: 'resident'; name: string | null; userId: number | null; public: boolean }
        | { kind: 'anonymous' };
      /** Directed money may only be spent on this purpose. */
      restrictedTo: Purpose | null;
      note: string;
    }
  | { direction: 'expense'; purpose: Purpose; amountFen: number; date: string; note: string };

export interface EntryMeta {
  source: 'bot' | 'import' | 'seed' | 'pledge';
  ref?: string | null;
  pledgeId?: number | null;
}

/** Checks an entry and turns it into a row; shared by the bot, the CSV import and pledges. */
export async function entryRow(
  db: DbOrTx,
  actorId: number | null,
  e: EntryInput,
  meta: EntryMeta,
  now: Date,
  tz: string,
): Promise<store.NewEntry> {
  if (!Number.isInteger(e.amountFen) || e.amountFen <= 0 || e.amountFen > MAX_FEN) throw new InvalidEntry('amount');
  // Money is recorded after it arrives; a future date is a typo.
  if (!isDate(e.date) || e.date < '2000-01-01' || e.date > localDate(now, tz)) throw new InvalidEntry('date');
  const note = e.note.trim().slice(0, 500);
  const base = {
    entry_date: e.date,
    amount_fen: e.amountFen,
    note,
    ref: meta.ref ?? null,
    pledge_id: meta.pledgeId ?? null,
    reverses_id: null,
    source: meta.source,
    recorded_by: actorId,
    recorded_at: now.toISOString(),
  };
  if (e.direction === 'expense') {
    if (!isPurpose(e.purpose)) throw new InvalidEntry('purpose');
    if (note === '') throw new InvalidEntry('note');
    return {
      ...base,
      direction: 'expense',
      kind: null,
      purpose: e.purpose,
      donor_kind: null,
      partner_id: null,
      donor_user_id: null,
      donor_name: null,
      donor_public: 0,
    };
  }
  if (!isIncomeKind(e.kind)) throw new InvalidEntry('kind');
  if (e.restrictedTo !== null && !isPurpose(e.restrictedTo)) throw new InvalidEntry('purpose');
  const d = e.donor;
  let donor: Pick<store.NewEntry, 'donor_kind' | 'partner_id' | 'donor_user_id' | 'donor_name' | 'donor_public'>;
  if (d.kind === 'partner') {
    if (!(await findPartner(db, d.partnerId))) throw new InvalidEntry('partner');
    donor = {
      donor_kind: 'partner',
      partner_id: d.partnerId,
      donor_user_id: null,
      donor_name: null,
      donor_public: d.public ? 1 : 0,
    };
  } else if (d.kind === 'resident') {
    const name = d.name?.trim().slice(0, 100) || null;
    if (name === null && d.userId === null) throw new InvalidEntry('donor');
    donor = {
      donor_kind: 'resident',
      partner_id: null,
      donor_user_id: d.userId,
      donor_name: name,
      donor_public: d.public ? 1 : 0,
    };
  } else {
    donor = { donor_kind: 'anonymous', partner_id: null, donor_user_id: null, donor_name: null, donor_public: 0 };
  }
  return { ...base, direction: 'income', kind: e.kind, purpose: e.restrictedTo, ...donor };
}

/** What an expense for `purpose` may draw on: money free to use plus what was directed to that purpose. */
export async function availableFor(db: DbOrTx, purpose: Purpose): Promise<number> {
  const b = balances(await store.totals(db));
  return b.free + b.restricted[purpose];
}

/** Records one entry (and its audit line) in one transaction. Expenses may not spend money the fund does not have. */
export async function recordEntry(
  db: Db,
  actorId: number | null,
  e: EntryInput,
  meta: EntryMeta,
  now: Date,
  tz: string,
): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const row = await entryRow(trx, actorId, e, meta, now, tz);
    if (e.direction === 'expense') {
      const available = await availableFor(trx, e.purpose);
      if (e.amountFen > available) throw new InsufficientFunds(available);
    }
    const id = await store.insertEntry(trx, row);
    await recordAudit(
      trx,
      {
        actorId,
        action: 'fund.record',
        subject: `fund_entry:${id}`,
        details: {
          direction: row.direction,
          kind: row.kind,
          purpose: row.purpose,
          fen: row.amount_fen,
          source: meta.source,
        },
      },
      now,
    );
    return id;
  });
}

/** A mistake is corrected by a negative mirror of the entry; the original stays as it was. */
export async function reverseEntry(
  db: Db,
  actorId: number | null,
  entryId: number,
  reason: string,
  now: Date,
  tz: string,
): Promise<number> {
  const why = reason.trim().slice(0, 300);
  if (why === '') throw new InvalidEntry('note');
  return db.transaction().execute(async (trx) => {
    const orig = await store.findEntry(trx, entryId);
    if (!orig) throw new EntryNotFound();
    if (orig.reverses_id !== null) throw new ReversalOfReversal();
    if (await store.findReversalOf(trx, entryId)) throw new AlreadyReversed();
    const { id: _id, ...copy } = orig;
    const id = await store.insertEntry(trx, {
      ...copy,
      amount_fen: -orig.amount_fen,
      reverses_id: orig.id,
      ref: null,
      pledge_id: null,
      note: why,
      source: 'bot',
      entry_date: localDate(now, tz),
      recorded_by: actorId,
      recorded_at: now.toISOString(),
    });
    await recordAudit(
      trx,
      {
        actorId,
        action: 'fund.reverse',
        subject: `fund_entry:${entryId}`,
        details: { reversal: id, fen: -orig.amount_fen, reason: why },
      },
      now,
    );
    return id;
  });
}

export type ByKind = Record<IncomeKind, number>;
export type ByPurpose = Record<Purpose, number>;

export interface PeriodTotals {
  income: ByKind;
  incomeTotal: number;
  /** Of the income, how much was directed to each purpose. */
  incomeRestricted: ByPurpose;
  expense: ByPurpose;
  expenseTotal: number;
  selfGenerated: number;
}

const zeroKinds = (): ByKind => ({ directed: 0, consumption: 0, monthly: 0, service: 0, shop: 0, other: 0 });
const zeroPurposes = (): ByPurpose => ({ relief: 0, facilities: 0, groups: 0, other: 0 });

type TotalRow = Awaited<ReturnType<typeof store.totals>>[number];

export function periodTotals(rows: TotalRow[]): PeriodTotals {
  const t: PeriodTotals = {
    income: zeroKinds(),
    incomeTotal: 0,
    incomeRestricted: zeroPurposes(),
    expense: zeroPurposes(),
    expenseTotal: 0,
    selfGenerated: 0,
  };
  for (const r of rows) {
    const fen = Number(r.fen);
    if (r.direction === 'income' && r.kind && isIncomeKind(r.kind)) {
      t.income[r.kind] += fen;
      t.incomeTotal += fen;
      if (SELF_GENERATED.includes(r.kind)) t.selfGenerated += fen;
      if (r.purpose && isPurpose(r.purpose)) t.incomeRestricted[r.purpose] += fen;
    } else if (r.direction === 'expense' && r.purpose && isPurpose(r.purpose)) {
      t.expense[r.purpose] += fen;
      t.expenseTotal += fen;
    }
  }
  return t;
}

export interface Balances {
  balance: number;
  /** Directed money not yet spent on its purpose: it may not pay for anything else. */
  restricted: ByPurpose;
  restrictedTotal: number;
  free: number;
}

/** Spending on a purpose uses that purpose's directed money first. */
export function balances(rows: TotalRow[]): Balances {
  const t = periodTotals(rows);
  const restricted = zeroPurposes();
  for (const p of PURPOSES) restricted[p] = Math.max(0, t.incomeRestricted[p] - t.expense[p]);
  const balance = t.incomeTotal - t.expenseTotal;
  const restrictedTotal = PURPOSES.reduce((s, p) => s + restricted[p], 0);
  return { balance, restricted, restrictedTotal, free: balance - restrictedTotal };
}

export interface FundSummary extends Balances {
  today: string;
  since: string | null;
  month: PeriodTotals;
  year: PeriodTotals;
  all: PeriodTotals;
}

export const monthOf = (date: string) => date.slice(0, 7);
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}

/** Balance and totals for this month, this year and since the start, by calendar date in the deployment's zone. */
export async function fundSummary(db: DbOrTx, now: Date, tz: string): Promise<FundSummary> {
  const today = localDate(now, tz);
  const allRows = await store.totals(db);
  const month = periodTotals(await store.totals(db, `${monthOf(today)}-01`, `${nextMonth(monthOf(today))}-01`));
  const year = periodTotals(
    await store.totals(db, `${today.slice(0, 4)}-01-01`, `${Number(today.slice(0, 4)) + 1}-01-01`),
  );
  return {
    today,
    since: await store.firstEntryDate(db),
    month,
    year,
    all: periodTotals(allRows),
    ...balances(allRows),
  };
}

/** Totals of one calendar month and the balance at its end (for the monthly statement and the report). */
export async function monthTotals(db: DbOrTx, month: string) {
  const end = `${nextMonth(month)}-01`;
  return {
    totals: periodTotals(await store.totals(db, `${month}-01`, end)),
    closing: balances(await store.totals(db, undefined, end)),
  };
}

/** Totals of [from, to) by date: the report's periods. */
export const rangeTotals = async (db: DbOrTx, from: string, to: string) =>
  periodTotals(await store.totals(db, from, to));

/** Donors who agreed to be named; everyone else stays anonymous. */
export const publicDonors = (db: DbOrTx, limit = 10) => store.namedDonors(db, limit);

export const listEntries = (db: DbOrTx, limit: number, offset: number) => store.listEntries(db, limit, offset);
export const countEntries = (db: DbOrTx) => store.countEntries(db);
export const findEntry = (db: DbOrTx, id: number) => store.findEntry(db, id);
