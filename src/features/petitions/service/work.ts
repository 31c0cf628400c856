import { hasAny, type Role } from '../../../identity';
import type { Area } from '../store';
import * as store from '../store';
import type { Parts } from './parts';

/** What waits for someone on the workbench, in numbers; each opens its list (bot/deputy, the list filters). */
export interface PetitionWork {
  /** A deputy's areas: open petitions nobody has acknowledged yet, and those past a limit. */
  toAck: number;
  overdue: number;
  /** Staff: petitions waiting to be acknowledged in areas no deputy answers for, and every one past a limit. */
  uncovered: number;
  overdueAll: number;
}

const inAreas = (areas: Area[]) => (x: { communityId: number | null; category: string }) =>
  areas.some((a) => a.communityId === x.communityId && (a.category === null || a.category === x.category));

/** The to-do counts of the workbench, from the open petitions only (a partial index holds what they need). */
export function work({ db, clock, identity }: Parts) {
  /** The open areas (community, category) waiting for an acknowledgement that no deputy holding the role covers. */
  async function uncoveredAreas(): Promise<Area[]> {
    const rows = await store.openWork(db, clock.now().toISOString());
    const deputies = new Set((await identity.withRoles(['deputy'])).map((u) => u.id));
    const covered = inAreas((await store.listAssignments(db)).filter((a) => deputies.has(a.userId)));
    return rows
      .filter((r) => r.toAck > 0 && !covered(r))
      .map((r) => ({ communityId: r.communityId, category: r.category }));
  }

  return {
    uncoveredAreas,
    async workFor(userId: number, roles: ReadonlySet<Role>): Promise<PetitionWork> {
      const rows = await store.openWork(db, clock.now().toISOString());
      const out: PetitionWork = { toAck: 0, overdue: 0, uncovered: 0, overdueAll: 0 };
      if (roles.has('deputy')) {
        const mine = rows.filter(inAreas(await store.assignmentsOf(db, userId)));
        out.toAck = mine.reduce((n, r) => n + r.toAck, 0);
        out.overdue = mine.reduce((n, r) => n + r.overdue, 0);
      }
      if (hasAny(roles, ['staff'])) {
        const open = inAreas(await uncoveredAreas());
        out.uncovered = rows.filter(open).reduce((n, r) => n + r.toAck, 0);
        out.overdueAll = rows.reduce((n, r) => n + r.overdue, 0);
      }
      return out;
    },
  };
}
