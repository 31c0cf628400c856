import { type Insertable, type Selectable, sql } from 'kysely';
import type { Database, DbOrTx } from '../../db/schema';

export type PartnerRow = Selectable<Database['partners']>;
export type OfferRow = Selectable<Database['partner_offers']>;
export type TeamRow = Selectable<Database['volunteer_teams']>;
export type MemberRow = Selectable<Database['volunteer_members']>;
export type ShiftRow = Selectable<Database['volunteer_shifts']>;

// Partner directory

export const findPartner = (db: DbOrTx, id: number) =>
  db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
export const findPartnerByName = (db: DbOrTx, name: string) =>
  db.selectFrom('partners').selectAll().where('name', '=', name).executeTakeFirst();

export async function insertPartner(db: DbOrTx, p: Insertable<Database['partners']>): Promise<number> {
  return (await db.insertInto('partners').values(p).returning('id').executeTakeFirstOrThrow()).id;
}

export const insertOffer = (db: DbOrTx, o: Insertable<Database['partner_offers']>) =>
  db.insertInto('partner_offers').values(o).execute();

export const listPartners = (db: DbOrTx, type?: string) => {
  let q = db.selectFrom('partners').selectAll().where('active', '=', 1).orderBy('name');
  if (type !== undefined) q = q.where('type', '=', type);
  return q.execute();
};

export const countByType = (db: DbOrTx) =>
  db
    .selectFrom('partners')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('active', '=', 1)
    .groupBy('type')
    .execute();

export const offersOf = (db: DbOrTx, partnerId: number) =>
  db.selectFrom('partner_offers').selectAll().where('partner_id', '=', partnerId).orderBy('id').execute();

// Teams and members

export const listTeams = (db: DbOrTx) =>
  db.selectFrom('volunteer_teams').selectAll().where('active', '=', 1).orderBy('id').execute();
export const findTeam = (db: DbOrTx, id: number) =>
  db.selectFrom('volunteer_teams').selectAll().where('id', '=', id).executeTakeFirst();
export const findTeamByName = (db: DbOrTx, name: string) =>
  db.selectFrom('volunteer_teams').selectAll().where('name', '=', name).executeTakeFirst();

export async function insertTeam(db: DbOrTx, t: Insertable<Database['volunteer_teams']>): Promise<number> {
  return (await db.insertInto('volunteer_teams').values(t).returning('id').executeTakeFirstOrThrow()).id;
}

export const findMember = (db: DbOrTx, teamId: number, userId: number) =>
  db
    .selectFrom('volunteer_members')
    .selectAll()
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const upsertApplication = (db: DbOrTx, teamId: number, userId: number, at: string) =>
  db
    .insertInto('volunteer_members')
    .values({ team_id: teamId, user_id: userId, status: 'pending', applied_at: at, decided_by: null, decided_at: null })
    .onConflict((oc) =>
      oc
        .columns(['team_id', 'user_id'])
        .doUpdateSet({ status: 'pending', applied_at: at, decided_by: null, decided_at: null }),
    )
    .execute();

