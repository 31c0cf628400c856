import { parseCsv, toCsv } from '../../core/csv';
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

/** One row: the entry it describes, or the problems that stop it (all of them, so staff fix the file once). */
async function readRow(
  get: (c: Column) => string,
  checks: ImportChecks,
  refTwice: boolean,
): Promise<[EntryInput | null, string[]]> {
  const problems: string[] = [];
  const amountFen = parseYuan(get('amount'));
  if (amountFen === null) problems.push(`amount "${get('amount')}" is not a positive amount in yuan like 100.50`);
  if (!isDate(get('date'))) problems.push(`date "${get('date')}" must be YYYY-MM-DD`);
  if (refTwice) problems.push(`ref "${get('ref')}" appears twice in the file`);
  const direction = code('direction', get('direction'));
  const purposeRaw = get('purpose');
  const purpose = purposeRaw === '' ? null : code('purpose', purposeRaw);
  if (purpose !== null && !isPurpose(purpose))
    problems.push(`purpose "${purposeRaw}" is not one of relief, facilities, groups, other`);
  const base = { amountFen: amountFen ?? 0, date: get('date'), note: get('note') };
  if (direction === 'expense') {
    if (purpose === null) problems.push('an expense needs a purpose');
    return [purpose !== null && isPurpose(purpose) ? { direction: 'expense', purpose, ...base } : null, problems];
  }
  if (direction !== 'income') return [null, [...problems, `direction "${get('direction')}" must be income or expense`]];
  const kind = code('kind', get('kind'));
  const donorType = code('donor_type', get('donor_type') || 'anonymous');
  const isPublic = code('donor_public', get('donor_public'));
  if (!isIncomeKind(kind))
    problems.push(`kind "${get('kind')}" is not one of directed, consumption, monthly, service, shop, other`);
  if (!isDonorKind(donorType))
    problems.push(`donor_type "${get('donor_type')}" is not one of partner, resident, anonymous`);
  if (isPublic !== '0' && isPublic !== '1') problems.push(`donor_public "${get('donor_public')}" must be yes or no`);
  const name = get('donor_name');
  let donor: Donor | null = null;
  if (donorType === 'partner') {
    const partner = await checks.partnerByName(name);
    if (!partner) problems.push(`partner "${name}" is not in the partner directory`);
    else donor = { kind: 'partner', partnerId: partner.id, public: isPublic === '1' };
  } else if (donorType === 'resident') {
    if (name === '') problems.push('a resident donor needs a donor_name (or use anonymous)');
    donor = { kind: 'resident', name, userId: null, public: isPublic === '1' };
  } else donor = { kind: 'anonymous' };
  if (!isIncomeKind(kind) || !donor || (purpose !== null && !isPurpose(purpose))) return [null, problems];
  return [{ direction: 'income', kind, donor, restrictedTo: purpose, ...base }, problems];
}

/**
 * Reads a file of entries. Every row is checked and all problems are listed with their row number (the header is
 * row 1, as a spreadsheet shows it); the caller writes the entries only when there are none.
 */
export async function readImport(
  text: string,
  checks: ImportChecks,
): Promise<{ rows: ImportRow[]; errors: string[]; refs: string[] }> {
  const rows = parseCsv(text);
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => c !== 'ref' && c !== 'note' && !header.includes(c));
  if (missing.length)
    return {
      rows: [],
      refs: [],
      errors: [`row 1: missing column(s) ${missing.join(', ')}; expected ${IMPORT_COLUMNS.join(',')}`],
    };
  const errors: string[] = [];
  const out: ImportRow[] = [];
  const seenRefs = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const line = i + 2;
    const get = (c: Column) => (header.includes(c) ? (r[header.indexOf(c)] ?? '').trim() : '');
    const ref = get('ref') || null;
    const [input, problems] = await readRow(get, checks, ref !== null && seenRefs.has(ref));
    if (ref !== null) seenRefs.add(ref);
    if (input && problems.length === 0) {
      try {
        await checks.check(input, ref);
        out.push({ input, ref, line });
      } catch (e) {
        if (!(e instanceof InvalidEntry)) throw e;
        problems.push(
          e.field === 'date'
            ? `date "${get('date')}" must be YYYY-MM-DD and not in the future`
            : `${e.field} is not valid`,
        );
      }
    }
    errors.push(...problems.map((p) => `row ${line}: ${p}`));
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
