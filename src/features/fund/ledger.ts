import { isDate, localDate } from '../../core/time';
import { InvalidEntry } from './errors';
import { MAX_FEN } from './money';
import { fundPolicy } from './policy';
import type { NewEntry } from './store';

// The ledger's vocabulary and arithmetic: what money can come in as and go out for, and how the totals and the
// restricted balance follow from the entries. No database here: the service feeds it rows.

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

export type Donor =
  | { kind: 'partner'; partnerId: number; public: boolean }
  | { kind: 'resident'; name: string | null; userId: number | null; public: boolean }
  | { kind: 'anonymous' };

export type EntryInput =
  | {
      direction: 'income';
      kind: IncomeKind;
      amountFen: number;
      date: string;
      donor: Donor;
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

const NO_DONOR = { donorKind: null, partnerId: null, donorUserId: null, donorName: null, donorPublic: false };

function donorOf(d: Donor): Pick<NewEntry, 'donorKind' | 'partnerId' | 'donorUserId' | 'donorName' | 'donorPublic'> {
  if (d.kind === 'partner') return { ...NO_DONOR, donorKind: 'partner', partnerId: d.partnerId, donorPublic: d.public };
  if (d.kind === 'anonymous') return { ...NO_DONOR, donorKind: 'anonymous' };
  const name = d.name?.trim().slice(0, fundPolicy.donorNameStored) || null;
  if (name === null && d.userId === null) throw new InvalidEntry('donor');
  return { ...NO_DONOR, donorKind: 'resident', donorUserId: d.userId, donorName: name, donorPublic: d.public };
}

/**
 * Checks an entry and turns it into what the ledger stores; shared by the bot, the CSV import, pledges and the demo.
 * That a partner donor exists is the caller's check (the directory belongs to the partners area).
 */
export function entryOf(actorId: number | null, e: EntryInput, meta: EntryMeta, now: Date, tz: string): NewEntry {
  if (!Number.isInteger(e.amountFen) || e.amountFen <= 0 || e.amountFen > MAX_FEN) throw new InvalidEntry('amount');
  // Money is recorded after it arrives; a future date is a typo.
  if (!isDate(e.date) || e.date < '2000-01-01' || e.date > localDate(now, tz)) throw new InvalidEntry('date');
  const note = e.note.trim().slice(0, fundPolicy.noteMax);
  const base = {
    date: e.date,
    amountFen: e.amountFen,
    note,
    ref: meta.ref ?? null,
    pledgeId: meta.pledgeId ?? null,
    reversesId: null,
    source: meta.source,
    recordedBy: actorId,
    recordedAt: now.toISOString(),
  };
  if (e.direction === 'expense') {
    if (!isPurpose(e.purpose)) throw new InvalidEntry('purpose');
    if (note === '') throw new InvalidEntry('note');
    return { ...base, ...NO_DONOR, direction: 'expense', kind: null, purpose: e.purpose };
  }
  if (!isIncomeKind(e.kind)) throw new InvalidEntry('kind');
  if (e.restrictedTo !== null && !isPurpose(e.restrictedTo)) throw new InvalidEntry('purpose');
  return { ...base, ...donorOf(e.donor), direction: 'income', kind: e.kind, purpose: e.restrictedTo };
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

/** Signed sums of entries grouped by direction and kind/purpose: what the store's totals query returns. */
export interface TotalRow {
  direction: string;
  kind: string | null;
  purpose: string | null;
  fen: number;
}

const zeroKinds = (): ByKind => ({ directed: 0, consumption: 0, monthly: 0, service: 0, shop: 0, other: 0 });
const zeroPurposes = (): ByPurpose => ({ relief: 0, facilities: 0, groups: 0, other: 0 });

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
    if (r.direction === 'income' && r.kind && isIncomeKind(r.kind)) {
      t.income[r.kind] += r.fen;
      t.incomeTotal += r.fen;
      if (SELF_GENERATED.includes(r.kind)) t.selfGenerated += r.fen;
      if (r.purpose && isPurpose(r.purpose)) t.incomeRestricted[r.purpose] += r.fen;
    } else if (r.direction === 'expense' && r.purpose && isPurpose(r.purpose)) {
      t.expense[r.purpose] += r.fen;
      t.expenseTotal += r.fen;
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

/** What an expense for `purpose` may draw on: money free to use plus what was directed to that purpose. */
export const availableFor = (b: Balances, purpose: Purpose) => b.free + b.restricted[purpose];

export const monthOf = (date: string) => date.slice(0, 7);
export function nextMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 12 ? `${y + 1}-01` : `${y}-${String(m + 1).padStart(2, '0')}`;
}
export function previousMonth(month: string): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  return m === 1 ? `${y - 1}-12` : `${y}-${String(m - 1).padStart(2, '0')}`;
}
