import { DomainError } from '../../core/errors';
import { isDate } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { findPartnerByName } from '../partners/service';
import { parseYuan, plainYuan } from './money';
import { balances, type EntryInput, entryRow, InvalidEntry, isDonorKind, isIncomeKind, isPurpose } from './service';
import * as store from './store';

// CSV for staff who keep the books in a spreadsheet: UTF-8 with a BOM (Excel needs it for Chinese), codes or Chinese names.

export { parseCsv, toCsv } from '../../core/csv';

import { parseCsv, toCsv } from '../../core/csv';

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
  donor_public: {
    yes: '1',
    no: '0',
    是: '1',
    否: '0',
    y: '1',
    n: '0',
    true: '1',
    false: '0',
    '1': '1',
    '0': '0',
    '': '0',
  },
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

export class ImportFailed extends DomainError {
  constructor(readonly errors: string[]) {
    super('fund.importFailed', { count: errors.length });
  }
}

/**
 * Imports every row or none: each row is checked and all problems are listed with their row number (the header is
 * row 1, as a spreadsheet shows it); only a file without problems is written, in one transaction.
 */
export async function importCsv(db: Db, text: string, now: Date, tz: string): Promise<number> {
  const rows = parseCsv(text);
  const header = (rows.shift() ?? []).map((h) => h.trim().toLowerCase());
  const missing = IMPORT_COLUMNS.filter((c) => c !== 'ref' && c !== 'note' && !header.includes(c));
  if (missing.length)
    throw new ImportFailed([`row 1: missing column(s) ${missing.join(', ')}; expected ${IMPORT_COLUMNS.join(',')}`]);
  const errors: string[] = [];
  const inputs: { input: EntryInput; ref: string | null; line: number }[] = [];
  const seenRefs = new Set<string>();
  for (const [i, r] of rows.entries()) {
    const line = i + 2;
    const get = (c: (typeof IMPORT_COLUMNS)[number]) => (header.includes(c) ? (r[header.indexOf(c)] ?? '').trim() : '');
    const problems: string[] = [];
    const amountFen = parseYuan(get('amount'));
    if (amountFen === null) problems.push(`amount "${get('amount')}" is not a positive amount in yuan like 100.50`);
    if (!isDate(get('date'))) problems.push(`date "${get('date')}" must be YYYY-MM-DD`);
    const ref = get('ref') || null;
    if (ref !== null && seenRefs.has(ref)) problems.push(`ref "${ref}" appears twice in the file`);
    if (ref !== null) seenRefs.add(ref);
    const direction = code('direction', get('direction'));
    const purposeRaw = get('purpose');
    const purpose = purposeRaw === '' ? null : code('purpose', purposeRaw);
    if (purpose !== null && !isPurpose(purpose))
      problems.push(`purpose "${purposeRaw}" is not one of relief, facilities, groups, other`);
    const base = { amountFen: amountFen ?? 0, date: get('date'), note: get('note') };
    let input: EntryInput | null = null;
    if (direction === 'expense') {
      if (purpose === null) problems.push('an expense needs a purpose');
      else if (isPurpose(purpose)) input = { direction: 'expense', purpose, ...base };
    } else if (direction === 'income') {
      const kind = code('kind', get('kind'));
      const donorType = code('donor_type', get('donor_type') || 'anonymous');
      const isPublic = code('donor_public', get('donor_public'));
      if (!isIncomeKind(kind))
        problems.push(`kind "${get('kind')}" is not one of directed, consumption, monthly, service, shop, other`);
      if (!isDonorKind(donorType))
        problems.push(`donor_type "${get('donor_type')}" is not one of partner, resident, anonymous`);
      if (isPublic !== '0' && isPublic !== '1')
        problems.push(`donor_public "${get('donor_public')}" must be yes or no`);
      const name = get('donor_name');
      let donor: Extract<EntryInput, { direction: 'income' }>['donor'] | null = null;
      if (donorType === 'partner') {
        const partner = await findPartnerByName(db, name);
        if (!partner) problems.push(`partner "${name}" is not in the partner directory`);
        else donor = { kind: 'partner', partnerId: partner.id, public: isPublic === '1' };
      } else if (donorType === 'resident') {
        if (name === '') problems.push('a resident donor needs a donor_name (or use anonymous)');
        donor = { kind: 'resident', name, userId: null, public: isPublic === '1' };
      } else donor = { kind: 'anonymous' };
      if (isIncomeKind(kind) && donor && (purpose === null || isPurpose(purpose)))
        input = { direction: 'income', kind, donor, restrictedTo: purpose, ...base };
    } else problems.push(`direction "${get('direction')}" must be income or expense`);
    if (input && problems.length === 0) {
      try {
        await entryRow(db, null, input, { source: 'import', ref }, now, tz);
        inputs.push({ input, ref, line });
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
  const taken = await store.refsTaken(db, [...seenRefs]);
  for (const t of taken) errors.push(`ref "${t}" was already imported`);
  if (errors.length) throw new ImportFailed(errors);
  if (inputs.length === 0) throw new ImportFailed(['the file has no entries']);
  return db.transaction().execute(async (trx) => {
    for (const { input, ref } of inputs)
      await store.insertEntry(trx, await entryRow(trx, null, input, { source: 'import', ref }, now, tz));
    const b = balances(await store.totals(trx));
    if (b.balance < 0)
      throw new ImportFailed([
        `after this import the fund would be ${plainYuan(b.balance)} yuan: expenses exceed income`,
      ]);
    await recordAudit(
      trx,
      { actorId: null, action: 'fund.import', subject: null, details: { entries: inputs.length } },
      now,
    );
    return inputs.length;
  });
}

export const EXPORT_COLUMNS = ['id', ...IMPORT_COLUMNS, 'reverses', 'source', 'recorded_at'];

/** Every entry, reversals included (negative, with the id they reverse), for the books and for auditors. */
export async function exportCsv(db: DbOrTx): Promise<string> {
  const rows = await store.allEntries(db);
  return toCsv([
    EXPORT_COLUMNS,
    ...rows.map((e) => [
      e.id,
      e.entry_date,
      e.direction,
      e.kind ?? '',
      e.purpose ?? '',
      plainYuan(e.amount_fen),
      e.donor_kind ?? '',
      e.partner_name ?? e.donor_name ?? '',
      e.direction === 'income' ? (e.donor_public ? 'yes' : 'no') : '',
      e.note,
      e.ref ?? '',
      e.reverses_id ?? '',
      e.source,
      e.recorded_at,
    ]),
  ]);
}
