import type { DbOrTx } from '../../../db/schema';
import { type Category, OPEN_STATUSES, type PetitionStatus } from '../policy';
import { type Petition, type PetitionPatch, patchColumns, toPetition } from './rows';

const OPEN = [...OPEN_STATUSES];

export interface NewPetition {
  petitionerId: number;
  communityId: number | null;
  compoundId: number | null;
  category: Category;
  categoryName: { nameZh: string; nameEn: string };
  place: string;
  latitude: number | null;
  longitude: number | null;
  description: string;
  showName: boolean;
  createdAt: string;
  ackDueAt: string;
  answerDueAt: string;
  /** When the deadlines job first looks at it: the first reminder, or at once for a petition already under way. */
  alertDueAt: string | null;
}

/** Demo data writes petitions as they would be after some handling; real ones start submitted. */
export interface SeededPetition extends NewPetition {
  status: PetitionStatus;
  departmentId: number | null;
  statusNote: string | null;
  updatedAt: string;
  acknowledgedAt: string | null;
  answeredAt: string | null;
  occurrences: number;
  solved: 'yes' | null;
  satisfaction: number | null;
  feedbackAt: string | null;
}

export async function insertPetition(db: DbOrTx, p: NewPetition | SeededPetition): Promise<number> {
  const seeded = 'status' in p ? p : undefined;
  const row = await db
    .insertInto('petitions')
    .values({
      petitioner_id: p.petitionerId,
      community_id: p.communityId,
      compound_id: p.compoundId,
      category: p.category,
      category_zh: p.categoryName.nameZh,
      category_en: p.categoryName.nameEn,
      place: p.place,
      latitude: p.latitude,
      longitude: p.longitude,
      description: p.description,
      show_name: p.showName ? 1 : 0,
      created_at: p.createdAt,
      updated_at: seeded?.updatedAt ?? p.createdAt,
      ack_due_at: p.ackDueAt,
      answer_due_at: p.answerDueAt,
      alert_due_at: p.alertDueAt,
      ...(seeded && {
        status: seeded.status,
        department_id: seeded.departmentId,
        status_note: seeded.statusNote,
        acknowledged_at: seeded.acknowledgedAt,
        answered_at: seeded.answeredAt,
        occurrences: seeded.occurrences,
        solved: seeded.solved,
        satisfaction: seeded.satisfaction,
        feedback_at: seeded.feedbackAt,
      }),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function findPetition(db: DbOrTx, id: number): Promise<Petition | undefined> {
  const r = await db.selectFrom('petitions').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toPetition(r);
}

export const updatePetition = (db: DbOrTx, id: number, patch: PetitionPatch) =>
  db.updateTable('petitions').set(patchColumns(patch)).where('id', '=', id).execute();

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

/** Petitions a resident filed or co-signed, newest first. */
export async function petitionsOfUser(db: DbOrTx, userId: number) {
  const rows = await db
    .selectFrom('petitions')
    .innerJoin('petition_followers', 'petition_followers.petition_id', 'petitions.id')
    .selectAll('petitions')
    .select('petition_followers.kind as follower_kind')
    .where('petition_followers.user_id', '=', userId)
    .orderBy('petitions.id', 'desc')
    .execute();
  return rows.map(({ follower_kind, ...r }) => ({
    ...toPetition(r),
    followerKind: follower_kind === 'owner' ? ('owner' as const) : ('cosigner' as const),
  }));
}

/** An area: a community (null: residents who named none) and one category of it, or all (null). */
export interface Area {
  communityId: number | null;
  category: Category | null;
}

export interface ListFilter {
  status?: 'open' | 'closed';
  category?: Category;
  communityId?: number;
  /** Only petitions past a limit at this instant. */
  overdueAt?: string;
  /** Only open petitions nobody has acknowledged yet. */
  unacknowledged?: boolean;
  /** Only petitions in one of these areas (a deputy's assignments, the areas with no deputy). */
  scope?: Area[];
}

export async function listPetitions(db: DbOrTx, f: ListFilter): Promise<Petition[]> {
  let q = db.selectFrom('petitions').selectAll().orderBy('id', 'desc');
  if (f.status === 'open') q = q.where('status', 'in', OPEN);
  if (f.status === 'closed') q = q.where('status', 'not in', OPEN);
  if (f.category) q = q.where('category', '=', f.category);
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.overdueAt) {
    const at = f.overdueAt;
    q = q
      .where('status', 'in', OPEN)
      .where((eb) =>
        eb.or([eb.and([eb('acknowledged_at', 'is', null), eb('ack_due_at', '<=', at)]), eb('answer_due_at', '<=', at)]),
      );
  }
  if (f.unacknowledged) q = q.where('status', 'in', OPEN).where('acknowledged_at', 'is', null);
  if (f.scope) {
    const scope = f.scope;
    if (scope.length === 0) return [];
    q = q.where((eb) =>
      eb.or(
        scope.map((s) => {
          const community =
            s.communityId === null ? eb('community_id', 'is', null) : eb('community_id', '=', s.communityId);
          return s.category === null ? community : eb.and([community, eb('category', '=', s.category)]);
        }),
      ),
    );
  }
  return (await q.execute()).map(toPetition);
}

/**
 * Petitions the deadlines job has something to look at by `now`, soonest first: through the partial index of
 * alert_due_at, so a run reads what is due, never the history.
 */
export async function dueForAlerts(db: DbOrTx, now: string, limit: number): Promise<Petition[]> {
  const rows = await db
    .selectFrom('petitions')
    .selectAll()
    .where('alert_due_at', 'is not', null)
    .where('alert_due_at', '<=', now)
    .orderBy('alert_due_at')
    .limit(limit)
    .execute();
  return rows.map(toPetition);
}

/** Petitions filed in [from, to), oldest first (an export): through the index of created_at. */
export const petitionsFiledBetween = async (db: DbOrTx, from: string, to: string) =>
  (
    await db
      .selectFrom('petitions')
      .selectAll()
      .where('created_at', '>=', from)
      .where('created_at', '<', to)
      .orderBy('created_at')
      .orderBy('id')
      .execute()
  ).map(toPetition);

/** Whether the demo data has this petition already (the demo may be loaded twice). */
export const hasPetitionWithDescription = async (db: DbOrTx, petitionerId: number, description: string) =>
  (await db
    .selectFrom('petitions')
    .select('id')
    .where('petitioner_id', '=', petitionerId)
    .where('description', '=', description)
    .executeTakeFirst()) !== undefined;
