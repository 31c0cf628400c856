import { CompiledQuery, type Insertable, type Selectable, sql, type Updateable } from 'kysely';
import type { Database, DbOrTx } from '../db/schema';
import type { UsersTable } from '../db/tables/core';
import { flowData, type StoredFlow } from './flows';
import { isRole, type Role } from './roles';
import { toUser, type User } from './user';

export const findUser = async (db: DbOrTx, id: number): Promise<User | undefined> => {
  const r = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toUser(r);
};

export const findUsers = async (db: DbOrTx, ids: readonly number[]): Promise<User[]> =>
  ids.length ? (await db.selectFrom('users').selectAll().where('id', 'in', ids).execute()).map(toUser) : [];

/**
 * The user, their roles and their flow in progress in one query. It runs for every update, so it is compiled once per
 * store and reused with the new id (building and compiling a Kysely query costs more than running this one, and a
 * second query for the flow was a visible share of an update's time in bench -- updates).
 */
export function userWithRolesQuery(db: DbOrTx) {
  const text = db
    .selectFrom('users')
    .leftJoin('flows', 'flows.user_id', 'users.id')
    .selectAll('users')
    .select(
      sql<string | null>`(select string_agg(role, ',') from roles where roles.user_id = users.id)`.as('role_list'),
    )
    .select(['flows.name as flow_name', 'flows.step as flow_step', 'flows.data as flow_data'])
    .where('users.id', '=', 0)
    .compile().sql;
  return async (id: number): Promise<{ user: User; roles: Role[]; flow: StoredFlow | null } | undefined> => {
    type Row = Selectable<UsersTable> & {
      role_list: string | null;
      flow_name: string | null;
      flow_step: string | null;
      flow_data: string | null;
    };
    const row = (await db.executeQuery<Row>(CompiledQuery.raw(text, [id]))).rows[0];
    if (!row) return undefined;
    const { role_list, flow_name, flow_step, flow_data, ...user } = row;
    const flow =
      flow_name === null || flow_step === null ? null : { name: flow_name, step: flow_step, data: flowData(flow_data) };
    return { user: toUser(user), roles: (role_list ? role_list.split(',') : []).filter(isRole), flow };
  };
}

export const insertUser = (db: DbOrTx, u: Insertable<UsersTable>) =>
  db
    .insertInto('users')
    .values(u)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();

export const updateUser = (db: DbOrTx, id: number, patch: Updateable<Database['users']>) =>
  db.updateTable('users').set(patch).where('id', '=', id).execute();

export const rolesOf = async (db: DbOrTx, userId: number): Promise<Role[]> =>
  (await db.selectFrom('roles').select('role').where('user_id', '=', userId).execute())
    .map((r) => r.role)
    .filter(isRole);

export const insertRole = async (db: DbOrTx, userId: number, role: Role, grantedBy: number | null, at: string) => {
  const r = await db
    .insertInto('roles')
    .values({ user_id: userId, role, granted_by: grantedBy, granted_at: at })
    .onConflict((oc) => oc.columns(['user_id', 'role']).doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) > 0;
};

export const deleteRole = async (db: DbOrTx, userId: number, role: Role) =>
  Number(
    (await db.deleteFrom('roles').where('user_id', '=', userId).where('role', '=', role).executeTakeFirst())
      .numDeletedRows,
  ) > 0;

/** Users holding any of the roles, each once, in id order. */
export const usersWithRoles = async (db: DbOrTx, roles: readonly Role[]): Promise<User[]> =>
  (
    await db
      .selectFrom('users')
      .selectAll()
      .where(
        'id',
        'in',
        db
          .selectFrom('roles')
          .select('user_id')
          .where('role', 'in', [...roles]),
      )
      .orderBy('id')
      .execute()
  ).map(toUser);

export const privilegedUsers = async (db: DbOrTx): Promise<{ user: User; role: Role }[]> => {
  const rows = await db
    .selectFrom('roles')
    .innerJoin('users', 'users.id', 'roles.user_id')
    .selectAll('users')
    .select('roles.role')
    .orderBy('users.id')
    .execute();
  return rows.flatMap(({ role, ...u }) => (isRole(role) ? [{ user: toUser(u), role }] : []));
};

export const userCounts = async (db: DbOrTx) => {
  const r = await db
    .selectFrom('users')
    .select((eb) => [
      eb.fn.countAll<number>().as('total'),
      eb.fn.sum<number>('onboarded').as('onboarded'),
      eb.fn.sum<number>('reachable').as('reachable'),
    ])
    .executeTakeFirstOrThrow();
  return { total: Number(r.total), onboarded: Number(r.onboarded ?? 0), reachable: Number(r.reachable ?? 0) };
};
