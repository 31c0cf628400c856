import { PostgresAdapter, type Updateable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { ActivitiesTable } from '../../../db/tables/activities';
import { type Activity, type Counts, NO_COUNTS, type Status, toActivity } from './types';

// Activities and series: what staff create, residents see in the calendar, and the jobs look at.

export type NewActivity = Omit<
  Activity,
  'id' | 'status' | 'revision' | 'drillPeople' | 'drillSeconds' | 'publishedAt' | 'cancelledAt'
>;

export async function insertSeries(db: DbOrTx, sessions: number, by: number | null, at: string): Promise<number> {
  const r = await db
    .insertInto('activity_series')
    .values({ sessions, created_by: by, created_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertActivity(db: DbOrTx, a: NewActivity): Promise<number> {
  const r = await db
    .insertInto('activities')
    .values({
      series_id: a.seriesId,
      session_no: a.sessionNo,
      title_zh: a.titleZh,
      title_en: a.titleEn,
      description_zh: a.descriptionZh,
      description_en: a.descriptionEn,
      kind: a.kind,
      partner_id: a.partnerId,
      organiser_name: a.organiserName,
      compound_id: a.compoundId,
      place_zh: a.placeZh,
      place_en: a.placeEn,
      place_address: a.placeAddress,
      latitude: a.latitude,
      longitude: a.longitude,
      date: a.date,
      starts_at: a.startsAt,
      ends_at: a.endsAt,
      audience: a.audience,
      audience_id: a.audienceId,
      age_min: a.ageMin,
      age_max: a.ageMax,
      capacity: a.capacity,
      signup_needed: a.signupNeeded ? 1 : 0,
      bring_zh: a.bringZh,
      bring_en: a.bringEn,
      created_by: a.createdBy,
      created_at: a.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function findActivity(db: DbOrTx, id: number): Promise<Activity | undefined> {
  const r = await db.selectFrom('activities').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toActivity(r);
}

export async function updateActivity(db: DbOrTx, id: number, patch: Updateable<ActivitiesTable>): Promise<void> {
  await db.updateTable('activities').set(patch).where('id', '=', id).execute();
}

/** Activities dated in [from, to] with one of the statuses, in calendar order. */
export async function activitiesBetween(
  db: DbOrTx,
  from: string,
  to: string,
  statuses: readonly Status[],
): Promise<Activity[]> {
  const rows = await db
    .selectFrom('activities')
    .selectAll()
    .where('status', 'in', statuses)
    .where('date', '>=', from)
    .where('date', '<=', to)
    .orderBy('date')
    .orderBy('starts_at')
    .orderBy('id')
    .execute();
  return rows.map(toActivity);
}

/** The sessions of a series, in order. */
export async function sessionsOf(db: DbOrTx, seriesId: number): Promise<Activity[]> {
  const rows = await db
    .selectFrom('activities')
    .selectAll()
    .where('series_id', '=', seriesId)
    .orderBy('date')
    .orderBy('id')
    .execute();
  return rows.map(toActivity);
}

/** How many hold a place, wait and came, for each of these activities (none: no row in the map). */
export async function countsOf(db: DbOrTx, ids: readonly number[]): Promise<Map<number, Counts>> {
  const out = new Map<number, Counts>();
  if (ids.length === 0) return out;
  const rows = await db
    .selectFrom('activity_signups')
    .select((eb) => [
      'activity_id',
      // Walk-ins came without a place: they are attendees, never places taken.
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('status', '=', 'booked'), eb('walk_in_name', 'is', null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('booked'),
      eb.fn.sum<number>(eb.case().when('status', '=', 'waiting').then(1).else(0).end()).as('waiting'),
      eb.fn.sum<number>(eb.case().when('checked_in_at', 'is not', null).then(1).else(0).end()).as('attended'),
      eb.fn.sum<number>(eb.case().when('checkin_method', '=', 'walkin').then(1).else(0).end()).as('walk_ins'),
    ])
    .where('activity_id', 'in', ids)
    .groupBy('activity_id')
    .execute();
  for (const r of rows)
    out.set(r.activity_id, {
      booked: Number(r.booked ?? 0),
      waiting: Number(r.waiting ?? 0),
      attended: Number(r.attended ?? 0),
      walkIns: Number(r.walk_ins ?? 0),
    });
  return out;
}

export const countsOfOne = async (db: DbOrTx, id: number): Promise<Counts> =>
  (await countsOf(db, [id])).get(id) ?? NO_COUNTS;

/** Places taken, read in the sign-up transaction: what decides whether the next one gets a place. */
export async function bookedCount(db: DbOrTx, activityId: number): Promise<number> {
  const r = await db
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('activity_id', '=', activityId)
    .where('status', '=', 'booked')
    .where('walk_in_name', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(r.n);
}

/** Activities whose announcement still has recipients to reach (a partial index keeps this one read cheap). */
export async function announcing(db: DbOrTx): Promise<Activity[]> {
  const rows = await db
    .selectFrom('activities')
    .selectAll()
    .where('announce_upto', 'is not', null)
    .where('announced_at', 'is', null)
    .orderBy('id')
    .execute();
  return rows.map(toActivity);
}

export async function announceCursor(db: DbOrTx, id: number) {
  return db
    .selectFrom('activities')
    .select(['announce_after', 'announce_upto', 'announced_at', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** Published activities of these days whose feedback round is not done. */
export async function feedbackPending(db: DbOrTx, from: string, to: string): Promise<Activity[]> {
  const rows = await db
    .selectFrom('activities')
    .selectAll()
    .where('status', '=', 'published')
    .where('date', '>=', from)
    .where('date', '<=', to)
    .where('feedback_done_at', 'is', null)
    .execute();
  return rows.map(toActivity);
}

/** Children's classes dated up to `upto` whose children's names are still kept. */
export async function childrenKept(db: DbOrTx, upto: string): Promise<Activity[]> {
  const rows = await db
    .selectFrom('activities')
    .selectAll()
    .where('audience', '=', 'age')
    .where('date', '<=', upto)
    .where('children_erased_at', 'is', null)
    .execute();
  return rows.map(toActivity);
}

/** The last date of a series (its class runs until then). */
export async function seriesEnd(db: DbOrTx, seriesId: number): Promise<string> {
  const r = await db
    .selectFrom('activities')
    .select((eb) => eb.fn.max('date').as('d'))
    .where('series_id', '=', seriesId)
    .where('status', '!=', 'cancelled')
    .executeTakeFirst();
  return String(r?.d ?? '');
}

/** The highest user id now: an announcement goes to the audience as it stands at publishing, no one added later. */
export async function lastUserId(db: DbOrTx): Promise<number> {
  const r = await db
    .selectFrom('users')
    .select((eb) => eb.fn.max('id').as('m'))
    .executeTakeFirstOrThrow();
  return Number(r.m ?? 0);
}

/**
 * Holds the activity's row until the transaction ends, so that counting its places and taking one are one step for
 * every writer. SQLite has a single writer already; PostgreSQL (read committed) needs the row lock.
 */
export async function lockActivity(db: DbOrTx, id: number): Promise<void> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
  await db.selectFrom('activities').select('id').where('id', '=', id).forUpdate().execute();
}
