import { sql, type Updateable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { ActivitySignupsTable } from '../../../db/tables/activities';
import { type Signup, type SignupStatus, toSignup } from './types';

// Sign-ups: places, places in line, check-ins and feedback.

export const ACTIVE: readonly SignupStatus[] = ['booked', 'waiting'];

export interface NewSignup {
  activityId: number;
  userId: number | null;
  forChild: boolean;
  childName: string | null;
  childAge: number | null;
  walkInName: string | null;
  status: SignupStatus;
  wholeSeries: boolean;
  code: string | null;
  at: string;
}

export async function insertSignup(db: DbOrTx, s: NewSignup): Promise<number> {
  const r = await db
    .insertInto('activity_signups')
    .values({
      activity_id: s.activityId,
      user_id: s.userId,
      for_child: s.forChild ? 1 : 0,
      child_name: s.childName,
      child_age: s.childAge,
      walk_in_name: s.walkInName,
      status: s.status,
      whole_series: s.wholeSeries ? 1 : 0,
      code: s.code,
      created_at: s.at,
      updated_at: s.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findSignup(db: DbOrTx, id: number): Promise<Signup | undefined> {
  const r = await db.selectFrom('activity_signups').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toSignup(r);
}

export async function updateSignup(db: DbOrTx, id: number, patch: Updateable<ActivitySignupsTable>): Promise<void> {
  await db.updateTable('activity_signups').set(patch).where('id', '=', id).execute();
}

/** Moves a sign-up on only if it is still in one of `from`: two taps at once change it once. */
export async function transition(
  db: DbOrTx,
  id: number,
  from: readonly SignupStatus[],
  patch: Updateable<ActivitySignupsTable>,
): Promise<boolean> {
  const r = await db
    .updateTable('activity_signups')
    .set(patch)
    .where('id', '=', id)
    .where('status', 'in', from)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) > 0;
}

/** The user's active sign-ups of an activity: their own (if any) and their children's. */
export async function activeOf(db: DbOrTx, activityId: number, userId: number): Promise<Signup[]> {
  const rows = await db
    .selectFrom('activity_signups')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('user_id', '=', userId)
    .where('status', 'in', ACTIVE)
    .orderBy('id')
    .execute();
  return rows.map(toSignup);
}

/** Every active sign-up of a user in activities dated from `from` on. */
export async function activeOfUser(db: DbOrTx, userId: number, from: string): Promise<Signup[]> {
  const rows = await db
    .selectFrom('activity_signups as s')
    .innerJoin('activities as a', 'a.id', 's.activity_id')
    .selectAll('s')
    .where('s.user_id', '=', userId)
    .where('s.status', 'in', ACTIVE)
    .where('a.date', '>=', from)
    .orderBy('a.date')
    .orderBy('a.starts_at')
    .orderBy('s.id')
    .execute();
  return rows.map(toSignup);
}

export async function firstWaiting(db: DbOrTx, activityId: number): Promise<Signup | undefined> {
  const r = await db
    .selectFrom('activity_signups')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waiting')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  return r && toSignup(r);
}

/** How many wait ahead of this sign-up: its place in line is one more. */
export async function waitingAhead(db: DbOrTx, activityId: number, signupId: number): Promise<number> {
  const r = await db
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waiting')
    .where('id', '<', signupId)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** An activity's sign-ups (cancelled ones left out unless asked for), places first, then the line, then walk-ins. */
export async function signupsOf(db: DbOrTx, activityId: number, withCancelled = false): Promise<Signup[]> {
  let q = db.selectFrom('activity_signups').selectAll().where('activity_id', '=', activityId);
  if (!withCancelled) q = q.where('status', 'in', ACTIVE);
  const rows = await q.orderBy(sql`case status when 'booked' then 0 when 'waiting' then 1 else 2 end`).orderBy('id');
  return (await rows.execute()).map(toSignup);
}

export async function codeTaken(db: DbOrTx, activityId: number, code: string): Promise<boolean> {
  const r = await db
    .selectFrom('activity_signups')
    .select('id')
    .where('activity_id', '=', activityId)
    .where('code', '=', code)
    .executeTakeFirst();
  return r !== undefined;
}

export async function findByCode(db: DbOrTx, activityId: number, code: string): Promise<Signup | undefined> {
  const r = await db
    .selectFrom('activity_signups')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('code', '=', code)
    .where('status', 'in', ACTIVE)
    .executeTakeFirst();
  return r && toSignup(r);
}

/** Active sign-ups whose person's phone ends in these digits, or whose name (theirs, a child's) contains `name`. */
export async function search(
  db: DbOrTx,
  activityId: number,
  q: { tail?: string; name?: string },
  limit: number,
): Promise<Signup[]> {
  let query = db
    .selectFrom('activity_signups as s')
    .leftJoin('users as u', 'u.id', 's.user_id')
    .selectAll('s')
    .where('s.activity_id', '=', activityId)
    .where('s.status', 'in', ACTIVE);
  if (q.tail !== undefined) query = query.where('u.phone', 'like', `%${q.tail}`);
  if (q.name !== undefined) {
    const like = `%${q.name.replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
    query = query.where((eb) =>
      eb.or([
        eb(sql`coalesce(u.first_name, '') || ' ' || coalesce(u.last_name, '')`, 'like', sql`${like} escape '\\'`),
        eb(sql`coalesce(s.child_name, '')`, 'like', sql`${like} escape '\\'`),
      ]),
    );
  }
  return (await query.orderBy('s.id').limit(limit).execute()).map(toSignup);
}

/** Holders of a place (not the line) not yet reminded of this start, by the evening or the shortly-before reminder. */
export async function remindersDue(db: DbOrTx, activityId: number, kind: 'eve' | 'soon', stamp: string) {
  const col = kind === 'eve' ? 'reminded_eve' : 'reminded_soon';
  const rows = await db
    .selectFrom('activity_signups')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('status', '=', 'booked')
    .where('user_id', 'is not', null)
    .where((eb) => eb.or([eb(col, 'is', null), eb(col, '!=', stamp)]))
    .orderBy('id')
    .execute();
  return rows.map(toSignup);
}

export async function markReminded(db: DbOrTx, ids: readonly number[], kind: 'eve' | 'soon', stamp: string) {
  if (ids.length === 0) return;
  const patch = kind === 'eve' ? { reminded_eve: stamp } : { reminded_soon: stamp };
  await db.updateTable('activity_signups').set(patch).where('id', 'in', ids).execute();
}

/** Attendees with an account who have not been asked how it was. */
export async function feedbackDue(db: DbOrTx, activityId: number): Promise<Signup[]> {
  const rows = await db
    .selectFrom('activity_signups')
    .selectAll()
    .where('activity_id', '=', activityId)
    .where('checked_in_at', 'is not', null)
    .where('user_id', 'is not', null)
    .where('feedback_asked_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toSignup);
}

export async function markAsked(db: DbOrTx, ids: readonly number[], at: string): Promise<void> {
  if (ids.length)
    await db.updateTable('activity_signups').set({ feedback_asked_at: at }).where('id', 'in', ids).execute();
}

/** Children's names and ages go once their class has ended; the sign-ups stay for the figures. */
export async function eraseChildren(db: DbOrTx, activityIds: readonly number[]): Promise<void> {
  if (activityIds.length === 0) return;
  await db
    .updateTable('activity_signups')
    .set({ child_name: null, child_age: null })
    .where('activity_id', 'in', activityIds)
    .where('for_child', '=', 1)
    .execute();
}
