import type { Clock } from '../../core/clock';
import type { DbOrTx } from '../../db/schema';
import { hasAny } from '../../identity';
import type { HandlerFilter } from './callbacks';
import { OPEN_STATUSES } from './policy';
import type { Actor } from './service/parts';
import { assignmentsOf, type Petition, toPetition } from './store';

// The petitions board of the staff console (issue 16): the same petitions and filters as /petitions in the chat
// (a deputy sees their assignments, staff see all), a page at a time, newest first, counted in the database. Years
// of history stay on disk: a page reads its own rows and one count.

/** The chat's filters, and (staff only) the petitions of one deputy's areas. */
export interface BoardFilter extends HandlerFilter {
  deputyId?: number;
}

export interface BoardPage {
  petitions: Petition[];
  total: number;
  /** 0-based, clamped to the pages there are. */
  page: number;
  pages: number;
}

const OPEN = [...OPEN_STATUSES];

export function createBoard(db: DbOrTx, clock: Clock) {
  return async function board(actor: Actor, filter: BoardFilter, page: number, size: number): Promise<BoardPage> {
    const staff = hasAny(actor.roles, ['staff']);
    // A deputy's own areas bound what they see whatever they ask for; staff may narrow to one deputy's areas.
    const scopeOf = staff ? filter.deputyId : actor.id;
    const scope = scopeOf === undefined ? undefined : await assignmentsOf(db, scopeOf);
    if (scope?.length === 0) return { petitions: [], total: 0, page: 0, pages: 1 };
    const at = clock.now().toISOString();
    let q = db.selectFrom('petitions');
    if (filter.status === 'open') q = q.where('status', 'in', OPEN);
    if (filter.status === 'closed') q = q.where('status', 'not in', OPEN);
    if (filter.category) q = q.where('category', '=', filter.category);
    if (filter.communityId !== undefined) q = q.where('community_id', '=', filter.communityId);
    if (filter.overdue)
      q = q
        .where('status', 'in', OPEN)
        .where((eb) =>
          eb.or([
            eb.and([eb('acknowledged_at', 'is', null), eb('ack_due_at', '<=', at)]),
            eb('answer_due_at', '<=', at),
          ]),
        );
    if (scope)
      q = q.where((eb) =>
        eb.or(
          scope.map((s) =>
            s.category === null
              ? eb('community_id', '=', s.communityId)
              : eb.and([eb('community_id', '=', s.communityId), eb('category', '=', s.category)]),
          ),
        ),
      );
    const total = Number((await q.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    const pages = Math.max(1, Math.ceil(total / size));
    const p = Math.min(Math.max(0, page), pages - 1);
    // The page's ids first, from the index alone, then only those rows: ordering a community's whole history of
    // full rows (3,288 on the scale database) cost a deputy's board 4 ms a request against 0.7 ms this way.
    const ids = q
      .select('id')
      .orderBy('id', 'desc')
      .limit(size)
      .offset(p * size);
    const rows = await db.selectFrom('petitions').selectAll().where('id', 'in', ids).orderBy('id', 'desc').execute();
    return { petitions: rows.map(toPetition), total, page: p, pages };
  };
}
