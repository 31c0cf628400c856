import type { Selectable, Updateable } from 'kysely';
import type { DbOrTx } from '../../db/schema';
import type { NoticeBroadcastsTable } from '../../db/tables/notices';
import type { Category, Entity } from '../../outbox/service';

export type BroadcastState = 'active' | 'cancelled' | 'done';

/** One staff broadcast; its recipients are outbox rows carrying its id. */
export interface Broadcast {
  id: number;
  draftKey: string;
  createdBy: number;
  createdAt: string;
  /** The audience's stored code (see audience.ts). */
  audience: string;
  category: Category;
  text: string;
  entities: Entity[];
  photo: string | null;
  sendAt: string;
  state: BroadcastState;
  recipients: number;
  progressMessageId: number | null;
  stoppedBy: number | null;
  stoppedAt: string | null;
  finishedAt: string | null;
  /** The final counts, recorded when the broadcast is done or cancelled. */
  sent: number | null;
  failed: number | null;
  unreachable: number | null;
  skipped: number | null;
}

export type NewBroadcast = Pick<
  Broadcast,
  | 'draftKey'
  | 'createdBy'
  | 'createdAt'
  | 'audience'
  | 'category'
  | 'text'
  | 'entities'
  | 'photo'
  | 'sendAt'
  | 'recipients'
  | 'progressMessageId'
>;

export type BroadcastPatch = Partial<
  Pick<
    Broadcast,
    | 'state'
    | 'progressMessageId'
    | 'stoppedBy'
    | 'stoppedAt'
    | 'finishedAt'
    | 'sent'
    | 'failed'
    | 'unreachable'
    | 'skipped'
  >
>;

const toBroadcast = (r: Selectable<NoticeBroadcastsTable>): Broadcast => ({
  id: r.id,
  draftKey: r.draft_key,
  createdBy: r.created_by,
  createdAt: r.created_at,
  audience: r.audience,
  category: r.category as Category,
  text: r.text,
  entities: JSON.parse(r.entities) as Entity[],
  photo: r.photo,
  sendAt: r.send_at,
  state: r.state as BroadcastState,
  recipients: r.recipients,
  progressMessageId: r.progress_message_id,
  stoppedBy: r.stopped_by,
  stoppedAt: r.stopped_at,
  finishedAt: r.finished_at,
  sent: r.sent,
  failed: r.failed,
  unreachable: r.unreachable,
  skipped: r.skipped,
});

function toColumns(p: BroadcastPatch): Updateable<NoticeBroadcastsTable> {
  const columns: Updateable<NoticeBroadcastsTable> = {
    state: p.state,
    progress_message_id: p.progressMessageId,
    stopped_by: p.stoppedBy,
    stopped_at: p.stoppedAt,
    finished_at: p.finishedAt,
    sent: p.sent,
    failed: p.failed,
    unreachable: p.unreachable,
    skipped: p.skipped,
  };
  // An absent field is left as it is, not set to null.
  return Object.fromEntries(Object.entries(columns).filter(([, v]) => v !== undefined));
}

/** The new broadcast's id, or null if this draft was confirmed already (its key is unique). */
export async function insertBroadcast(db: DbOrTx, b: NewBroadcast): Promise<number | null> {
  const r = await db
    .insertInto('notice_broadcasts')
    .values({
      draft_key: b.draftKey,
      created_by: b.createdBy,
      created_at: b.createdAt,
      audience: b.audience,
      category: b.category,
      text: b.text,
      entities: JSON.stringify(b.entities),
      photo: b.photo,
      send_at: b.sendAt,
      recipients: b.recipients,
      progress_message_id: b.progressMessageId,
    })
    .onConflict((oc) => oc.column('draft_key').doNothing())
    .returning('id')
    .executeTakeFirst();
  return r?.id ?? null;
}

export const findBroadcast = async (db: DbOrTx, id: number) => {
  const r = await db.selectFrom('notice_broadcasts').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toBroadcast(r);
};

export const updateBroadcast = async (db: DbOrTx, id: number, patch: BroadcastPatch) => {
  await db.updateTable('notice_broadcasts').set(toColumns(patch)).where('id', '=', id).execute();
};

/** Marks a running broadcast done only once, even if two progress runs race to it. */
export const finishIfActive = async (db: DbOrTx, id: number, patch: BroadcastPatch) =>
  (
    await db
      .updateTable('notice_broadcasts')
      .set({ ...toColumns(patch), state: 'done' })
      .where('id', '=', id)
      .where('state', '=', 'active')
      .executeTakeFirst()
  ).numUpdatedRows === 1n;

/** Confirmed broadcasts whose time has come and whose final report is not written yet. */
export const runningBroadcasts = async (db: DbOrTx, now: string) =>
  (
    await db
      .selectFrom('notice_broadcasts')
      .selectAll()
      .where('state', '=', 'active')
      .where('send_at', '<=', now)
      .orderBy('id')
      .execute()
  ).map(toBroadcast);

export const scheduledBroadcasts = async (db: DbOrTx, now: string) =>
  (
    await db
      .selectFrom('notice_broadcasts')
      .selectAll()
      .where('state', '=', 'active')
      .where('send_at', '>', now)
      .orderBy('send_at')
      .orderBy('id')
      .execute()
  ).map(toBroadcast);

export const pageOfBroadcasts = async (db: DbOrTx, offset: number, limit: number) =>
  (
    await db.selectFrom('notice_broadcasts').selectAll().orderBy('id', 'desc').offset(offset).limit(limit).execute()
  ).map(toBroadcast);

export const countBroadcasts = async (db: DbOrTx) =>
  Number(
    (
      await db
        .selectFrom('notice_broadcasts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

// Audience queries read the users table by id only: 100,000 recipients must not mean 100,000 full rows.

export interface PlaceFilter {
  communityId?: number;
  compoundId?: number;
}

/** Users of the place (everyone, without a filter) who take general notices, in id order. */
export async function noticeTakers(db: DbOrTx, f: PlaceFilter): Promise<number[]> {
  let q = db.selectFrom('users').select('id').where('notices_opt_out', '=', 0).orderBy('id');
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.compoundId !== undefined) q = q.where('compound_id', '=', f.compoundId);
  return (await q.execute()).map((r) => r.id);
}

/** Users of the place who turned general notices off: the preview says how many will not get it. */
export async function optedOutCount(db: DbOrTx, f: PlaceFilter): Promise<number> {
  let q = db
    .selectFrom('users')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('notices_opt_out', '=', 1);
  if (f.communityId !== undefined) q = q.where('community_id', '=', f.communityId);
  if (f.compoundId !== undefined) q = q.where('compound_id', '=', f.compoundId);
  return Number((await q.executeTakeFirstOrThrow()).n);
}

/** How many of these users blocked the bot; asked 500 ids at a time, well below SQLite's limit on bound values. */
export async function unreachableAmong(db: DbOrTx, ids: readonly number[]): Promise<number> {
  let n = 0;
  for (let i = 0; i < ids.length; i += 500) {
    const r = await db
      .selectFrom('users')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('id', 'in', ids.slice(i, i + 500))
      .where('reachable', '=', 0)
      .executeTakeFirstOrThrow();
    n += Number(r.n);
  }
  return n;
}
