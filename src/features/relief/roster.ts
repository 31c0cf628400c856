import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { parseCsv, toCsv } from './csv';
import { InvalidInput, RecipientNotFound } from './errors';
import type { RecipientRow } from './store';
import * as store from './store';

export const CATEGORIES = ['dibao', 'tekun', 'disabled', 'elderly_alone', 'other'] as const;
export type Category = (typeof CATEGORIES)[number];
export const CATEGORY_ZH: Record<Category, string> = {
  dibao: '低保',
  tekun: '特困',
  disabled: '残疾',
  elderly_alone: '独居老人',
  other: '其他',
};
const ALIASES: Record<string, Category> = {
  低保户: 'dibao',
  特困供养: 'tekun',
  特困人员: 'tekun',
  残疾人: 'disabled',
  独居: 'elderly_alone',
  空巢老人: 'elderly_alone',
};
export const isCategory = (s: string): s is Category => (CATEGORIES as readonly string[]).includes(s);

/** The code, the Chinese label or a common alias. */
export function parseCategory(s: string): Category | undefined {
  const v = s.trim();
  if (isCategory(v)) return v;
  return (Object.entries(CATEGORY_ZH).find(([, zh]) => zh === v)?.[0] as Category | undefined) ?? ALIASES[v];
}

export const NAME_MAX = 30;
export const NOTES_MAX = 200;

export function cleanName(s: string): string | undefined {
  const v = s.trim().replace(/\s+/g, ' ');
  return v.length >= 1 && v.length <= NAME_MAX && !/[\u0000-\u001f<>]/.test(v) ? v : undefined;
}

/** Digits only (a leading +86 or spaces and dashes are fine); 7 to 15 digits. */
export function cleanPhone(s: string): string | undefined {
  const digits = s.trim().replace(/^\+86/, '').replace(/[\s-]/g, '');
  return /^\d{7,15}$/.test(digits) ? digits : undefined;
}

export interface RecipientInput {
  name: string;
  category: Category;
  phone: string | null;
  notes: string | null;
}

function validate(input: RecipientInput): RecipientInput {
  const name = cleanName(input.name);
  if (!name) throw new InvalidInput('Name');
  if (!isCategory(input.category)) throw new InvalidInput('Category');
  const phone = input.phone === null || input.phone.trim() === '' ? null : cleanPhone(input.phone);
  if (phone === undefined) throw new InvalidInput('Phone');
  const notes = input.notes?.trim() ? input.notes.trim().slice(0, NOTES_MAX) : null;
  return { name, category: input.category, phone, notes };
}

export async function addRecipient(db: Db, actorId: number, input: RecipientInput, now: Date): Promise<number> {
  const v = validate(input);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const id = await store.insertRecipient(trx, { ...v, user_id: null, created_at: at, updated_at: at });
    await recordAudit(
      trx,
      { actorId, action: 'relief.recipient.add', subject: `relief_recipient:${id}`, details: { category: v.category } },
      now,
    );
    return id;
  });
}

export type EditableField = 'name' | 'category' | 'phone' | 'notes';

/** One field at a time, as staff change it in the bot; an empty phone or notes clears it. */
export async function editRecipient(
  db: Db,
  actorId: number,
  id: number,
  field: EditableField,
  value: string,
  now: Date,
): Promise<RecipientRow> {
  return db.transaction().execute(async (trx) => {
    const r = await store.findRecipient(trx, id);
    if (!r) throw new RecipientNotFound();
    const next = validate({ ...r, category: r.category as Category, [field]: value });
    await store.updateRecipient(trx, id, { [field]: next[field], updated_at: now.toISOString() });
    await recordAudit(
      trx,
      { actorId, action: 'relief.recipient.edit', subject: `relief_recipient:${id}`, details: { field } },
      now,
    );
    return { ...r, [field]: next[field] };
  });
}

export async function setActive(
  db: Db,
  actorId: number,
  id: number,
  active: boolean,
  now: Date,
): Promise<RecipientRow> {
  return db.transaction().execute(async (trx) => {
    const r = await store.findRecipient(trx, id);
    if (!r) throw new RecipientNotFound();
    await store.updateRecipient(trx, id, { active: active ? 1 : 0, updated_at: now.toISOString() });
    await recordAudit(
      trx,
      {
        actorId,
        action: active ? 'relief.recipient.reactivate' : 'relief.recipient.deactivate',
        subject: `relief_recipient:${id}`,
      },
      now,
    );
    return { ...r, active: active ? 1 : 0 };
  });
}

export const getRecipient = (db: DbOrTx, id: number) => store.findRecipient(db, id);
export const listRoster = (db: DbOrTx) => store.listRecipients(db);
export const proxiesOf = (db: DbOrTx, id: number) => store.proxiesOf(db, id);

// ---- CSV import / export

