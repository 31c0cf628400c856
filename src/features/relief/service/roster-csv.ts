import { parseCsv, toCsv } from '../../../core/csv';
import { recordAudit } from '../../../identity';
import { ImportFailed } from '../errors';
import {
  CATEGORY_ZH,
  cleanName,
  cleanPhone,
  NAME_MAX,
  NOTES_MAX,
  parseCategory,
  type RecipientInput,
} from '../recipients';
import type { Recipient } from '../store';
import * as store from '../store';
import type { ReliefDeps } from './deps';

type Column = 'id' | 'name' | 'category' | 'phone' | 'notes' | 'active';
const HEADERS: Record<string, Column> = {
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
const YES = new Set(['1', 'yes', 'y', 'true', '是', '在册', 'active']);
const NO = new Set(['0', 'no', 'n', 'false', '否', '停发', 'inactive']);

export interface ImportResult {
  added: number;
  updated: number;
}

interface Planned {
  id: number | null;
  v: RecipientInput;
  active: boolean | null;
}

/** Checks one data row against the roster and the rows before it; the problems, or what to write. */
function checkRow(
  col: (h: Column) => string,
  line: number,
  byId: Map<number, Recipient>,
  byPerson: Map<string, number>,
  seen: Map<string, number>,
): string[] | Planned {
  const problems: string[] = [];
  const idText = col('id');
  const id = idText === '' ? null : /^\d{1,9}$/.test(idText) ? Number(idText) : Number.NaN;
  if (Number.isNaN(id) || (id !== null && !byId.has(id))) problems.push(`id "${idText}" is not on the roster`);
  const name = cleanName(col('name'));
  if (!name)
    problems.push(
      col('name') === ''
        ? 'name is empty'
        : `name "${col('name')}" is too long or has < > in it (at most ${NAME_MAX} characters)`,
    );
  const category = parseCategory(col('category'));
  if (!category) problems.push(`category "${col('category')}" is not one of ${Object.values(CATEGORY_ZH).join(', ')}`);
  const phoneText = col('phone');
  const phone = phoneText === '' ? null : cleanPhone(phoneText);
  if (phone === undefined) problems.push(`phone "${phoneText}" is not a phone number (7–15 digits)`);
  const activeText = col('active').toLowerCase();
  const active = activeText === '' ? null : YES.has(activeText) ? true : NO.has(activeText) ? false : undefined;
  if (active === undefined) problems.push(`active "${col('active')}" should be 1 or 0`);
  if (name && phone !== undefined) {
    const key = `${name}|${phone ?? ''}`;
    const twin = seen.get(key);
    if (twin !== undefined) problems.push(`same person as row ${twin}`);
    else seen.set(key, line);
    const onRoster = byPerson.get(key);
    if (id === null && onRoster !== undefined)
      problems.push(`already on the roster as id ${onRoster} (put the id in the id column to update)`);
  }
  if (problems.length || !name || !category || phone === undefined || active === undefined) return problems;
  return {
    id,
    v: { name, category, phone, notes: col('notes').slice(0, NOTES_MAX) || null },
    active,
  };
}

/** The roster in and out of spreadsheets: the office keeps its list in Excel. */
export function rosterCsvService({ db, clock }: ReliefDeps) {
  return {
    /**
     * Loads a roster from CSV (header row: name, category, phone, notes; optional id to update, active).
     * Every row is checked first; one bad row means nothing is written, and every problem is reported with its row.
     */
    async importRoster(actorId: number | null, text: string): Promise<ImportResult> {
      // Row numbers are the file's own (header = row 1), blank lines included, so staff find the row in their sheet.
      const rows = parseCsv(text, { keepBlankRows: true })
        .map((cells, i) => ({ cells, line: i + 1 }))
        .filter((r) => r.cells.some((c) => c.trim() !== ''));
      if (rows.length === 0) throw new ImportFailed(['the file is empty']);
      const header = rows[0]!.cells.map((h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()] ?? null);
      const missing = (['name', 'category'] as const).filter((h) => !header.includes(h));
      if (missing.length)
        throw new ImportFailed([
          `row ${rows[0]!.line}: the header must name the columns ${missing.join(', ')}` +
            ' (e.g. "name,category,phone,notes")',
        ]);
      const existing = await store.listRecipients(db);
      const byId = new Map(existing.map((r) => [r.id, r]));
      const byPerson = new Map(existing.map((r) => [`${r.name}|${r.phone ?? ''}`, r.id]));
      const seen = new Map<string, number>();
      const errors: string[] = [];
      const plan: Planned[] = [];
      for (const { cells, line } of rows.slice(1)) {
        const col = (h: Column) => {
          const i = header.indexOf(h);
          return i < 0 ? '' : (cells[i] ?? '').trim();
        };
        const checked = checkRow(col, line, byId, byPerson, seen);
        if (Array.isArray(checked)) errors.push(`row ${line}: ${checked.join('; ')}`);
        else plan.push(checked);
      }
      if (errors.length) throw new ImportFailed(errors);
      const now = clock.now();
      const at = now.toISOString();
      return db.transaction().execute(async (trx) => {
        let added = 0;
        let updated = 0;
        for (const p of plan) {
          if (p.id === null) {
            await store.insertRecipient(trx, { ...p.v, active: p.active ?? true, at });
            added++;
          } else {
            await store.updateRecipient(trx, p.id, { ...p.v, ...(p.active === null ? {} : { active: p.active }), at });
            updated++;
          }
        }
        const details = { added, updated };
        await recordAudit(trx, { actorId, action: 'relief.roster.import', subject: 'relief_recipients', details }, now);
        return { added, updated };
      });
    },

    /** The roster in the import format (plus whether each is linked), so an export can be edited and imported back. */
    async exportRoster(): Promise<string> {
      const out: (string | number | null)[][] = [['id', 'name', 'category', 'phone', 'notes', 'active', 'linked']];
      for (const r of await store.listRecipients(db))
        out.push([
          r.id,
          r.name,
          CATEGORY_ZH[r.category] ?? r.category,
          r.phone,
          r.notes,
          r.active ? 1 : 0,
          r.userId === null ? 0 : 1,
        ]);
      // With a byte-order mark so Excel opens the Chinese text as UTF-8.
      return toCsv(out, { bom: true });
    },
  };
}
