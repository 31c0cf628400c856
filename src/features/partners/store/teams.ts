import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { VolunteerTeamsTable } from '../../../db/tables/fund';

/** A volunteer team (帮困服务队, 便民服务队 …): residents apply, staff approve, members take shifts. */
export interface Team {
  id: number;
  name: string;
  description: string;
  partnerId: number | null;
  active: boolean;
  createdBy: number | null;
  createdAt: string;
}

export type MemberStatus = 'pending' | 'approved' | 'rejected' | 'left';

export interface Membership {
  teamId: number;
  teamName: string;
  status: string;
}

/** An application waiting for staff, with who applied (as Telegram names them) and to which team. */
export interface Application {
  teamId: number;
  teamName: string;
  userId: number;
  firstName: string;
  lastName: string | null;
  appliedAt: string;
}

const toTeam = (r: Selectable<VolunteerTeamsTable>): Team => ({
  id: r.id,
  name: r.name,
  description: r.description,
  partnerId: r.partner_id,
  active: r.active === 1,
  createdBy: r.created_by,
  createdAt: r.created_at,
});

export async function listTeams(db: DbOrTx): Promise<Team[]> {
  return (await db.selectFrom('volunteer_teams').selectAll().where('active', '=', 1).orderBy('id').execute()).map(
    toTeam,
  );
}

export async function findTeam(db: DbOrTx, id: number): Promise<Team | undefined> {
  const r = await db.selectFrom('volunteer_teams').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toTeam(r);
}

export async function findTeamByName(db: DbOrTx, name: string): Promise<Team | undefined> {
  const r = await db.selectFrom('volunteer_teams').selectAll().where('name', '=', name).executeTakeFirst();
  return r && toTeam(r);
}

export async function insertTeam(
  db: DbOrTx,
  t: { name: string; description: string; createdBy: number | null; createdAt: string },
): Promise<number> {
  const r = await db
    .insertInto('volunteer_teams')
    .values({
      name: t.name,
      description: t.description,
      partner_id: null,
      created_by: t.createdBy,
      created_at: t.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function memberStatus(db: DbOrTx, teamId: number, userId: number): Promise<string | undefined> {
  const r = await db
    .selectFrom('volunteer_members')
    .select('status')
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r?.status;
}

/** One person's membership of a team as staff decided it: who applied when, and who decided. */
export async function application(db: DbOrTx, teamId: number, userId: number) {
  const r = await db
    .selectFrom('volunteer_members')
    .select(['status', 'applied_at', 'decided_by'])
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r && { status: r.status as MemberStatus, appliedAt: r.applied_at, decidedBy: r.decided_by };
}

export async function upsertApplication(db: DbOrTx, teamId: number, userId: number, at: string): Promise<void> {
  await db
    .insertInto('volunteer_members')
    .values({ team_id: teamId, user_id: userId, status: 'pending', applied_at: at, decided_by: null, decided_at: null })
    .onConflict((oc) =>
      oc
        .columns(['team_id', 'user_id'])
        .doUpdateSet({ status: 'pending', applied_at: at, decided_by: null, decided_at: null }),
    )
    .execute();
}

/** Decides a pending application only; false if someone else decided first. */
export async function decideApplication(
  db: DbOrTx,
  a: { teamId: number; userId: number; status: 'approved' | 'rejected'; by: number | null; at: string },
): Promise<boolean> {
  const r = await db
    .updateTable('volunteer_members')
    .set({ status: a.status, decided_by: a.by, decided_at: a.at })
    .where('team_id', '=', a.teamId)
    .where('user_id', '=', a.userId)
    .where('status', '=', 'pending')
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

export async function setMemberStatus(db: DbOrTx, teamId: number, userId: number, status: MemberStatus, at: string) {
  await db
    .updateTable('volunteer_members')
    .set({ status, decided_at: at })
    .where('team_id', '=', teamId)
    .where('user_id', '=', userId)
    .execute();
}

export async function pendingApplications(db: DbOrTx, limit: number): Promise<Application[]> {
  const rows = await db
    .selectFrom('volunteer_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .innerJoin('volunteer_teams as t', 't.id', 'm.team_id')
    .select(['m.team_id', 'm.user_id', 'm.applied_at', 'u.first_name', 'u.last_name', 't.name as team_name'])
    .where('m.status', '=', 'pending')
    .orderBy('m.applied_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    teamId: r.team_id,
    teamName: r.team_name,
    userId: r.user_id,
    firstName: r.first_name,
    lastName: r.last_name,
    appliedAt: r.applied_at,
  }));
}

export async function membershipsOf(db: DbOrTx, userId: number): Promise<Membership[]> {
  const rows = await db
    .selectFrom('volunteer_members as m')
    .innerJoin('volunteer_teams as t', 't.id', 'm.team_id')
    .select(['m.team_id', 'm.status', 't.name as team_name'])
    .where('m.user_id', '=', userId)
    .orderBy('m.team_id')
    .execute();
  return rows.map((r) => ({ teamId: r.team_id, teamName: r.team_name, status: r.status }));
}

/** Approved members of a team who can still be reached (a user who blocked the bot is left out). */
export async function approvedMembers(db: DbOrTx, teamId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('volunteer_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.id')
    .where('m.team_id', '=', teamId)
    .where('m.status', '=', 'approved')
    .where('u.reachable', '=', 1)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.id);
}

/** Every reachable approved member of any team, each once: the "volunteers" broadcast audience. */
export async function allApprovedVolunteers(db: DbOrTx): Promise<number[]> {
  const rows = await db
    .selectFrom('volunteer_members as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .select('u.id')
    .distinct()
    .where('m.status', '=', 'approved')
    .where('u.reachable', '=', 1)
    .orderBy('u.id')
    .execute();
  return rows.map((r) => r.id);
}

export async function teamSizes(db: DbOrTx): Promise<Map<number, number>> {
  const rows = await db
    .selectFrom('volunteer_members')
    .select(['team_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('status', '=', 'approved')
    .groupBy('team_id')
    .execute();
  return new Map(rows.map((r) => [r.team_id, Number(r.n)]));
}

export async function insertTeamMessage(
  db: DbOrTx,
  m: { teamId: number; text: string; sentBy: number; sentAt: string; recipients: number },
): Promise<number> {
  const r = await db
    .insertInto('volunteer_team_messages')
    .values({ team_id: m.teamId, text: m.text, sent_by: m.sentBy, sent_at: m.sentAt, recipients: m.recipients })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** Every team, active first then retired: the staff list of teams. */
export async function listAllTeams(db: DbOrTx): Promise<Team[]> {
  const rows = await db.selectFrom('volunteer_teams').selectAll().orderBy('active', 'desc').orderBy('id').execute();
  return rows.map(toTeam);
}

/** Retires a team (members and hours stay) or brings it back. */
export async function setTeamActive(db: DbOrTx, id: number, active: boolean): Promise<boolean> {
  const r = await db
    .updateTable('volunteer_teams')
    .set({ active: active ? 1 : 0 })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** How many sign-ups wait for a decision: the workbench's to-do line. */
export async function countPendingApplications(db: DbOrTx): Promise<number> {
  const r = await db
    .selectFrom('volunteer_members')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
