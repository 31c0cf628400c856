import type { Insertable, Selectable, Updateable } from 'kysely';
import type { Database, DbOrTx } from '../../db/schema';

export type PetitionRow = Selectable<Database['petitions']>;
export type PetitionEventRow = Selectable<Database['petition_events']>;
export type DepartmentRow = Selectable<Database['petition_departments']>;
export type FollowerRow = Selectable<Database['petition_followers']>;
export type AssignmentRow = Selectable<Database['petition_deputies']>;

const OPEN_STATUSES = ['submitted', 'accepted', 'investigating', 'transferred', 'reopened'];

export const insertPetition = async (db: DbOrTx, p: Insertable<Database['petitions']>) =>
  (await db.insertInto('petitions').values(p).returning('id').executeTakeFirstOrThrow()).id;

export const findPetition = (db: DbOrTx, id: number) =>
  db.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirst();

export const updatePetition = (db: DbOrTx, id: number, patch: Updateable<Database['petitions']>) =>
  db.updateTable('petitions').set(patch).where('id', '=', id).execute();

export const bumpOccurrences = (db: DbOrTx, id: number, at: string) =>
  db
    .updateTable('petitions')
    .set((eb) => ({ occurrences: eb('occurrences', '+', 1), updated_at: at }))
    .where('id', '=', id)
    .execute();

