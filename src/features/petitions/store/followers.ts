import type { DbOrTx } from '../../../db/schema';
import { type EventKind, type Follower, type PetitionEvent, toEvent, toFollower } from './rows';

// Who follows a petition, what happened to it (the timeline) and its photos.

/** Adds a follower; false when they already follow it (the petitioner, or a second co-sign). */
export const insertFollower = async (
  db: DbOrTx,
  f: { petitionId: number; userId: number; kind: Follower['kind']; showName: boolean; createdAt: string },
) =>
  Number(
    (
      await db
        .insertInto('petition_followers')
        .values({
          petition_id: f.petitionId,
          user_id: f.userId,
          kind: f.kind,
          show_name: f.showName ? 1 : 0,
          created_at: f.createdAt,
        })
        .onConflict((oc) => oc.columns(['petition_id', 'user_id']).doNothing())
        .executeTakeFirst()
    ).numInsertedOrUpdatedRows ?? 0n,
  ) > 0;

export async function findFollower(db: DbOrTx, petitionId: number, userId: number): Promise<Follower | undefined> {
  const r = await db
    .selectFrom('petition_followers')
    .selectAll()
    .where('petition_id', '=', petitionId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return r && toFollower(r);
}

/** The petitioner and co-signers, in the order they joined. */
export const followersOf = async (db: DbOrTx, petitionId: number): Promise<Follower[]> =>
  (
    await db
      .selectFrom('petition_followers')
      .selectAll()
      .where('petition_id', '=', petitionId)
      .orderBy('created_at')
      .execute()
  ).map(toFollower);

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

/** The followers of several petitions at once (a job's run, a meeting), in the order they joined. */
export const followersOfMany = async (db: DbOrTx, petitionIds: readonly number[]): Promise<Follower[]> =>
  petitionIds.length === 0
    ? []
    : (
        await db
          .selectFrom('petition_followers')
          .selectAll()
          .where('petition_id', 'in', [...petitionIds])
          .orderBy('created_at')
          .execute()
      ).map(toFollower);

/** When a follower was last told, and until when (and under which key) a digest is pending. */
export const setNoticeTimes = (
  db: DbOrTx,
  petitionId: number,
  userId: number,
  times: { lastNoticeAt: string; digestAt?: string; digestKey?: string },
) =>
  db
    .updateTable('petition_followers')
    .set({
      last_notice_at: times.lastNoticeAt,
      ...(times.digestAt && { digest_at: times.digestAt }),
      ...(times.digestKey && { digest_key: times.digestKey }),
    })
    .where('petition_id', '=', petitionId)
    .where('user_id', '=', userId)
    .execute();

export interface NewEvent {
  petitionId: number;
  at: string;
  actorId: number | null;
  kind: EventKind;
  status?: string | null;
  departmentId?: number | null;
  text?: string | null;
  occurredOn?: string | null;
  photoFileId?: string | null;
  meetingId?: number | null;
}

export const insertEvent = async (db: DbOrTx, e: NewEvent) =>
  (
    await db
      .insertInto('petition_events')
      .values({
        petition_id: e.petitionId,
        at: e.at,
        actor_id: e.actorId,
        kind: e.kind,
        status: e.status ?? null,
        department_id: e.departmentId ?? null,
        text: e.text ?? null,
        occurred_on: e.occurredOn ?? null,
        photo_file_id: e.photoFileId ?? null,
        meeting_id: e.meetingId ?? null,
      })
      .returning('id')
      .executeTakeFirstOrThrow()
  ).id;

export const countEventsSince = async (
  db: DbOrTx,
  petitionId: number,
  kind: EventKind,
  actorId: number,
  since: string,
) =>
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

/** The timeline in the order things happened (then in the order they were written down). */
export const eventsOf = async (db: DbOrTx, petitionId: number): Promise<PetitionEvent[]> =>
  (
    await db
      .selectFrom('petition_events')
      .selectAll()
      .where('petition_id', '=', petitionId)
      .orderBy('at')
      .orderBy('id')
      .execute()
  ).map(toEvent);

export async function lastEventOf(db: DbOrTx, petitionId: number, kind: EventKind, actorId: number) {
  const r = await db
    .selectFrom('petition_events')
    .selectAll()
    .where('petition_id', '=', petitionId)
    .where('kind', '=', kind)
    .where('actor_id', '=', actorId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r && toEvent(r);
}

export const insertPhoto = (db: DbOrTx, petitionId: number, fileId: string, at: string) =>
  db.insertInto('petition_photos').values({ petition_id: petitionId, file_id: fileId, created_at: at }).execute();

/** The file ids of a petition's photos, in the order they came (at filing, then with later notes). */
export const photosOf = async (db: DbOrTx, petitionId: number) =>
  (
    await db
      .selectFrom('petition_photos')
      .select('file_id')
      .where('petition_id', '=', petitionId)
      .orderBy('id')
      .execute()
  ).map((r) => r.file_id);

export const countPhotos = async (db: DbOrTx, petitionId: number) =>
  Number(
    (
      await db
        .selectFrom('petition_photos')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('petition_id', '=', petitionId)
        .executeTakeFirstOrThrow()
    ).n,
  );
