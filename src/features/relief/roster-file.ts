import type { Table } from '../../core/sheets';
import type { TFunction } from '../../i18n';
import type { ImportCheck } from '../../telegram/workbench';
import {
  CATEGORY_ZH,
  cleanName,
  cleanPhone,
  NAME_MAX,
  NOTES_MAX,
  parseCategory,
  personKey,
  type RecipientInput,
} from './recipients';
import type { Recipient } from './store';

// The roster as a spreadsheet (the office keeps its list in Excel): one row per person; an id updates that person.
// The same rules whether the file comes through the workbench (XLSX or CSV) or the command line (CSV).

export type RosterColumn = 'id' | 'name' | 'category' | 'phone' | 'notes' | 'active';
/** The columns of the export, in order: what an edited export brings back ('linked' is only read by people). */
export const EXPORT_COLUMNS = ['id', 'name', 'category', 'phone', 'notes', 'active', 'linked'] as const;

const HEADERS: Record<string, RosterColumn> = {
  id: 'id',
  编号: 'id',
  name: 'name',
  姓名: 'name',
  category: 'category',
  类别: 'category',
  phone: 'phone',
  电话: 'phone',
  手机: 'phone',
  notes: 'notes',
  备注: 'notes',
  active: 'active',
  状态: 'active',
};
const CATEGORY_LIST = Object.values(CATEGORY_ZH).join(', ');
const YES = new Set(['1', 'yes', 'y', 'true', '是', '在册', 'active']);
const NO = new Set(['0', 'no', 'n', 'false', '否', '停发', '已停发', 'inactive']);

/** A row that passed: who to add (`id` null) or update, and whether to stop or restart their package. */
export interface RosterRow {
  id: number | null;
  v: RecipientInput;
  active: boolean | null;
}

export interface RosterReading {
  rows: RosterRow[];
  /** Every problem with the file's own row number (1 = the first row), in the reader's language. */
  problems: ImportCheck['problems'];
}

type Seen = { byId: Map<number, Recipient>; byPerson: Map<string, number>; inFile: Map<string, number> };

/** One data row checked against the roster and the rows before it: its problems, or what to write. */
function readRow(get: (c: RosterColumn) => string, row: number, seen: Seen, t: TFunction): string[] | RosterRow {
  const problems: string[] = [];
  const idText = get('id');
  const id = idText === '' ? null : /^\d{1,9}$/.test(idText) ? Number(idText) : Number.NaN;
  if (Number.isNaN(id) || (id !== null && !seen.byId.has(id)))
    problems.push(t('relief.import.notOnRoster', { id: idText }));
  const name = cleanName(get('name'));
  if (!name)
    problems.push(
      get('name') === ''
        ? t('relief.import.nameEmpty')
        : t('relief.import.nameBad', { name: get('name'), max: NAME_MAX }),
    );
  const category = parseCategory(get('category'));
  if (!category) problems.push(t('relief.import.category', { category: get('category'), list: CATEGORY_LIST }));
  const phoneText = get('phone');
  const phone = phoneText === '' ? null : cleanPhone(phoneText);
  if (phone === undefined) problems.push(t('relief.import.phone', { phone: phoneText }));
  const activeText = get('active').toLowerCase();
  const active = activeText === '' ? null : YES.has(activeText) ? true : NO.has(activeText) ? false : undefined;
  if (active === undefined) problems.push(t('relief.import.active', { active: get('active') }));
  if (name && phone !== undefined) {
    const key = personKey(name, phone);
    const twin = seen.inFile.get(key);
    if (twin !== undefined) problems.push(t('relief.import.twin', { row: twin }));
    else seen.inFile.set(key, row);
    const onRoster = seen.byPerson.get(key);
    if (id === null && onRoster !== undefined) problems.push(t('relief.import.onRoster', { id: onRoster }));
  }
  if (problems.length || !name || !category || phone === undefined || active === undefined) return problems;
  return { id, v: { name, category, phone, notes: get('notes').slice(0, NOTES_MAX) || null }, active };
}

/** The file's rows as roster changes, with every problem; nothing is written. */
export function readRoster(table: Table, existing: readonly Recipient[], t: TFunction): RosterReading {
  // Row numbers are the file's own (1 = the first row), blank rows included, so staff find the row in their sheet.
  const lines = table.map((cells, i) => ({ cells, row: i + 1 })).filter((r) => r.cells.some((c) => c.trim() !== ''));
  const head = lines[0];
  if (!head) return { rows: [], problems: [{ row: 1, message: t('relief.import.empty') }] };
  const header = head.cells.map((h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()] ?? null);
  const missing = (['name', 'category'] as const).filter((h) => !header.includes(h));
  if (missing.length) {
    const columns = missing.map((c) => t(`relief.file.column.${c}`)).join(', ');
    return { rows: [], problems: [{ row: head.row, message: t('relief.import.needColumns', { columns }) }] };
  }
  const seen: Seen = {
    byId: new Map(existing.map((r) => [r.id, r])),
    byPerson: new Map(existing.map((r) => [personKey(r.name, r.phone), r.id])),
    inFile: new Map(),
  };
  const rows: RosterRow[] = [];
  const problems: ImportCheck['problems'] = [];
  for (const { cells, row } of lines.slice(1)) {
    const get = (c: RosterColumn) => {
      const i = header.indexOf(c);
      return i < 0 ? '' : (cells[i] ?? '').trim();
    };
    const read = readRow(get, row, seen, t);
    if (Array.isArray(read)) problems.push(...read.map((message) => ({ row, message })));
    else rows.push(read);
  }
  return { rows, problems };
}

/** Problems as the command line prints them: one line per row, its problems joined. */
export function problemLines(problems: ImportCheck['problems']): string[] {
  const byRow = new Map<number, string[]>();
  for (const p of problems) byRow.set(p.row, [...(byRow.get(p.row) ?? []), p.message]);
  return [...byRow].map(([row, messages]) => `row ${row}: ${messages.join('; ')}`);
}
