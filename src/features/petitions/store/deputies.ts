import type { DbOrTx } from '../../../db/schema';
import type { Category } from '../policy';
import { type Assignment, toAssignment } from './rows';

// Who answers for what (deputies' assignments), the areas that have nobody, and deputies' meetings.

export const assignmentsOf = async (db: DbOrTx, userId: number): Promise<Assignment[]> =>
  (await db.selectFrom('petition_deputies').selectAll().where('user_id', '=', userId).orderBy('id').execute()).map(
    toAssignment,
  );

export const listAssignments = async (db: DbOrTx): Promise<Assignment[]> =>
  (await db.selectFrom('petition_deputies').selectAll().orderBy('community_id').orderBy('user_id').execute()).map(
    toAssignment,
  );

/** Users assigned to this community and category (or to all its categories), each once, by id. */
export const assignedTo = async (db: DbOrTx, communityId: number, category: Category): Promise<number[]> => [
  ...new Set(
    (
      await db
        .selectFrom('petition_deputies')
        .select('user_id')
        .where('community_id', '=', communityId)
        .where((eb) => eb.or([eb('category', 'is', null), eb('category', '=', category)]))
        .orderBy('user_id')
        .execute()
    ).map((r) => r.user_id),
  ),
];

export const insertAssignment = async (
  db: DbOrTx,
  a: { userId: number; communityId: number; category: Category | null; createdAt: string },
) =>
  Number(
    (
      await db
        .insertInto('petition_deputies')
        .values({ user_id: a.userId, community_id: a.communityId, category: a.category, created_at: a.createdAt })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) > 0;

export async function deleteAssignment(db: DbOrTx, userId: number, communityId: number, category: Category | null) {
  let q = db.deleteFrom('petition_deputies').where('user_id', '=', userId).where('community_id', '=', communityId);
  q = category === null ? q.where('category', 'is', null) : q.where('category', '=', category);
  return Number((await q.executeTakeFirst()).numDeletedRows) > 0;
}

/** Everyone assigned to any part of this community, each once. */
export const assignedInCommunity = async (db: DbOrTx, communityId: number): Promise<number[]> =>
  (
    await db
      .selectFrom('petition_deputies')
      .select('user_id')
      .distinct()
      .where('community_id', '=', communityId)
      .orderBy('user_id')
      .execute()
  ).map((r) => r.user_id);

/** Records that the admins were told this area has no deputy; false if they already were. */
export const markUncovered = async (db: DbOrTx, communityId: number, category: string, at: string) =>
  Number(
    (
      await db
        .insertInto('petition_uncovered')
        .values({ community_id: communityId, category, told_at: at })
        .onConflict((oc) => oc.doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) > 0;

/** A deputy now answers somewhere in the community: should it lose them again, the admins are told again. */
export const clearUncovered = (db: DbOrTx, communityId: number) =>
  db.deleteFrom('petition_uncovered').where('community_id', '=', communityId).execute();

export const insertMeeting = async (
  db: DbOrTx,
  m: { deputyId: number; heldOn: string; outcome: string; createdAt: string },
) =>
  (
    await db
      .insertInto('petition_meetings')
      .values({ deputy_id: m.deputyId, held_on: m.heldOn, outcome: m.outcome, created_at: m.createdAt })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

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