const HEADERS: Record<string, 'id' | 'name' | 'category' | 'phone' | 'notes' | 'active'> = {
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

export class ImportFailed extends Error {
  constructor(readonly errors: string[]) {
    super(`nothing imported; ${errors.length} problem(s):\n${errors.join('\n')}`);
  }
}

export interface ImportResult {
  added: number;
  updated: number;
}

/**
 * Loads a roster from CSV (header row: name, category, phone, notes; optional id to update, active).
 * Every row is checked first; one bad row means nothing is written, and every problem is reported with its row.
 */
export async function importRoster(db: Db, actorId: number | null, text: string, now: Date): Promise<ImportResult> {
  // Row numbers are the file's own (header = row 1), blank lines included, so staff find the row in their sheet.
  const rows = parseCsv(text)
    .map((cells, i) => ({ cells, line: i + 1 }))
    .filter((r) => r.cells.some((c) => c.trim() !== ''));
  if (rows.length === 0) throw new ImportFailed(['the file is empty']);
  const header = rows[0]!.cells.map((h) => HEADERS[h.trim().toLowerCase()] ?? HEADERS[h.trim()] ?? null);
  const missing = (['name', 'category'] as const).filter((h) => !header.includes(h));
  if (missing.length)
    throw new ImportFailed([
      `row ${rows[0]!.line}: the header must name the columns ${missing.join(', ')} (e.g. "name,category,phone,notes")`,
    ]);
  const col = (r: string[], h: string) => {
    const i = header.indexOf(h as never);
    return i < 0 ? '' : (r[i] ?? '').trim();
  };
  const existing = await store.listRecipients(db);
  const byId = new Map(existing.map((r) => [r.id, r]));
  const byPerson = new Map(existing.map((r) => [`${r.name}|${r.phone ?? ''}`, r.id]));
  const seen = new Map<string, number>();
  const errors: string[] = [];
  const plan: { id: number | null; v: RecipientInput; active: number | null }[] = [];
  rows.slice(1).forEach(({ cells: r, line }) => {
    const problems: string[] = [];
    const idText = col(r, 'id');
    const id = idText === '' ? null : /^\d{1,9}$/.test(idText) ? Number(idText) : NaN;
    if (Number.isNaN(id) || (id !== null && !byId.has(id))) problems.push(`id "${idText}" is not on the roster`);
    const name = cleanName(col(r, 'name'));
    if (!name)
      problems.push(
        col(r, 'name') === ''
          ? 'name is empty'
          : `name "${col(r, 'name')}" is too long or has < > in it (at most ${NAME_MAX} characters)`,
      );
    const category = parseCategory(col(r, 'category'));
    if (!category)
      problems.push(`category "${col(r, 'category')}" is not one of ${Object.values(CATEGORY_ZH).join(', ')}`);
    const phoneText = col(r, 'phone');
    const phone = phoneText === '' ? null : cleanPhone(phoneText);
    if (phone === undefined) problems.push(`phone "${phoneText}" is not a phone number (7–15 digits)`);
    const activeText = col(r, 'active').toLowerCase();
    const active = activeText === '' ? null : YES.has(activeText) ? 1 : NO.has(activeText) ? 0 : undefined;
    if (active === undefined) problems.push(`active "${col(r, 'active')}" should be 1 or 0`);
    if (name && phone !== undefined) {
      const key = `${name}|${phone ?? ''}`;
      const twin = seen.get(key);
      if (twin !== undefined) problems.push(`same person as row ${twin}`);
      else seen.set(key, line);
      const onRoster = byPerson.get(key);
      if (id === null && onRoster !== undefined)
        problems.push(`already on the roster as id ${onRoster} (put the id in the id column to update)`);
    }
    if (problems.length) errors.push(`row ${line}: ${problems.join('; ')}`);
    else
      plan.push({
        id,
        v: {
          name: name!,
          category: category!,
          phone: phone ?? null,
          notes: col(r, 'notes').slice(0, NOTES_MAX) || null,
        },
        active: active ?? null,
      });
  });
  if (errors.length) throw new ImportFailed(errors);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    let added = 0;
    let updated = 0;
    for (const p of plan) {
      if (p.id === null) {
        await store.insertRecipient(trx, {
          ...p.v,
          active: p.active ?? 1,
          user_id: null,
          created_at: at,
          updated_at: at,
        });
        added++;
      } else {
        await store.updateRecipient(trx, p.id, {
          ...p.v,
          ...(p.active === null ? {} : { active: p.active }),
          updated_at: at,
        });
        updated++;
      }
    }
    await recordAudit(
      trx,
      { actorId, action: 'relief.roster.import', subject: 'relief_recipients', details: { added, updated } },
      now,
    );
    return { added, updated };
  });
}

/** The roster in the import format (plus whether each person is linked), so an export can be edited and imported back. */
export async function exportRoster(db: DbOrTx): Promise<string> {
  const rows = await store.listRecipients(db);
  const out: (string | number | null)[][] = [['id', 'name', 'category', 'phone', 'notes', 'active', 'linked']];
  for (const r of rows)
    out.push([
      r.id,
      r.name,
      CATEGORY_ZH[r.category as Category] ?? r.category,
      r.phone,
      r.notes,
      r.active,
      r.user_id === null ? 0 : 1,
    ]);
  return toCsv(out);
}
