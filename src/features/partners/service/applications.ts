import { displayName } from '../../../core/names';
import { recordAudit } from '../../../identity';
import type { OutMessage } from '../../../outbox/service';
import type { Platform } from '../../../platform';
import { CB } from '../callbacks';
import { AlreadyApplied, AlreadyMember, ApplicationDecided, ApplicationNotFound, TeamNotFound } from '../errors';
import * as store from '../store';

/** The application card as first sent to one staff member: what a later update of it `replaces`. */
const cardKey = (teamId: number, userId: number, appliedAt: string, staffId: number) =>
  `partners:apply:${teamId}:${userId}:${appliedAt}:${staffId}`;

/** A decided application, as the handler shows it on the card that was pressed. */
export interface Decision {
  team: store.Team;
  /** Who applied, and who decided. */
  name: string;
  by: string;
  approved: boolean;
}

/**
 * Joining a volunteer team (issue 13 item 12): the sign-up reaches every staff member at once as a card with approve
 * and decline buttons; the first to decide wins, every card is edited to say who decided what, and the volunteer
 * hears the answer with a button to their shifts.
 */
export function createApplicationsService({
  db,
  clock,
  identity,
  outbox,
}: Pick<Platform, 'db' | 'clock' | 'identity' | 'outbox'>) {
  const nameOf = async (id: number | null) => {
    const u = id === null ? undefined : await identity.user(id);
    return u ? displayName(u) : String(id ?? '?');
  };

  return {
    /** A resident asks to join; every staff member is told at once, with buttons to approve or decline. */
    async apply(userId: number, teamId: number): Promise<store.Team> {
      const now = clock.now();
      const at = now.toISOString();
      // Read before the transaction: on SQLite's one connection a read outside it would wait for it to end.
      const name = await nameOf(userId);
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
              dedupeKey: cardKey(teamId, userId, at, s.id),
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

    /**
     * Staff decide a pending application, once: the volunteer is told (approved: with a button to their shifts),
     * and every staff member's card of it now says who decided what, with no buttons left. A decision already taken
     * is refused with the name of whoever took it.
     */
    async decide(actorId: number, teamId: number, userId: number, approve: boolean): Promise<Decision> {
      const now = clock.now();
      const app = await store.application(db, teamId, userId);
      if (app?.status === 'approved' || app?.status === 'rejected')
        throw new ApplicationDecided(await nameOf(app.decidedBy), app.status === 'approved');
      if (app?.status !== 'pending') throw new ApplicationNotFound();
      const [name, by, staff] = [await nameOf(userId), await nameOf(actorId), await identity.staffAndAdmins()];
      // The cards that went out: a staff member who joined since never got one, and gets no stray update.
      const held = (
        await Promise.all(
          staff.map(async (s) => {
            const key = cardKey(teamId, userId, app.appliedAt, s.id);
            return (await outbox.find(key)) ? { staffId: s.id, key } : undefined;
          }),
        )
      ).filter((c) => c !== undefined);
      return db.transaction().execute(async (trx) => {
        const team = await store.findTeam(trx, teamId);
        if (!team) throw new TeamNotFound();
        const status = approve ? 'approved' : 'rejected';
        if (!(await store.decideApplication(trx, { teamId, userId, status, by: actorId, at: now.toISOString() })))
          throw new ApplicationNotFound();
        const action = approve ? 'volunteers.approve' : 'volunteers.reject';
        await recordAudit(trx, { actorId, action, subject: `user:${userId}`, details: { teamId } }, now);
        const toVolunteer: OutMessage = {
          dedupeKey: `partners:decided:${teamId}:${userId}:${now.toISOString()}`,
          chatId: userId,
          userId,
          category: 'personal',
          content: {
            key: approve ? 'partners.volunteer.approved' : 'partners.volunteer.rejected',
            params: { team: team.name },
            ...(approve ? { buttons: [[{ key: 'partners.teams.myShifts', data: CB.shifts }]] } : {}),
          },
        };
        const cards = held.map(
          (c): OutMessage => ({
            dedupeKey: `${c.key}:decided`,
            chatId: c.staffId,
            userId: c.staffId,
            category: 'staff',
            content: {
              key: approve ? 'partners.staff.approvedCard' : 'partners.staff.rejectedCard',
              params: { name, team: team.name, by },
              replaces: c.key,
            },
          }),
        );
        await outbox.enqueue(trx, [toVolunteer, ...cards], now);
        return { team, name, by, approved: approve };
      });
    },
  };
}
