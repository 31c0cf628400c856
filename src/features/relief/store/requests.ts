import type { DbOrTx } from '../../../db/schema';

// Requests of people not on the roster to be contacted by staff, and the stages of a month's cycle already queued.

export interface Inquiry {
  id: number;
  userId: number;
  askedAt: string;
  /** When and by whom staff marked it answered; null while it waits. */
  answeredAt: string | null;
  answeredBy: number | null;
}

const toInquiry = (r: {
  id: number;
  user_id: number;
  asked_at: string;
  answered_at: string | null;
  answered_by: number | null;
}): Inquiry => ({
  id: r.id,
  userId: r.user_id,
  askedAt: r.asked_at,
  answeredAt: r.answered_at,
  answeredBy: r.answered_by,
});

export async function insertInquiry(db: DbOrTx, userId: number, at: string): Promise<number> {
  const r = await db
    .insertInto('relief_inquiries')
    .values({ user_id: userId, asked_at: at })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

/** The user's latest request made at or after `since`, if any. */
export async function latestInquiry(db: DbOrTx, userId: number, since: string): Promise<Inquiry | undefined> {
  const r = await db
    .selectFrom('relief_inquiries')
    .selectAll()
    .where('user_id', '=', userId)
    .where('asked_at', '>=', since)
    .orderBy('asked_at', 'desc')
    .limit(1)
    .executeTakeFirst();
  return r && toInquiry(r);
}

export const findInquiry = async (db: DbOrTx, id: number) => {
  const r = await db.selectFrom('relief_inquiries').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toInquiry(r);
};

/** Requests staff have not answered yet, oldest first (a partial index holds only these). */
export const openInquiries = async (db: DbOrTx, offset: number, limit: number) =>
  (
    await db
      .selectFrom('relief_inquiries')
      .selectAll()
      .where('answered_at', 'is', null)
      .orderBy('asked_at')
      .orderBy('id')
      .offset(offset)
      .limit(limit)
      .execute()
  ).map(toInquiry);

export const countOpenInquiries = async (db: DbOrTx) =>
  Number(
    (
      await db
        .selectFrom('relief_inquiries')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('answered_at', 'is', null)
        .executeTakeFirstOrThrow()
    ).n,
  );

/** False when someone answered it first. */
export const answerInquiry = async (db: DbOrTx, id: number, by: number, at: string) =>
  Number(
    (
      await db
        .updateTable('relief_inquiries')
        .set({ answered_at: at, answered_by: by })
        .where('id', '=', id)
        .where('answered_at', 'is', null)
        .executeTakeFirst()
    ).numUpdatedRows,
  ) === 1;

/** Which of these `month:stage` pairs were queued already. */
export async function cycleRunsDone(db: DbOrTx, pairs: readonly { month: string; stage: string }[]) {
  if (pairs.length === 0) return new Set<string>();
  const rows = await db
    .selectFrom('relief_cycle_runs')
    .select(['month', 'stage'])
    .where(
      'month',
      'in',
      pairs.map((p) => p.month),
    )
    .execute();
  return new Set(rows.map((r) => `${r.month}:${r.stage}`));
}

/** Records that a stage of a month was queued, with how many messages it made. */
export async function recordCycleRun(db: DbOrTx, month: string, stage: string, at: string, messages: number) {
  await db.insertInto('relief_cycle_runs').values({ month, stage, queued_at: at, messages }).execute();
}
