import { displayName } from '../../../core/names';
import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { OutMessage } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import { CB } from '../callbacks';
import {
  AlreadyApplied,
  AlreadyMember,
  ApplicationNotFound,
  ENDS_FLOW,
  InvalidShift,
  NotTeamMember,
  TeamExists,
  TeamNotFound,
} from '../errors';
import { partnersPolicy } from '../policy';
import * as store from '../store';

export const isApprovedMember = async (db: DbOrTx, teamId: number, userId: number) =>
  (await store.memberStatus(db, teamId, userId)) === 'approved';

export type TeamsService = ReturnType<typeof createTeamsService>;

/** Volunteer teams: founding one, applying, staff deciding, leaving, and staff writing to the members. */
export function createTeamsService({
  db,
  clock,
  identity,
  outbox,
}: Pick<Platform, 'db' | 'clock' | 'identity' | 'outbox'>) {
  const limits = partnersPolicy;
  return {
    team: (id: number) => store.findTeam(db, id),
    teamByName: (name: string) => store.findTeamByName(db, name),
    /** Active teams with how many approved members each has. */
    async teamsWithSizes() {
      const [teams, sizes] = await Promise.all([store.listTeams(db), store.teamSizes(db)]);
      return teams.map((t) => ({ ...t, members: sizes.get(t.id) ?? 0 }));
    },
    /** The user's status in a team: approved, pending, rejected, left, or undefined if they never applied. */
    async statusIn(teamId: number, userId: number) {
      return (await store.membershipsOf(db, userId)).find((m) => m.teamId === teamId)?.status;
    },
    pendingApplications: (limit: number = limits.deskApplications) => store.pendingApplications(db, limit),
    /** Reachable approved volunteers of any team: the broadcast audience. */
    approvedVolunteers: () => store.allApprovedVolunteers(db),

    async createTeam(actorId: number | null, name: string, description: string, done?: TxHook): Promise<number> {
      const n = name.trim().slice(0, limits.teamName.max);
      if (n === '') throw new TeamNotFound();
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        if (await store.findTeamByName(trx, n)) throw new TeamExists();
        const id = await store.insertTeam(trx, {
          name: n,
          description: description.trim().slice(0, limits.teamDescription.max),
          createdBy: actorId,
          createdAt: now.toISOString(),
        });
        await recordAudit(
          trx,
          { actorId, action: 'volunteers.team.create', subject: `team:${id}`, details: { name: n } },
          now,
        );
        await runHooks(trx, done);
        return id;
      });
    },

    /** A resident asks to join; every staff member is told, with buttons to approve or decline. */
    async apply(userId: number, teamId: number): Promise<store.Team> {
      const now = clock.now();
      const at = now.toISOString();
      // Read before the transaction: on SQLite's one connection a read outside it would wait for it to end.
      const applicant = await identity.user(userId);
      const name = applicant ? displayName(applicant) : String(userId);
      return db.transaction().execute(async (trx) => {
        const team = await store.findTeam(trx, teamId);
        if (!team?.active) throw new TeamNotFound();
        const status = await store.memberStatus(trx, teamId, userId);
        if (status === 'approved') throw new AlreadyMember();
        if (status === 'pending') throw new AlreadyApplied();
        await store.upsertApplication(trx, teamId, userId, at);
        const staff = await identity.staffAndAdmins(trx);
        await outbox.enqueue(
          trx,
          staff.map(
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
        return team;
      });
    },

    /** Staff decide a pending application; the applicant is told either way. */
    async decide(actorId: number, teamId: number, userId: number, approve: boolean): Promise<store.Team> {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const team = await store.findTeam(trx, teamId);
        if (!team) throw new TeamNotFound();
        const status = approve ? 'approved' : 'rejected';
        if (!(await store.decideApplication(trx, { teamId, userId, status, by: actorId, at: now.toISOString() })))
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
        await outbox.enqueue(
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
        return team;
      });
    },

    async leave(userId: number, teamId: number): Promise<void> {
      if (!(await isApprovedMember(db, teamId, userId))) throw new NotTeamMember();
      await store.setMemberStatus(db, teamId, userId, 'left', clock.now().toISOString());
    },

    /** A staff message to every approved member of a team, through the outbox. Returns how many were queued. */
    async messageTeam(actorId: number, teamId: number, text: string, done?: TxHook): Promise<number> {
      const body = text.trim().slice(0, limits.teamMessage.max);
      if (body === '') throw new InvalidShift('text');
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const team = await store.findTeam(trx, teamId);
        if (!team) throw new TeamNotFound(ENDS_FLOW);
        const members = await store.approvedMembers(trx, teamId);
        const id = await store.insertTeamMessage(trx, {
          teamId,
          text: body,
          sentBy: actorId,
          sentAt: now.toISOString(),
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
        const n = await outbox.enqueue(
          trx,
          members.map((m) => ({
            dedupeKey: `partners:team-msg:${id}:${m}`,
            chatId: m,
            userId: m,
            category: 'personal' as const,
            content: { key: 'partners.team.message', params: { team: team.name, text: body } },
          })),
          now,
        );
        await runHooks(trx, done);
        return n;
      });
    },
  };
}
