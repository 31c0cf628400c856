import { DomainError } from '../../core/errors';
import { isDate, localDate } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import { enqueue, type OutMessage } from '../delivery/service';
import { usersWithRole } from '../residents/service';
import { CB } from './callbacks';
import * as store from './store';

export class TeamNotFound extends DomainError {
  constructor() {
    super('partners.teamNotFound');
  }
}
export class TeamExists extends DomainError {
  constructor() {
    super('partners.teamExists');
  }
}
export class AlreadyMember extends DomainError {
  constructor() {
    super('partners.alreadyMember');
  }
}
export class AlreadyApplied extends DomainError {
  constructor() {
    super('partners.alreadyApplied');
  }
}
export class ApplicationNotFound extends DomainError {
  constructor() {
    super('partners.applicationNotFound');
  }
}
export class NotTeamMember extends DomainError {
  constructor() {
    super('partners.notMember');
  }
}
export class ShiftNotFound extends DomainError {
  constructor() {
    super('partners.shiftNotFound');
  }
}
export class ShiftFull extends DomainError {
  constructor() {
    super('partners.shiftFull');
  }
}
export class ShiftAlreadyTaken extends DomainError {
  constructor() {
    super('partners.shiftTaken');
  }
}
export class ShiftPast extends DomainError {
  constructor() {
    super('partners.shiftPast');
  }
}
export class ShiftNotYet extends DomainError {
  constructor() {
    super('partners.shiftNotYet');
  }
}
export class InvalidShift extends DomainError {
  constructor(readonly field: string) {
    super('partners.invalidShift', { field });
  }
}

export async function teamsWithSizes(db: DbOrTx) {
  const [teams, sizes] = await Promise.all([store.listTeams(db), store.teamSizes(db)]);
  return teams.map((t) => ({ ...t, members: Number(sizes.find((s) => s.team_id === t.id)?.n ?? 0) }));
}

export const findTeam = (db: DbOrTx, id: number) => store.findTeam(db, id);
export const membershipsOf = (db: DbOrTx, userId: number) => store.membershipsOf(db, userId);
export const pendingApplications = (db: DbOrTx, limit = 20) => store.pendingApplications(db, limit);
export const allApprovedVolunteers = async (db: DbOrTx) => (await store.allApprovedVolunteers(db)).map((r) => r.id);

export async function isApprovedMember(db: DbOrTx, teamId: number, userId: number): Promise<boolean> {
  return (await store.findMember(db, teamId, userId))?.status === 'approved';
}

export async function createTeam(
  db: Db,
  actorId: number | null,
  name: string,
  description: string,
  now: Date,
): Promise<number> {
  const n = name.trim().slice(0, 40);
  if (n === '') throw new TeamNotFound();
  return db.transaction().execute(async (trx) => {
    if (await store.findTeamByName(trx, n)) throw new TeamExists();
    const id = await store.insertTeam(trx, {
      name: n,
      description: description.trim().slice(0, 300),
      partner_id: null,
      created_by: actorId,
      created_at: now.toISOString(),
    });
    await recordAudit(
      trx,
      { actorId, action: 'volunteers.team.create', subject: `team:${id}`, details: { name: n } },
      now,
    );
    return id;
  });
}

/** A resident asks to join; every staff member is told, with buttons to approve or decline. */
export async function applyToTeam(db: Db, userId: number, teamId: number, now: Date): Promise<void> {
  const at = now.toISOString();
  await db.transaction().execute(async (trx) => {
    const team = await store.findTeam(trx, teamId);
    if (team?.active !== 1) throw new TeamNotFound();
    const m = await store.findMember(trx, teamId, userId);
    if (m?.status === 'approved') throw new AlreadyMember();
    if (m?.status === 'pending') throw new AlreadyApplied();
    await store.upsertApplication(trx, teamId, userId, at);
    const staff = await usersWithRole(trx, 'staff');
    const admins = await usersWithRole(trx, 'admin');
    const who = [...new Map([...staff, ...admins].map((u) => [u.id, u])).values()];
    const applicant = await trx
      .selectFrom('users')
      .select(['first_name', 'last_name'])
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    const name = [applicant.first_name, applicant.last_name].filter(Boolean).join(' ');
    await enqueue(
      trx,
      who.map(
        (s): OutMessage => ({
          dedupeKey: `partners:apply:${teamId}:${userId}:${at}:${s.id}`,
          chatId: s.id,
          userId: s.id,
          category: 'staff',
          content: {
            key: 'partners.staff.newApplication',
            params: { name, team: team.name },
            buttons: [
              [
                { key: 'partners.staff.approve', data: CB.approve(teamId, userId) },
                { key: 'partners.staff.reject', data: CB.reject(teamId, userId) },
              ],
            ],
          },
        }),
      ),
      now,
    );
  });
}