/** Decides a pending application only; false if someone else decided first. */
export const decideApplication = async (
  db: DbOrTx,
  teamId: number,
  userId: number,
  status: 'approved' | 'rejected',
  by: number | null,
  at: string,
) =>
  (
    await db
      .updateTable('volunteer_members')
      .set({ status, decided_by: by, decided_at: at })
      .where('team_id', '=', teamId)
      .where('user_id', '=', userId)
      .where('status', '=', 'pending')
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

export const setMemberStatus = (db: DbOrTx, teamId: number, userId: number, status: string, at: string) =>
  db
    .updateTable('volunteer_members')
    .set({ status, decided_at: at })
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .execute();

export const pendingApplications = (db: DbOrTx, limit: number) =>
  db
    .selectFrom('volunteer_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('volunteer_teams as t', 't.id', 'm.team_id')
    .select(['m.team_id', 'm.user_id', 'm.applied_at', 'u.first_name', 'u.last_name', 'u.phone', 't.name as team_name'])
    .where('m.status', '=', 'pending')
    .orderBy('m.applied_at')
    .limit(limit)
    .execute();

export const membershipsOf = (db: DbOrTx, userId: number) =>
  db
    .selectFrom('volunteer_members as m')
    .innerJoin('volunteer_teams as t', 't.id', 'm.team_id')
    .select(['m.team_id', 'm.status', 't.name as team_name'])
    .where('m.user_id', '=', userId)
    .orderBy('m.team_id')
    .execute();

export const approvedMembers = (db: DbOrTx, teamId: number) =>
  db
    .selectFrom('volunteer_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.team_id', '=', teamId)
    .where('m.status', '=', 'approved')
    .where('u.reachable', '=', 1)
    .orderBy('u.id')
    .execute();

export const allApprovedVolunteers = (db: DbOrTx) =>
  db
    .selectFrom('volunteer_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.id')
    .distinct()
    .where('m.status', '=', 'approved')
    .where('u.reachable', '=', 1)
    .orderBy('u.id')
    .execute();

export const teamSizes = (db: DbOrTx) =>
  db
    .selectFrom('volunteer_members')
    .select(['team_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'approved')
    .groupBy('team_id')
    .execute();

export async function insertTeamMessage(
  db: DbOrTx,
  m: Insertable<Database['volunteer_team_messages']>,
): Promise<number> {
  return (await db.insertInto('volunteer_team_messages').values(m).returning('id').executeTakeFirstOrThrow()).id;
}

// Shifts and hours

export async function insertShift(db: DbOrTx, s: Insertable<Database['volunteer_shifts']>): Promise<number> {
  return (await db.insertInto('volunteer_shifts').values(s).returning('id').executeTakeFirstOrThrow()).id;
}

export const findShift = (db: DbOrTx, id: number) =>
  db.selectFrom('volunteer_shifts').selectAll().where('id', '=', id).executeTakeFirst();

export const setShiftStatus = async (db: DbOrTx, id: number, from: string, to: string) =>
  (
    await db
      .updateTable('volunteer_shifts')
      .set({ status: to })
      .where('id', '=', id)
      .where('status', '=', from)
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

export const takersOf = (db: DbOrTx, shiftId: number) =>
  db
    .selectFrom('volunteer_shift_takers')
    .select(['user_id', 'taken_at'])
    .where('shift_id', '=', shiftId)
    .orderBy('taken_at')
    .execute();

/**
 * Takes a place only while one is left: the count and the insert are one statement, so two members pressing at the
 * same moment cannot overfill the shift.
 */
export const takeShift = async (db: DbOrTx, shiftId: number, userId: number, at: string) => {
  const r = await sql`insert into volunteer_shift_takers (shift_id, user_id, taken_at)
    select ${shiftId}, ${userId}, ${at} where (select count(*) from volunteer_shift_takers where shift_id = ${shiftId})
      < (select slots from volunteer_shifts where id = ${shiftId})
    on conflict do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0n) === 1;
};

export const dropShift = async (db: DbOrTx, shiftId: number, userId: number) =>
  Number(
    (
      await db
        .deleteFrom('volunteer_shift_takers')
        .where('shift_id', '=', shiftId)
        .where('user_id', '=', userId)
        .executeTakeFirst()
    ).numDeletedRows,
  ) === 1;

/** Shifts of the given teams from `from` on, with how many places are taken. */
export const shiftsOf = (db: DbOrTx, teamIds: number[], from: string, statuses: string[]) =>
  teamIds.length === 0
    ? Promise.resolve([])
    : db
        .selectFrom('volunteer_shifts as s')
        .innerJoin('volunteer_teams as t', 't.id', 's.team_id')
        .selectAll('s')
        .select([
          't.name as team_name',
          (eb) =>
            eb
              .selectFrom('volunteer_shift_takers as k')
              .select((e) => e.fn.countAll<number>().as('n'))
              .whereRef('k.shift_id', '=', 's.id')
              .as('taken'),
        ])
        .where('s.team_id', 'in', teamIds)
        .where('s.date', '>=', from)
        .where('s.status', 'in', statuses)
        .orderBy('s.date')
        .orderBy('s.id')
        .execute();

/** Open shifts dated on or before `date` that have not been logged yet: staff log them after the day. */
export const shiftsToLog = (db: DbOrTx, date: string) =>
  db
    .selectFrom('volunteer_shifts as s')
    .innerJoin('volunteer_teams as t', 't.id', 's.team_id')
    .selectAll('s')
    .select('t.name as team_name')
    .where('s.status', '=', 'open')
    .where('s.date', '<=', date)
    .orderBy('s.date')
    .limit(20)
    .execute();

export const insertHours = (db: DbOrTx, h: Insertable<Database['volunteer_hours']>) =>
  db
    .insertInto('volunteer_hours')
    .values(h)
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();

export const hoursOf = (db: DbOrTx, userId: number) =>
  db
    .selectFrom('volunteer_hours as h')
    .innerJoin('volunteer_teams as t', 't.id', 'h.team_id')
    .select(['h.date', 'h.minutes', 'h.note', 't.name as team_name', 'h.shift_id'])
    .where('h.user_id', '=', userId)
    .orderBy('h.date', 'desc')
    .orderBy('h.id', 'desc')
    .execute();

export const hoursBetween = async (db: DbOrTx, from: string, to: string) =>
  db
    .selectFrom('volunteer_hours')
    .select([
      (eb) => eb.fn.sum<number>('minutes').as('minutes'),
      (eb) => eb.fn.count<number>('user_id').distinct().as('people'),
    ])
    .where('date', '>=', from)
    .where('date', '<', to)
    .executeTakeFirstOrThrow();
