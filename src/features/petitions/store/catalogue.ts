import type { DbOrTx } from '../../../db/schema';
import { type Department, type PetitionCategory, toCategory, toDepartment } from './rows';

// The catalogues staff manage in the chat: the categories residents choose from and the departments petitions are
// transferred to. Rows are retired (active = 0), never deleted: petitions and timelines keep referring to them.

export async function listCategories(db: DbOrTx, opts: { retired?: boolean } = {}): Promise<PetitionCategory[]> {
  let q = db.selectFrom('petition_categories').selectAll().orderBy('active', 'desc').orderBy('id');
  if (!opts.retired) q = q.where('active', '=', 1);
  return (await q.execute()).map(toCategory);
}

export async function findCategory(db: DbOrTx, by: { id: number } | { code: string }) {
  const q = db.selectFrom('petition_categories').selectAll();
  const r = await ('id' in by ? q.where('id', '=', by.id) : q.where('code', '=', by.code)).executeTakeFirst();
  return r && toCategory(r);
}

/** A new category: its code is `k<id>`, fixed for good (petitions, areas and buttons carry it). */
export async function insertCategory(db: DbOrTx, c: { nameZh: string; nameEn: string; createdAt: string }) {
  const { id } = await db
    .insertInto('petition_categories')
    .values({ code: `new:${c.createdAt}`, name_zh: c.nameZh, name_en: c.nameEn, created_at: c.createdAt })
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('petition_categories')
    .set({ code: `k${id}` })
    .where('id', '=', id)
    .execute();
  return id;
}

export const updateCategory = (db: DbOrTx, id: number, patch: { nameZh?: string; nameEn?: string; active?: boolean }) =>
  db
    .updateTable('petition_categories')
    .set({
      ...(patch.nameZh !== undefined && { name_zh: patch.nameZh }),
      ...(patch.nameEn !== undefined && { name_en: patch.nameEn }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute();

/** Departments petitions can be transferred to now; with `retired`, every one (retired ones last). */
export async function listDepartments(db: DbOrTx, opts: { retired?: boolean } = {}): Promise<Department[]> {
  let q = db.selectFrom('petition_departments').selectAll().orderBy('active', 'desc').orderBy('id');
  if (!opts.retired) q = q.where('active', '=', 1);
  return (await q.execute()).map(toDepartment);
}

/** Any department by id, a retired one too (old timelines name it). */
export async function findDepartment(db: DbOrTx, id: number): Promise<Department | undefined> {
  const r = await db.selectFrom('petition_departments').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toDepartment(r);
}

/** A department by its Chinese name, retired or not (the name is unique). */
export async function departmentNamed(db: DbOrTx, nameZh: string): Promise<Department | undefined> {
  const r = await db.selectFrom('petition_departments').selectAll().where('name_zh', '=', nameZh).executeTakeFirst();
  return r && toDepartment(r);
}

export const insertDepartment = async (db: DbOrTx, d: { nameZh: string; nameEn: string }) =>
  (
    await db
      .insertInto('petition_departments')
      .values({ name_zh: d.nameZh, name_en: d.nameEn })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

/** The demo's departments: added if missing, never changed (staff may have renamed them). */
export const upsertDepartment = (db: DbOrTx, d: { nameZh: string; nameEn: string }) =>
  db
    .insertInto('petition_departments')
    .values({ name_zh: d.nameZh, name_en: d.nameEn })
    .onConflict((oc) => oc.column('name_zh').doNothing())
    .execute();

export const updateDepartment = (
  db: DbOrTx,
  id: number,
  patch: { nameZh?: string; nameEn?: string; active?: boolean },
) =>
  db
    .updateTable('petition_departments')
    .set({
      ...(patch.nameZh !== undefined && { name_zh: patch.nameZh }),
      ...(patch.nameEn !== undefined && { name_en: patch.nameEn }),
      ...(patch.active !== undefined && { active: patch.active ? 1 : 0 }),
    })
    .where('id', '=', id)
    .execute();