/** Staff decide a pending application; the applicant is told either way. */
export async function decideApplication(
  db: Db,
  actorId: number,
  teamId: number,
  userId: number,
  approve: boolean,
  now: Date,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    const team = await store.findTeam(trx, teamId);
    if (!team) throw new TeamNotFound();
    if (
      !(await store.decideApplication(
        trx,
        teamId,
        userId,
        approve ? 'approved' : 'rejected',
        actorId,
        now.toISOString(),
      ))
    )
      throw new ApplicationNotFound();
    await recordAudit(
      trx,
      {
        actorId,
        action: approve ? 'volunteers.approve' : 'volunteers.reject',
        subject: `user:${userId}`,
        details: { teamId },
      },
      now,
    );
    await enqueue(
      trx,
      [
        {
          dedupeKey: `partners:decided:${teamId}:${userId}:${now.toISOString()}`,
          chatId: userId,
          userId,
          category: 'personal',
          content: {
            key: approve ? 'partners.volunteer.approved' : 'partners.volunteer.rejected',
            params: { team: team.name },
          },
        },
      ],
      now,
    );
  });
}

export async function leaveTeam(db: Db, userId: number, teamId: number, now: Date): Promise<void> {
  if (!(await isApprovedMember(db, teamId, userId))) throw new NotTeamMember();
  await store.setMemberStatus(db, teamId, userId, 'left', now.toISOString());
}

/** A staff message to every approved member of a team, through the outbox. Returns how many were queued. */
export async function messageTeam(db: Db, actorId: number, teamId: number, text: string, now: Date): Promise<number> {
  const body = text.trim().slice(0, 3000);
  if (body === '') throw new InvalidShift('text');
  return db.transaction().execute(async (trx) => {
    const team = await store.findTeam(trx, teamId);
    if (!team) throw new TeamNotFound();
    const members = await store.approvedMembers(trx, teamId);
    const id = await store.insertTeamMessage(trx, {
      team_id: teamId,
      text: body,
      sent_by: actorId,
      sent_at: now.toISOString(),
      recipients: members.length,
    });
    await recordAudit(
      trx,
      {
        actorId,
        action: 'volunteers.message',
        subject: `team:${teamId}`,
        details: { message: id, recipients: members.length },
      },
      now,
    );
    return enqueue(
      trx,
      members.map((m) => ({
        dedupeKey: `partners:team-msg:${id}:${m.id}`,
        chatId: m.id,
        userId: m.id,
        category: 'personal' as const,
        content: { key: 'partners.team.message', params: { team: team.name, text: body } },
      })),
      now,
    );
  });
}

export interface ShiftInput {
  teamId: number;
  date: string;
  description: string;
  minutes: number;
  slots: number;
}

/** Staff offer a market-day (or any) shift to a team; members get a button to take it. */
export async function offerShift(db: Db, actorId: number, s: ShiftInput, now: Date, tz: string): Promise<number> {
  const description = s.description.trim().slice(0, 200);
  if (!isDate(s.date)) throw new InvalidShift('date');
  if (s.date < localDate(now, tz)) throw new ShiftPast();
  if (description === '') throw new InvalidShift('description');
  if (!Number.isInteger(s.minutes) || s.minutes < 15 || s.minutes > 1440) throw new InvalidShift('minutes');
  if (!Number.isInteger(s.slots) || s.slots < 1 || s.slots > 100) throw new InvalidShift('slots');
  return db.transaction().execute(async (trx) => {
    const team = await store.findTeam(trx, s.teamId);
    if (team?.active !== 1) throw new TeamNotFound();
    const id = await store.insertShift(trx, {
      team_id: s.teamId,
      date: s.date,
      description,
      minutes: s.minutes,
      slots: s.slots,
      created_by: actorId,
      created_at: now.toISOString(),
    });
    await recordAudit(
      trx,
      { actorId, action: 'volunteers.shift.offer', subject: `shift:${id}`, details: { ...s, description } },
      now,
    );
    const members = await store.approvedMembers(trx, s.teamId);
    await enqueue(
      trx,
      members.map((m) => ({
        dedupeKey: `partners:shift-offer:${id}:${m.id}`,
        chatId: m.id,
        userId: m.id,
        category: 'personal' as const,
        content: {
          key: 'partners.shift.offered',
          params: { team: team.name, date: s.date, description, hours: formatHours(s.minutes), slots: s.slots },
          buttons: [[{ key: 'partners.shift.take', data: CB.take(id) }]],
        },
      })),
      now,
    );
    return id;
  });
}

