import { parseCsv, toCsv } from '../../core/csv';
import type { Table } from '../../core/sheets';
import { isDate } from '../../core/time';
import { InvalidEntry } from './errors';
import { type Donor, type EntryInput, isDonorKind, isIncomeKind, isPurpose } from './ledger';
import { parseYuan, plainYuan } from './money';
import type { Entry } from './store';

// CSV for staff who keep the books in a spreadsheet: UTF-8 with a BOM (Excel needs it for Chinese), codes or
// Chinese names. Reading a file here only checks it; the service writes it.

export { parseCsv, toCsv };

const YES_NO: Record<string, string> = { yes: '1', no: '0', 是: '1', 否: '0', y: '1', n: '0' };
const ALIASES: Record<string, Record<string, string>> = {
  direction: { 收入: 'income', 支出: 'expense' },
  kind: {
    定向捐: 'directed',
    消费捐: 'consumption',
    月月捐: 'monthly',
    服务捐: 'service',
    义卖: 'shop',
    慈善超市: 'shop',
    其他: 'other',
  },
  purpose: { 帮困: 'relief', 公共设施: 'facilities', 组织培育: 'groups', 其他: 'other' },
  donor_type: { 合伙人: 'partner', 居民: 'resident', 个人: 'resident', 匿名: 'anonymous' },
  donor_public: { ...YES_NO, true: '1', false: '0', '1': '1', '0': '0', '': '0' },
};
const code = (col: string, v: string) =>
  ALIASES[col]?.[v.trim().toLowerCase()] ?? ALIASES[col]?.[v.trim()] ?? v.trim().toLowerCase();

export const IMPORT_COLUMNS = [
  'date',
  'direction',
  'kind',
  'purpose',
  'amount',
  'donor_type',
  'donor_name',
  'donor_public',
  'note',
  'ref',
] as const;
type Column = (typeof IMPORT_COLUMNS)[number];

export interface ImportRow {
  input: EntryInput;
  ref: string | null;
  line: number;
}

/** How the importer reaches what lies outside the file: the partner directory and the ledger's own checks. */
export interface ImportChecks {
  partnerByName(name: string): Promise<{ id: number } | undefined>;
  /** Throws InvalidEntry naming the field the ledger refuses. */
  check(input: EntryInput, ref: string | null): Promise<unknown>;
}

/** A problem in the reader's language: `fund.import.problem.<key>`. */
export type Say = (key: string, params?: Record<string, string>) => string;

/** Headers in Chinese as staff write them, or the codes. */
const HEADERS: Record<string, Column> = {
  日期: 'date',
  收支: 'direction',
  类别: 'kind',
  收入类别: 'kind',
  用途: 'purpose',
  金额: 'amount',
  金额元: 'amount',
  捐赠人类型: 'donor_type',
  捐赠人: 'donor_name',
  公开: 'donor_public',
  是否公开: 'donor_public',
  备注: 'note',
  编号: 'ref',
};