export const countFiledSince = async (db: DbOrTx, userId: number, since: string) =>
  Number(
    (
      await db
        .selectFrom('petitions')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('petitioner_id', '=', userId)
        .where('created_at', '>=', since)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** Open petitions of one category in a community (or with no community), newest first: candidates for "the same problem". */
export const openPetitionsLike = (db: DbOrTx, communityId: number | null, category: string, limit = 300) => {
  let q = db
    .selectFrom('petitions')
    .selectAll()
    .where('category', '=', category)
    .where('status', 'in', OPEN_STATUSES)
    .orderBy('id', 'desc')
    .limit(limit);
  q = communityId === null ? q.where('community_id', 'is', null) : q.where('community_id', '=', communityId);
  return q.execute();
};

export const insertFollower = async (db: DbOrTx, f: Insertable<Database['petition_followers']>) =>
  Number(
    (
      await db
        .insertInto('petition_followers')
        .values(f)
        .onConflict((oc) => oc.columns(['petition_id', 'user_id']).doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) > 0;

export const findFollower = (db: DbOrTx, petitionId: number, userId: number) =>
  db
    .selectFrom('petition_followers')
    .selectAll()
    .where('petition_id', '=', petitionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();

export const followersOf = (db: DbOrTx, petitionId: number) =>
  db
    .selectFrom('petition_followers')
    .innerJoin('users', 'users.id', 'petition_followers.user_id')
    .select([
      'petition_followers.user_id',
      'petition_followers.kind',
      'petition_followers.show_name',
      'petition_followers.last_notice_at',
      'petition_followers.digest_at',
      'petition_followers.created_at',
      'users.first_name',
      'users.last_name',
    ])
    .where('petition_followers.petition_id', '=', petitionId)
    .orderBy('petition_followers.created_at')
    .execute();

export const countCosigners = async (db: DbOrTx, petitionId: number) =>
  Number(
    (
      await db
        .selectFrom('petition_followers')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('petition_id', '=', petitionId)
        .where('kind', '=', 'cosigner')
        .executeTakeFirstOrThrow()
    ).n,
  );

export const updateFollower = (
  db: DbOrTx,
  petitionId: number,
  userId: number,
  patch: Updateable<Database['petition_followers']>,
) =>
  db
    .updateTable('petition_followers')
    .set(patch)
    .where('petition_id', '=', petitionId)
    .where('user_id', '=', userId)
    .execute();

export const insertEvent = async (db: DbOrTx, e: Insertable<Database['petition_events']>) =>
  (await db.insertInto('petition_events').values(e).returning('id').executeTakeFirstOrThrow()).id;

export const countEventsSince = async (db: DbOrTx, petitionId: number, kind: string, actorId: number, since: string) =>
  Number(
    (
      await db
        .selectFrom('petition_events')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('petition_id', '=', petitionId)
        .where('kind', '=', kind)
        .where('actor_id', '=', actorId)
        .where('at', '>=', since)
        .executeTakeFirstOrThrow()
    ).n,
  );

export const eventsOf = (db: DbOrTx, petitionId: number) =>
  db.selectFrom('petition_events').selectAll().where('petition_id', '=', petitionId).orderBy('id').execute();

export const lastEventOf = (db: DbOrTx, petitionId: number, kind: string, actorId: number) =>
  db
    .selectFrom('petition_events')
    .selectAll()
    .where('petition_id', '=', petitionId)
    .where('kind', '=', kind)
    .where('actor_id', '=', actorId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();

export const insertPhoto = (db: DbOrTx, petitionId: number, fileId: string, at: string) =>
  db.insertInto('petition_photos').values({ petition_id: petitionId, file_id: fileId, created_at: at }).execute();

export const photosOf = async (db: DbOrTx, petitionId: number) =>
  (
    await db
      .selectFrom('petition_photos')
      .select('file_id')
      .where('petition_id', '=', petitionId)
      .orderBy('id')
      .execute()
  ).map((r) => r.file_id);

export const listDepartments = (db: DbOrTx) =>
  db.selectFrom('petition_departments').selectAll().where('active', '=', 1).orderBy('id').execute();
export const findDepartment = (db: DbOrTx, id: number) =>
  db.selectFrom('petition_departments').selectAll().where('id', '=', id).executeTakeFirst();
export const upsertDepartment = (db: DbOrTx, d: { name_zh: string; name_en: string }) =>
  db
    .insertInto('petition_departments')
    .values(d)
    .onConflict((oc) => oc.column('name_zh').doNothing())
    .execute();

export const assignmentsOf = (db: DbOrTx, userId: number) =>
  db.selectFrom('petition_deputies').selectAll().where('user_id', '=', userId).orderBy('id').execute();
export const listAssignments = (db: DbOrTx) =>
  db.selectFrom('petition_deputies').selectAll().orderBy('community_id').orderBy('user_id').execute();

/** Deputies answering for this community and category (or for all its categories). */
export const deputiesFor = async (db: DbOrTx, communityId: number, category: string) => [
  ...new Set(
    (
      await db
        .selectFrom('petition_deputies')
        .innerJoin('roles', (j) =>
          j.onRef('roles.user_id', '=', 'petition_deputies.user_id').on('roles.role', '=', 'deputy'),
        )
        .select('petition_deputies.user_id')
        .where('petition_deputies.community_id', '=', communityId)
        .where((eb) =>
          eb.or([eb('petition_deputies.category', 'is', null), eb('petition_deputies.category', '=', category)]),
        )
        .orderBy('petition_deputies.user_id')
        .execute()
    ).map((r) => r.user_id),
  ),
];

export const insertAssignment = async (db: DbOrTx, a: Insertable<Database['petition_deputies']>) =>
  Number(
    (
      await db
        .insertInto('petition_deputies')
        .values(a)
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) > 0;

export const deleteAssignment = async (db: DbOrTx, userId: number, communityId: number, category: string | null) => {
  let q = db.deleteFrom('petition_deputies').where('user_id', '=', userId).where('community_id', '=', communityId);
  q = category === null ? q.where('category', 'is', null) : q.where('category', '=', category);
  return Number((await q.executeTakeFirst()).numDeletedRows) > 0;
};

/** Petitions a resident filed or co-signed, newest first. */
export const petitionsOfUser = (db: DbOrTx, userId: number) =>
  db
    .selectFrom('petitions')
    .innerJoin('petition_followers', 'petition_followers.petition_id', 'petitions.id')
    .selectAll('petitions')
    .select('petition_followers.kind as follower_kind')
    .where('petition_followers.user_id', '=', userId)
    .orderBy('petitions.id', 'desc')
    .execute();

export interface ListFilter {
  status?: 'open' | 'closed';
  category?: string;
  communityId?: number;
  overdueAt?: string;
  /** Deputy scope: only petitions matching one of these assignments. */
  scope?: { community_id: number; category: string | null }[];
}

export const listPetitions = (db: DbOrTx, f: ListFilter) => {
  let q = db.selectFrom('petitions').selectAll().orderBy('id', 'desc');
  if (f.status === 'open') q = q.where('status', 'in', OPEN_STATUSES);
  if (f.status === 'closed') q = q.where('status', 'not in', OPEN_STATUSES);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.overdueAt) {
    const at = f.overdueAt;
    q = q
      .where('status', 'in', OPEN_STATUSES)
      .where((eb) =>
        eb.or([eb.and([eb('acknowledged_at', 'is', null), eb('ack_due_at', '<=', at)]), eb('answer_due_at', '<=', at)]),
      );
  }
  if (f.scope) {
    const scope = f.scope;
    if (scope.length === 0) return Promise.resolve([] as PetitionRow[]);
    q = q.where((eb) =>
      eb.or(
        scope.map((s) =>
          s.category === null
            ? eb('community_id', '=', s.community_id)
            : eb.and([eb('community_id', '=', s.community_id), eb('category', '=', s.category)]),
        ),
      ),
    );
  }
  return q.execute();
};

/** Open petitions not yet acknowledged, or not yet answered, whose limit falls before `until`. */
export const openDueBefore = (db: DbOrTx, kind: 'ack' | 'answer', until: string) => {
  const q = db.selectFrom('petitions').selectAll().where('status', 'in', OPEN_STATUSES);
  return kind === 'ack'
    ? q.where('acknowledged_at', 'is', null).where('ack_due_at', '<=', until).execute()
    : q.where('answer_due_at', '<=', until).execute();
};

export const petitionsFiledBetween = (db: DbOrTx, from: string, to: string) =>
  db
    .selectFrom('petitions')
    .selectAll()
    .where('created_at', '>=', from)
    .where('created_at', '<', to)
    .orderBy('id')
    .execute();

export const insertMeeting = async (db: DbOrTx, m: Insertable<Database['petition_meetings']>) =>
  (await db.insertInto('petition_meetings').values(m).returning('id').executeTakeFirstOrThrow()).id;
export const insertMeetingDepartment = (db: DbOrTx, meetingId: number, departmentId: number) =>
  db
    .insertInto('petition_meeting_departments')
    .values({ meeting_id: meetingId, department_id: departmentId })
    .execute();
export const insertMeetingItem = (db: DbOrTx, meetingId: number, petitionId: number) =>
  db
    .insertInto('petition_meeting_items')
    .values({ meeting_id: meetingId, petition_id: petitionId })
    .onConflict((oc) => oc.doNothing())
    .execute();

export const findPetitionByDescription = (db: DbOrTx, petitionerId: number, description: string) =>
  db
    .selectFrom('petitions')
    .select('id')
    .where('petitioner_id', '=', petitionerId)
    .where('description', '=', description)
    .executeTakeFirst();
