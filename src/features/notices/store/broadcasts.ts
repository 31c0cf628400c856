import type { Selectable, Updateable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { NoticeBroadcastsTable } from '../../../db/tables/notices';
import type { Category, DeliveryCounts, Entity } from '../../../outbox/service';

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
  /** Its outbox rows by state right now (kept by triggers on deliveries, migration 0013). */
  rows: DeliveryCounts;
  /** Recipients are expanded into outbox rows in batches: users with ids in (expandAfter, expandUpto]. */
  expandAfter: number;
  expandUpto: number | null;
  /** When every recipient had a row (or the broadcast was stopped before); null while expanding. */
  expandedAt: string | null;
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
  | 'expandUpto'
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
    | 'recipients'
    | 'expandAfter'
    | 'expandedAt'
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
  rows: {
    queued: r.n_queued,
    sending: r.n_sending,
    sent: r.n_sent,
    failed: r.n_failed,
    unreachable: r.n_unreachable,
    skipped: r.n_skipped,
  },
  expandAfter: r.expand_after,
  expandUpto: r.expand_upto,
  expandedAt: r.expanded_at,
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
    recipients: p.recipients,
    expand_after: p.expandAfter,
    expanded_at: p.expandedAt,
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
      expand_upto: b.expandUpto,
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

/** Broadcasts whose recipients do not all have their outbox row yet (a partial index holds just these). */
export const expandingBroadcasts = async (db: DbOrTx) =>
  (await db.selectFrom('notice_broadcasts').selectAll().where('expanded_at', 'is', null).orderBy('id').execute()).map(
    toBroadcast,
  );

/** Stopped before every recipient had a row: those never made count as not sent. */
export const addNeverQueued = (db: DbOrTx, id: number, n: number) =>
  db
    .updateTable('notice_broadcasts')
    .set((eb) => ({ n_skipped: eb('n_skipped', '+', n) }))
    .where('id', '=', id)
    .execute();

export const countBroadcasts = async (db: DbOrTx) =>
  Number(
    (
      await db
        .selectFrom('notice_broadcasts')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
