import { CompiledQuery, sql, type Updateable } from 'kysely';
import type { Database, DbOrTx, NewUser, UserRow } from '../../db/schema';

export const findUser = (db: DbOrTx, id: number) =>
  db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();

/**
 * The user and their roles in one query. It runs for every update, so its SQL is compiled once per database
 * and reused with the new id (building and compiling a Kysely query costs more than running this one).
 */
const userWithRolesSql = new WeakMap<object, string>();
export const findUserWithRoles = async (db: DbOrTx, id: number) => {
  let text = userWithRolesSql.get(db);
  if (text === undefined) {
    text = db
      .selectFrom('users')
      .selectAll('users')
      .select(sql<string | null>`(select group_concat(role) from roles where roles.user_id = users.id)`.as('role_list'))
      .where('id', '=', 0)
      .compile().sql;
    userWithRolesSql.set(db, text);
  }
  const row = (await db.executeQuery<UserRow & { role_list: string | null }>(CompiledQuery.raw(text, [id]))).rows[0];
  if (!row) return undefined;
  const { role_list, ...user } = row;
  return { user, roles: role_list ? role_list.split(',') : [] };
};

export const insertUser = (db: DbOrTx, u: NewUser) =>
  db
    .insertInto('users')
    .values(u)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

export const updateUser = (db: DbOrTx, id: number, patch: Updateable<Database['users']>) =>
  db.updateTable('users').set(patch).where('id', '=', id).execute();

export const rolesOf = async (db: DbOrTx, userId: number) =>
  (await db.selectFrom('roles').select('role').where('user_id', '=', userId).execute()).map((r) => r.role);

export const insertRole = (db: DbOrTx, userId: number, role: string, grantedBy: number | null, at: string) =>
  db
    .insertInto('roles')
    .values({ user_id: userId, role, granted_by: grantedBy, granted_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'role']).doNothing())
    .executeTakeFirst();

export const deleteRole = (db: DbOrTx, userId: number, role: string) =>
  db.deleteFrom('roles').where('user_id', '=', userId).where('role', '=', role).executeTakeFirst();

export const usersWithRole = (db: DbOrTx, role: string) =>
  db
    .selectFrom('roles')
    .innerJoin('users', 'users.id', 'roles.user_id')
    .selectAll('users')
    .where('roles.role', '=', role)
    .orderBy('users.id')
    .execute();

export const privilegedUsers = (db: DbOrTx) =>
  db
    .selectFrom('roles')
    .innerJoin('users', 'users.id', 'roles.user_id')
    .select(['users.id', 'users.language', 'users.tg_language', 'roles.role'])
    .execute();

export const listCommunities = (db: DbOrTx) => db.selectFrom('communities').selectAll().orderBy('id').execute();

export const findCommunity = (db: DbOrTx, id: number) =>
  db.selectFrom('communities').selectAll().where('id', '=', id).executeTakeFirst();

export const listCompounds = (db: DbOrTx, communityId?: number) => {
  let q = db.selectFrom('compounds').selectAll().orderBy('community_id').orderBy('rotation_order').orderBy('id');
  if (communityId !== undefined) q = q.where('community_id', '=', communityId);
  return q.execute();
};

export const findCompound = (db: DbOrTx, id: number) =>
  db.selectFrom('compounds').selectAll().where('id', '=', id).executeTakeFirst();

export const upsertCommunity = async (db: DbOrTx, c: { subdistrict: string; name_zh: string; name_en: string }) => {
  await db
    .insertInto('communities')
    .values(c)
    .onConflict((oc) => oc.column('name_zh').doNothing())
    .execute();
  return db.selectFrom('communities').selectAll().where('name_zh', '=', c.name_zh).executeTakeFirstOrThrow();
};

export const upsertCompound = async (
  db: DbOrTx,
  c: { community_id: number; name_zh: string; name_en: string; rotation_order: number },
) => {
  await db
    .insertInto('compounds')
    .values(c)
    .onConflict((oc) => oc.columns(['community_id', 'name_zh']).doNothing())
    .execute();
  return db
    .selectFrom('compounds')
    .selectAll()
    .where('community_id', '=', c.community_id)
    .where('name_zh', '=', c.name_zh)
    .executeTakeFirstOrThrow();
};

export const insertInvitation = (db: DbOrTx, inv: Database['invitations']) =>
  db.insertInto('invitations').values(inv).execute();

export const findInvitation = (db: DbOrTx, code: string) =>
  db.selectFrom('invitations').selectAll().where('code', '=', code).executeTakeFirst();

/** Marks the invitation used only if nobody used it first (the WHERE makes a double tap harmless). */
export const claimInvitation = async (db: DbOrTx, code: string, userId: number, at: string) =>
  (
    await db
      .updateTable('invitations')
      .set({ used_by: userId, used_at: at })
      .where('code', '=', code)
      .where('used_by', 'is', null)
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

export const userCounts = (db: DbOrTx) =>
  db
    .selectFrom('users')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>('onboarded').as('onboarded'),
      eb.fn.sum<number>('reachable').as('reachable'),
    ])
    .executeTakeFirstOrThrow();
