import { recordAudit } from '../../../identity';
import { UnknownAssignment } from '../errors';
import type { Category } from '../policy';
import * as store from '../store';
import type { Parts } from './parts';

/** Who answers for which community, and the departments petitions go to. */
export function deputies({ db, clock, identity, residents }: Parts) {
  return {
    /** Assigns a deputy to a community (and optionally one category). Audited; actorId null = the command line. */
    async assignDeputy(actorId: number | null, userId: number, communityId: number, category: Category | null) {
      if (!(await identity.user(userId)) || !(await residents.community(communityId))) throw new UnknownAssignment();
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const added = await store.insertAssignment(trx, {
          userId,
          communityId,
          category,
          createdAt: now.toISOString(),
        });
        if (added) {
          const details = { communityId, category };
          await recordAudit(trx, { actorId, action: 'petition.assign', subject: `user:${userId}`, details }, now);
        }
        return added;
      });
    },

    async unassignDeputy(actorId: number | null, userId: number, communityId: number, category: Category | null) {
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        const removed = await store.deleteAssignment(trx, userId, communityId, category);
        if (removed) {
          const details = { communityId, category };
          await recordAudit(trx, { actorId, action: 'petition.unassign', subject: `user:${userId}`, details }, now);
        }
        return removed;
      });
    },

    assignments: () => store.listAssignments(db),
    departments: () => store.listDepartments(db),
  };
}