/** One row: the entry it describes, or the problems that stop it (all of them, so staff fix the file once). */
async function readRow(
  get: (c: Column) => string,
  checks: ImportChecks,
  refTwice: boolean,
  say: Say,
): Promise<[EntryInput | null, string[]]> {
  const problems: string[] = [];
  const amountFen = parseYuan(get('amount'));
  if (amountFen === null) problems.push(say('amount', { value: get('amount') }));
  if (!isDate(get('date'))) problems.push(say('date', { value: get('date') }));
  if (refTwice) problems.push(say('refTwice', { value: get('ref') }));
  const direction = code('direction', get('direction'));
  const purposeRaw = get('purpose');
  const purpose = purposeRaw === '' ? null : code('purpose', purposeRaw);
  if (purpose !== null && !isPurpose(purpose)) problems.push(say('purpose', { value: purposeRaw }));
  const base = { amountFen: amountFen ?? 0, date: get('date'), note: get('note') };
  if (direction === 'expense') {
    if (purpose === null) problems.push(say('expenseNeedsPurpose'));
    return [purpose !== null && isPurpose(purpose) ? { direction: 'expense', purpose, ...base } : null, problems];
  }
  if (direction !== 'income') return [null, [...problems, say('direction', { value: get('direction') })]];
  const kind = code('kind', get('kind'));
  const donorType = code('donor_type', get('donor_type') || 'anonymous');
  const isPublic = code('donor_public', get('donor_public'));
  if (!isIncomeKind(kind)) problems.push(say('kind', { value: get('kind') }));
  if (!isDonorKind(donorType)) problems.push(say('donorType', { value: get('donor_type') }));
  if (isPublic !== '0' && isPublic !== '1') problems.push(say('donorPublic', { value: get('donor_public') }));
  const name = get('donor_name');
  let donor: Donor | null = null;
  if (donorType === 'partner') {
    const partner = await checks.partnerByName(name);
    if (!partner) problems.push(say('partner', { value: name }));
    else donor = { kind: 'partner', partnerId: partner.id, public: isPublic === '1' };
  } else if (donorType === 'resident') {
    if (name === '') problems.push(say('residentName'));
    donor = { kind: 'resident', name, userId: null, public: isPublic === '1' };
  } else donor = { kind: 'anonymous' };
  if (!isIncomeKind(kind) || !donor || (purpose !== null && !isPurpose(purpose))) return [null, problems];
  return [{ direction: 'income', kind, donor, restrictedTo: purpose, ...base }, problems];
}

/**
 * Reads a table of entries (an uploaded XLSX or CSV). Every row is checked and all problems are listed with their
 * row number (the header is row 1, as a spreadsheet shows it); the caller writes the entries only when there are
 * none.
 */
export async function readImport(
  table: Table,
  checks: ImportChecks,
  say: Say,
): Promise<{ rows: ImportRow[]; errors: { row: number; message: string }[]; refs: string[] }> {
  const [head = [], ...rows] = table;
  const header = head.map((h) => {
    const k = h.trim().toLowerCase();
    return HEADERS[k.replace(/[（）()\s]/g, '')] ?? k;
  });
  const missing = IMPORT_COLUMNS.filter((c) => c !== 'ref' && c !== 'note' && !header.includes(c));
  if (missing.length)
    return { rows: [], refs: [], errors: [{ row: 1, message: say('columns', { missing: missing.join(', ') }) }] };
  const errors: { row: number; message: string }[] = [];
  const out: ImportRow[] = [];
  const seenRefs = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const line = i + 2;
    if (r.every((c) => c.trim() === '')) continue;
    const get = (c: Column) => (header.includes(c) ? (r[header.indexOf(c)] ?? '').trim() : '');
    const ref = get('ref') || null;
    const [input, problems] = await readRow(get, checks, ref !== null && seenRefs.has(ref), say);
    if (ref !== null) seenRefs.add(ref);
    if (input && problems.length === 0) {
      try {
        await checks.check(input, ref);
        out.push({ input, ref, line });
      } catch (e) {
        if (!(e instanceof InvalidEntry)) throw e;
        problems.push(e.field === 'date' ? say('future', { value: get('date') }) : say('invalid', { field: e.field }));
      }
    }
    errors.push(...problems.map((message) => ({ row: line, message })));
  }
  return { rows: out, errors, refs: [...seenRefs] };
}

export const EXPORT_COLUMNS = ['id', ...IMPORT_COLUMNS, 'reverses', 'source', 'recorded_at'];

/** Every entry, reversals included (negative, with the id they reverse), for the books and for auditors. */
export function exportCsv(entries: Entry[], partnerNames: Map<number, string>): string {
  return toCsv([
    EXPORT_COLUMNS,
    ...entries.map((e) => [
      e.id,
      e.date,
      e.direction,
      e.kind ?? '',
      e.purpose ?? '',
      plainYuan(e.amountFen),
      e.donorKind ?? '',
      (e.partnerId !== null ? partnerNames.get(e.partnerId) : undefined) ?? e.donorName ?? '',
      e.direction === 'income' ? (e.donorPublic ? 'yes' : 'no') : '',
      e.note,
      e.ref ?? '',
      e.reversesId ?? '',
      e.source,
      e.recordedAt,
    ]),
  ]);
}