export async function takeShift(
  db: Db,
  userId: number,
  shiftId: number,
  now: Date,
  tz: string,
): Promise<store.ShiftRow> {
  return db.transaction().execute(async (trx) => {
    const shift = await store.findShift(trx, shiftId);
    if (!shift || shift.status === 'cancelled') throw new ShiftNotFound();
    // Only members of the shift's team may take it: a forged button for another team's shift is refused here.
    if (!(await isApprovedMember(trx, shift.team_id, userId))) throw new NotTeamMember();
    if (shift.status !== 'open' || shift.date < localDate(now, tz)) throw new ShiftPast();
    if ((await store.takersOf(trx, shiftId)).some((t) => t.user_id === userId)) throw new ShiftAlreadyTaken();
    if (!(await store.takeShift(trx, shiftId, userId, now.toISOString()))) throw new ShiftFull();
    return shift;
  });
}

export async function dropShift(db: Db, userId: number, shiftId: number, now: Date, tz: string): Promise<void> {
  const shift = await store.findShift(db, shiftId);
  if (!shift) throw new ShiftNotFound();
  if (shift.status !== 'open' || shift.date < localDate(now, tz)) throw new ShiftPast();
  if (!(await store.dropShift(db, shiftId, userId))) throw new ShiftNotFound();
}

/** After the day, staff confirm the shift: each member who took it gets its hours, once. */
export async function logShift(db: Db, actorId: number, shiftId: number, now: Date, tz: string): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const shift = await store.findShift(trx, shiftId);
    if (!shift || shift.status === 'cancelled') throw new ShiftNotFound();
    if (shift.date > localDate(now, tz)) throw new ShiftNotYet();
    if (!(await store.setShiftStatus(trx, shiftId, 'open', 'logged'))) throw new ShiftPast();
    const takers = await store.takersOf(trx, shiftId);
    const team = (await store.findTeam(trx, shift.team_id))!;
    for (const t of takers) {
      await store.insertHours(trx, {
        user_id: t.user_id,
        team_id: shift.team_id,
        shift_id: shiftId,
        date: shift.date,
        minutes: shift.minutes,
        note: shift.description,
        logged_by: actorId,
        logged_at: now.toISOString(),
      });
    }
    await recordAudit(
      trx,
      {
        actorId,
        action: 'volunteers.shift.log',
        subject: `shift:${shiftId}`,
        details: { people: takers.length, minutes: shift.minutes },
      },
      now,
    );
    await enqueue(
      trx,
      takers.map((t) => ({
        dedupeKey: `partners:hours:${shiftId}:${t.user_id}`,
        chatId: t.user_id,
        userId: t.user_id,
        category: 'personal' as const,
        content: {
          key: 'partners.hours.logged',
          params: { team: team.name, date: shift.date, hours: formatHours(shift.minutes) },
        },
      })),
      now,
    );
    return takers.length;
  });
}

/** The shifts a volunteer can see: upcoming ones of their teams, with whether they took a place. */
export async function shiftsFor(db: DbOrTx, userId: number, now: Date, tz: string) {
  const teams = (await store.membershipsOf(db, userId)).filter((m) => m.status === 'approved').map((m) => m.team_id);
  const shifts = await store.shiftsOf(db, teams, localDate(now, tz), ['open']);
  return Promise.all(
    shifts.map(async (s) => ({
      ...s,
      taken: Number(s.taken),
      mine: (await store.takersOf(db, s.id)).some((t) => t.user_id === userId),
    })),
  );
}

export const upcomingShifts = async (db: DbOrTx, now: Date, tz: string) => {
  const teams = (await store.listTeams(db)).map((t) => t.id);
  return (await store.shiftsOf(db, teams, localDate(now, tz), ['open'])).map((s) => ({ ...s, taken: Number(s.taken) }));
};
export const shiftsToLog = (db: DbOrTx, now: Date, tz: string) => store.shiftsToLog(db, localDate(now, tz));
export const findShift = (db: DbOrTx, id: number) => store.findShift(db, id);

export interface HoursView {
  totalMinutes: number;
  byTeam: { team: string; minutes: number }[];
  recent: { date: string; minutes: number; team: string; note: string }[];
}

export async function hoursOf(db: DbOrTx, userId: number): Promise<HoursView> {
  const rows = await store.hoursOf(db, userId);
  const byTeam = new Map<string, number>();
  for (const r of rows) byTeam.set(r.team_name, (byTeam.get(r.team_name) ?? 0) + r.minutes);
  return {
    totalMinutes: rows.reduce((s, r) => s + r.minutes, 0),
    byTeam: [...byTeam].map(([team, minutes]) => ({ team, minutes })),
    recent: rows.slice(0, 10).map((r) => ({ date: r.date, minutes: r.minutes, team: r.team_name, note: r.note })),
  };
}

export async function hoursBetween(db: DbOrTx, from: string, to: string): Promise<{ minutes: number; people: number }> {
  const r = await store.hoursBetween(db, from, to);
  return { minutes: Number(r.minutes ?? 0), people: Number(r.people ?? 0) };
}

/** 90 → '1.5': hours with at most one decimal, the way volunteer certificates count them. */
export const formatHours = (minutes: number) => String(Math.round(minutes / 6) / 10);
