import { type Selectable, sql } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { VolunteerShiftsTable } from '../../../db/tables/fund';

export type ShiftStatus = 'open' | 'cancelled' | 'logged';

/** A shift a team is asked to fill: a day, what to do, how long, how many people. */
export interface Shift {
  id: number;
  teamId: number;
  date: string;
  description: string;
  minutes: number;
  slots: number;
  status: string;
  createdBy: number | null;
  createdAt: string;
}

/** A shift as listed: with its team's name and how many places are taken. */
export interface ShiftListing extends Shift {
  teamName: string;
  taken: number;
}

/** Hours credited to a volunteer. */
export interface HoursEntry {
  date: string;
  minutes: number;
  note: string;
  teamName: string;
  shiftId: number | null;
}

const toShift = (r: Selectable<VolunteerShiftsTable>): Shift => ({
  id: r.id,
  teamId: r.team_id,
  date: r.date,
  description: r.description,
  minutes: r.minutes,
  slots: r.slots,
  status: r.status,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export async function insertShift(
  db: DbOrTx,
  s: { teamId: number; date: string; description: string; minutes: number; slots: number },
  by: number,
  at: string,
): Promise<number> {
  const r = await db
    .insertInto('volunteer_shifts')
    .values({
      team_id: s.teamId,
      date: s.date,
      description: s.description,
      minutes: s.minutes,
      slots: s.slots,
      created_by: by,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findShift(db: DbOrTx, id: number): Promise<Shift | undefined> {
  const r = await db.selectFrom('volunteer_shifts').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toShift(r);
}

/** Moves a shift from one status to another; false if it was not in `from` (someone else moved it first). */
export async function setShiftStatus(db: DbOrTx, id: number, from: ShiftStatus, to: ShiftStatus): Promise<boolean> {
  const r = await db
    .updateTable('volunteer_shifts')
    .set({ status: to })
    .where('id', '=', id)
    .where('status', '=', from)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** Who took places on a shift, first come first. */
export async function takersOf(db: DbOrTx, shiftId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('volunteer_shift_takers')
    .select('user_id')
    .where('shift_id', '=', shiftId)
    .orderBy('taken_at')
    .execute();
  return rows.map((r) => r.user_id);
}

/**
 * Takes a place only while one is left: the count and the insert are one statement, so two members pressing at the
 * same moment cannot overfill the shift.
 */
export async function takeShift(db: DbOrTx, shiftId: number, userId: number, at: string): Promise<boolean> {
  const r = await sql`insert into volunteer_shift_takers (shift_id, user_id, taken_at)
    select cast(${shiftId} as bigint), cast(${userId} as bigint), ${at}
    where (select count(*) from volunteer_shift_takers where shift_id = ${shiftId})
      < (select slots from volunteer_shifts where id = ${shiftId})
    on conflict do nothing`.execute(db);
  return Number(r.numAffectedRows ?? 0n) === 1;
}

export async function dropShift(db: DbOrTx, shiftId: number, userId: number): Promise<boolean> {
  const r = await db
    .deleteFrom('volunteer_shift_takers')
    .where('shift_id', '=', shiftId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return Number(r.numDeletedRows) === 1;
}

/** Open shifts of the given teams from `from` on, with how many places are taken. */
export async function openShiftsOf(db: DbOrTx, teamIds: number[], from: string): Promise<ShiftListing[]> {
  if (teamIds.length === 0) return [];
  const rows = await db
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
    .where('s.status', '=', 'open')
    .orderBy('s.date')
    .orderBy('s.id')
    .execute();
  return rows.map((r) => ({ ...toShift(r), teamName: r.team_name, taken: Number(r.taken) }));
}

/** Open shifts dated on or before `date`: staff log them after the day. */
export async function shiftsToLog(db: DbOrTx, date: string): Promise<(Shift & { teamName: string })[]> {
  const rows = await db
    .selectFrom('volunteer_shifts as s')
    .innerJoin('volunteer_teams as t', 't.id', 's.team_id')
    .selectAll('s')
    .select('t.name as team_name')
    .where('s.status', '=', 'open')
    .where('s.date', '<=', date)
    .orderBy('s.date')
    .limit(20)
    .execute();
  return rows.map((r) => ({ ...toShift(r), teamName: r.team_name }));
}

/** Credits a shift's hours to one volunteer; crediting the same shift twice does nothing. */
export async function insertHours(
  db: DbOrTx,
  h: { userId: number; shift: Shift; loggedBy: number; loggedAt: string },
): Promise<void> {
  await db
    .insertInto('volunteer_hours')
    .values({
      user_id: h.userId,
      team_id: h.shift.teamId,
      shift_id: h.shift.id,
      date: h.shift.date,
      minutes: h.shift.minutes,
      note: h.shift.description,
      logged_by: h.loggedBy,
      logged_at: h.loggedAt,
    })
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** A volunteer's hours, newest first. */
export async function hoursOf(db: DbOrTx, userId: number): Promise<HoursEntry[]> {
  const rows = await db
    .selectFrom('volunteer_hours as h')
    .innerJoin('volunteer_teams as t', 't.id', 'h.team_id')
    .select(['h.date', 'h.minutes', 'h.note', 't.name as team_name', 'h.shift_id'])
    .where('h.user_id', '=', userId)
    .orderBy('h.date', 'desc')
    .orderBy('h.id', 'desc')
    .execute();
  return rows.map((r) => ({
    date: r.date,
    minutes: r.minutes,
    note: r.note,
    teamName: r.team_name,
    shiftId: r.shift_id,
  }));
}

/** Minutes served and distinct volunteers, for hours dated in [from, to). */
export async function hoursBetween(db: DbOrTx, from: string, to: string): Promise<{ minutes: number; people: number }> {
  const r = await db
    .selectFrom('volunteer_hours')
    .select([
      (eb) => eb.fn.sum<number>('minutes').as('minutes'),
      (eb) => eb.fn.count<number>('user_id').distinct().as('people'),
    ])
    .where('date', '>=', from)
    .where('date', '<', to)
    .executeTakeFirstOrThrow();
  return { minutes: Number(r.minutes ?? 0), people: Number(r.people ?? 0) };
}
