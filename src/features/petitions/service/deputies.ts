import { z } from 'zod';
import type { DbOrTx } from '../../../db/schema';
import { recordUpdate } from '../../../db/update-scope';
import { type Role, recordAudit, type User } from '../../../identity';
import { NotADeputy, UnknownAssignment } from '../errors';
import type { Category } from '../policy';
import type { Area, Assignment } from '../store';
import * as store from '../store';
import type { Parts } from './parts';

/** What a deputy's invitation carries (identity keeps it as JSON): the areas they answer for once they accept. */
const invitationScope = z.object({
  petitions: z.object({
    areas: z.array(z.object({ communityId: z.number().int(), category: z.string().nullable() })).min(1),
  }),
});
export type DeputyArea = { communityId: number; category: Category | null };
export const deputyScope = (areas: DeputyArea[]) => ({ petitions: { areas } });

/** A deputy and the areas they answer for. */
export interface DeputyAreas {
  user: User;
  areas: Assignment[];
}

/** Who answers for which community (and category): by invitation, by picking, or from the command line. */
export function deputies({ db, clock, identity, residents }: Parts) {
  /** Adds or removes one area in the caller's transaction; audited; an added area is no longer "uncovered". */
  async function change(trx: DbOrTx, actorId: number | null, userId: number, area: DeputyArea, add: boolean) {
    const now = clock.now();
    const changed = add
      ? await store.insertAssignment(trx, { userId, ...area, createdAt: now.toISOString() })
      : await store.deleteAssignment(trx, userId, area.communityId, area.category);
    if (!changed) return false;
    if (add) await store.clearUncovered(trx, area.communityId);
    const action = add ? 'petition.assign' : 'petition.unassign';
    await recordAudit(trx, { actorId, action, subject: `user:${userId}`, details: { ...area } }, now);
    return true;
  }

  /** The area exists (and a category named is one residents can choose), or UnknownAssignment. */
  async function checkArea(area: DeputyArea) {
    if (!(await residents.community(area.communityId))) throw new UnknownAssignment();
    if (area.category === null) return;
    const c = await store.findCategory(db, { code: area.category });
    if (!c?.active) throw new UnknownAssignment();
  }

  const assign =
    (add: boolean) =>
    async (actorId: number | null, userId: number, communityId: number, category: Category | null) => {
      if (!(await identity.user(userId))) throw new UnknownAssignment();
      if (add) await checkArea({ communityId, category });
      return db.transaction().execute(async (trx) => {
        await recordUpdate(trx);
        return change(trx, actorId, userId, { communityId, category }, add);
      });
    };

  return {
    /** Assigns a deputy to a community (and optionally one category). Audited; actorId null = the command line. */
    assignDeputy: assign(true),
    unassignDeputy: assign(false),

    /**
     * Staff tap an area on a deputy's card: assigned if it was not, unassigned if it was. Only someone holding the
     * deputy role can be given areas. Returns whether the area is assigned now.
     */
    async toggleArea(actorId: number, userId: number, area: DeputyArea): Promise<boolean> {
      const roles = await identity.roles(userId);
      if (!roles.has('deputy')) throw new NotADeputy();
      const held = (await store.assignmentsOf(db, userId)).some(
        (a) => a.communityId === area.communityId && a.category === area.category,
      );
      if (!held) await checkArea(area);
      // A toggle done again by a webhook retry would undo itself: the update is recorded with it.
      await db.transaction().execute(async (trx) => {
        await recordUpdate(trx);
        await change(trx, actorId, userId, area, !held);
      });
      return !held;
    },

    /** Everyone holding the deputy role, by name, with their areas. */
    async deputyList(): Promise<DeputyAreas[]> {
      const users = await identity.withRoles(['deputy']);
      const all = await store.listAssignments(db);
      return users.map((user) => ({ user, areas: all.filter((a) => a.userId === user.id) }));
    },

    /** One deputy and their areas; NotADeputy for anyone else (a stale or forged button). */
    async deputy(userId: number): Promise<DeputyAreas> {
      const user = await identity.user(userId);
      if (!user || !(await identity.roles(userId)).has('deputy')) throw new NotADeputy();
      return { user, areas: await store.assignmentsOf(db, userId) };
    },

    /** A one-use link that makes whoever opens it a deputy for these areas (checked now and again when used). */
    async inviteDeputy(actorId: number, areas: DeputyArea[]) {
      if (areas.length === 0) throw new UnknownAssignment();
      for (const a of areas) await checkArea(a);
      return identity.createInvitation(actorId, 'deputy', deputyScope(areas));
    },

    /**
     * The invitation is used: its areas are assigned in the transaction that grants the role (identity calls this).
     * An area that went away since (a category retired) is skipped rather than refusing the whole invitation.
     */
    async applyInvitation(trx: DbOrTx, userId: number, role: Role, scope: Record<string, unknown>) {
      const parsed = invitationScope.safeParse(scope);
      if (role !== 'deputy' || !parsed.success) return;
      const live = new Set((await store.listCategories(trx)).map((c) => c.code));
      for (const a of parsed.data.petitions.areas)
        if (a.category === null || live.has(a.category)) await change(trx, userId, userId, a, true);
    },

    assignments: () => store.listAssignments(db),
    /** Areas as the lists of petitions take them (a deputy's scope). */
    areasOf: async (userId: number): Promise<Area[]> => store.assignmentsOf(db, userId),
  };
}
