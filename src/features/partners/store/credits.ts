import type { DbOrTx } from '../../../db/schema';

// Hours credited from other areas: the team they are counted under, and the entry kept once per source.

/**
 * The team a volunteer's hours from an organiser's activity count under: the organiser's own team if the volunteer
 * is in it, else an active team of theirs, else any; undefined for someone who is not an approved volunteer.
 */
export async function creditTeam(
  db: DbOrTx,
  userId: number,
  partnerId: number | null,
): Promise<{ id: number; name: string } | undefined> {
  const teams = await db
    .selectFrom('volunteer_members as m')
    .innerJoin('volunteer_teams as t', 't.id', 'm.team_id')
    .select(['t.id', 't.name', 't.partner_id', 't.active'])
    .where('m.user_id', '=', userId)
    .where('m.status', '=', 'approved')
    .orderBy('t.id')
    .execute();
  const rank = (t: (typeof teams)[number]) => (partnerId !== null && t.partner_id === partnerId ? 0 : t.active ? 1 : 2);
  const best = teams.sort((a, b) => rank(a) - rank(b) || a.id - b.id)[0];
  return best && { id: best.id, name: best.name };
}

/** Credits hours earned elsewhere; false if this source was credited before (nothing changes then). */
export async function insertSourcedHours(
  db: DbOrTx,
  h: { source: string; userId: number; teamId: number; date: string; minutes: number; note: string; at: string },
): Promise<boolean> {
  const r = await db
    .insertInto('volunteer_hours')
    .values({
      user_id: h.userId,
      team_id: h.teamId,
      date: h.date,
      minutes: h.minutes,
      note: h.note,
      logged_at: h.at,
      source: h.source,
    })
    .onConflict((oc) => oc.doNothing())
    .executeTakeFirst();
  return Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;
}
