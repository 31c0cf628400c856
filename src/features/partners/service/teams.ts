import type { DbOrTx } from '../../../db/schema';
import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { Platform } from '../../../platform';
import { ENDS_FLOW, InvalidShift, NotTeamMember, TeamExists, TeamNotFound } from '../errors';
import { partnersPolicy } from '../policy';
import * as store from '../store';

export const isApprovedMember = async (db: DbOrTx, teamId: number, userId: number) =>
  (await store.memberStatus(db, teamId, userId)) === 'approved';

export type TeamsService = ReturnType<typeof createTeamsService>;

/** Volunteer teams: founding one, leaving, and staff writing to the members (applying: applications.ts). */
export function createTeamsService({ db, clock, outbox }: Pick<Platform, 'db' | 'clock' | 'outbox'>) {
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
