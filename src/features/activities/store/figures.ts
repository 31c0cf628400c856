import type { DbOrTx } from '../../../db/schema';

// The numbers of a period and of one activity: computed in SQL over the period's activities only.

export interface ActivityRow {
  id: number;
  kind: string;
  partnerId: number | null;
  organiserName: string | null;
  date: string;
  startsAt: string;
  endsAt: string;
  titleZh: string;
  titleEn: string | null;
  capacity: number | null;
  drillPeople: number | null;
  drillSeconds: number | null;
  signUps: number;
  waiting: number;
  attended: number;
  walkIns: number;
  /** Held a place, did not come (counted once the activity is over, never told). */
  noShows: number;
  rated: number;
  ratingSum: number;
}

/** Published activities dated in [from, to], with their sign-up figures. */
export async function periodRows(db: DbOrTx, from: string, to: string): Promise<ActivityRow[]> {
  const rows = await db
    .selectFrom('activities as a')
    .leftJoin('activity_signups as s', 's.activity_id', 'a.id')
    .select((eb) => [
      'a.id',
      'a.kind',
      'a.partner_id',
      'a.organiser_name',
      'a.date',
      'a.starts_at',
      'a.ends_at',
      'a.title_zh',
      'a.title_en',
      'a.capacity',
      'a.drill_people',
      'a.drill_seconds',
      // A walk-in is an attendee, not a sign-up.
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('s.status', '=', 'booked'), eb('s.checkin_method', 'is distinct from', 'walkin')]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('sign_ups'),
      eb.fn.sum<number>(eb.case().when('s.status', '=', 'waiting').then(1).else(0).end()).as('waiting'),
      eb.fn.sum<number>(eb.case().when('s.checked_in_at', 'is not', null).then(1).else(0).end()).as('attended'),
      eb.fn.sum<number>(eb.case().when('s.checkin_method', '=', 'walkin').then(1).else(0).end()).as('walk_ins'),
      eb.fn
        .sum<number>(
          eb
            .case()
            .when(eb.and([eb('s.status', '=', 'booked'), eb('s.checked_in_at', 'is', null)]))
            .then(1)
            .else(0)
            .end(),
        )
        .as('no_shows'),
      eb.fn.count<number>('s.rating').as('rated'),
      eb.fn.sum<number>('s.rating').as('rating_sum'),
    ])
    .where('a.status', '=', 'published')
    .where('a.date', '>=', from)
    .where('a.date', '<=', to)
    .groupBy('a.id')
    .orderBy('a.date')
    .orderBy('a.starts_at')
    .execute();
  return rows.map((r) => ({
    id: r.id,
    kind: r.kind,
    partnerId: r.partner_id,
    organiserName: r.organiser_name,
    date: r.date,
    startsAt: r.starts_at,
    endsAt: r.ends_at,
    titleZh: r.title_zh,
    titleEn: r.title_en,
    capacity: r.capacity,
    drillPeople: r.drill_people,
    drillSeconds: r.drill_seconds,
    signUps: Number(r.sign_ups ?? 0),
    waiting: Number(r.waiting ?? 0),
    attended: Number(r.attended ?? 0),
    walkIns: Number(r.walk_ins ?? 0),
    noShows: Number(r.no_shows ?? 0),
    rated: Number(r.rated ?? 0),
    ratingSum: Number(r.rating_sum ?? 0),
  }));
}

/** Ratings and the latest comments of an activity: what its organiser sees. */
export async function feedbackOf(db: DbOrTx, activityId: number, comments: number) {
  const r = await db
    .selectFrom('activity_signups')
    .select((eb) => [eb.fn.count<number>('rating').as('n'), eb.fn.avg<number>('rating').as('avg')])
    .where('activity_id', '=', activityId)
    .executeTakeFirstOrThrow();
  const asked = await db
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.count<number>('feedback_asked_at').as('n'))
    .where('activity_id', '=', activityId)
    .executeTakeFirstOrThrow();
  const latest = await db
    .selectFrom('activity_signups')
    .select(['comment', 'rating'])
    .where('activity_id', '=', activityId)
    .where('comment', 'is not', null)
    .orderBy('rated_at', 'desc')
    .limit(comments)
    .execute();
  return {
    rated: Number(r.n),
    average: r.avg === null ? null : Number(r.avg),
    asked: Number(asked.n),
    comments: latest.map((c) => ({ text: c.comment ?? '', rating: c.rating })),
  };
}

/**
 * Attended sign-ups with an account of volunteering activities that ended by `today` at `time` (local), not yet
 * offered as hours. Activities still going on are left out here, not after the limit: they cannot hold back the rest.
 */
export async function hoursToCredit(db: DbOrTx, today: string, time: string, limit: number) {
  return db
    .selectFrom('activity_signups as s')
    .innerJoin('activities as a', 'a.id', 's.activity_id')
    .select([
      's.id',
      's.user_id',
      'a.id as activity_id',
      'a.partner_id',
      'a.date',
      'a.starts_at',
      'a.ends_at',
      'a.title_zh',
      'a.title_en',
    ])
    .where('a.kind', '=', 'volunteering')
    .where('a.status', '=', 'published')
    .where((eb) => eb.or([eb('a.date', '<', today), eb.and([eb('a.date', '=', today), eb('a.ends_at', '<=', time)])]))
    .where('s.checked_in_at', 'is not', null)
    .where('s.user_id', 'is not', null)
    .where('s.for_child', '=', 0)
    .where('s.hours_credited_at', 'is', null)
    .orderBy('s.id')
    .limit(limit)
    .execute();
}

export async function markCredited(db: DbOrTx, ids: readonly number[], at: string): Promise<void> {
  if (ids.length)
    await db.updateTable('activity_signups').set({ hours_credited_at: at }).where('id', 'in', ids).execute();
}
