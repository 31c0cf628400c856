import { randomBytes } from 'node:crypto';
import { DomainError } from '../../core/errors';
import { isDate, zonedToUtc } from '../../core/time';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import {
  type DeliveryCounts,
  deliveryCounts,
  type Entity,
  enqueue,
  type OutContent,
  stopBroadcastRows,
} from '../delivery/service';
import {
  type AreaAudiences,
  type Audience,
  audienceCode,
  categoryOf,
  describeAudience,
  recipientsOf,
} from './audience';
import type { BroadcastRow } from './store';
import * as store from './store';

export * from './audience';
export type { BroadcastRow } from './store';

export class NoRecipients extends DomainError {
  constructor() {
    super('notices.noRecipients');
  }
}
export class AlreadyConfirmed extends DomainError {
  constructor() {
    super('notices.alreadyConfirmed');
  }
}
export class BroadcastNotFound extends DomainError {
  constructor() {
    super('notices.notFound');
  }
}
export class NotRunning extends DomainError {
  constructor() {
    super('notices.notRunning');
  }
}
export class BadTime extends DomainError {
  constructor() {
    super('notices.badTime');
  }
}
export class TimeInPast extends DomainError {
  constructor() {
    super('notices.timeInPast');
  }
}
export class TooFarAhead extends DomainError {
  constructor() {
    super('notices.tooFar', { days: MAX_SCHEDULE_DAYS });
  }
}
export class EmptyNotice extends DomainError {
  constructor() {
    super('notices.empty');
  }
}

export const MAX_SCHEDULE_DAYS = 60;
/** Outbox rows are built and inserted this many at a time, so 100,000 recipients never sit in memory as JSON at once. */
const ENQUEUE_CHUNK = 1000;

/** Keeps the formatting a staff member typed; drops entities another chat's context gives meaning to. */
export function keepEntities(entities: readonly Entity[] | undefined): Entity[] {
  // text_mention needs the user object and custom emoji need a Fragment username: both would make Telegram refuse the message.
  return (entities ?? [])
    .filter((e) => e.type !== 'text_mention' && e.type !== 'custom_emoji')
    .map((e) => ({
      type: e.type,
      offset: e.offset,
      length: e.length,
      ...(e.url ? { url: e.url } : {}),
      ...(e.language ? { language: e.language } : {}),
    }));
}

export interface Draft {
  key: string;
  text: string;
  entities: Entity[];
  photo: string | null;
}

/** A one-time key for a draft: the preview's buttons carry it, so an old preview can never send a newer draft. */
export const newDraftKey = () => randomBytes(6).toString('base64url');

export function contentOf(d: Pick<Draft, 'text' | 'entities' | 'photo'>): OutContent {
  return {
    text: d.text,
    ...(d.entities.length ? { entities: d.entities } : {}),
    ...(d.photo ? { photo: d.photo } : {}),
  };
}

export interface CreateInput {
  draft: Draft;
  actorId: number;
  audience: Audience;
  /** null: send now. */
  sendAt: Date | null;
  /** The staff member's message that becomes the progress report (immediate broadcasts). */
  progressMessageId: number | null;
}

/**
 * Confirms a broadcast: the broadcast, one outbox row per recipient and the audit entry are written in one
 * transaction, so a crash leaves either all of it or none.
 */
export async function createBroadcast(
  db: Db,
  input: CreateInput,
  areas: AreaAudiences,
  now: Date,
): Promise<{ id: number; recipients: number; sendAt: Date }> {
  const { draft, audience } = input;
  if (!draft.text.trim() && !draft.photo) throw new EmptyNotice();
  if (input.sendAt && input.sendAt.getTime() <= now.getTime()) throw new TimeInPast();
  const sendAt = input.sendAt ?? now;
  const category = categoryOf(audience);
  const code = audienceCode(audience);
  return db.transaction().execute(async (trx) => {
    const ids = await recipientsOf(trx, audience, areas, now);
    if (ids.length === 0) throw new NoRecipients();
    const id = await store.insertBroadcast(trx, {
      draft_key: draft.key,
      created_by: input.actorId,
      created_at: now.toISOString(),
      audience: code,
      category,
      text: draft.text,
      entities: JSON.stringify(draft.entities),
      photo: draft.photo,
      send_at: sendAt.toISOString(),
      recipients: ids.length,
      progress_message_id: input.sendAt ? null : input.progressMessageId,
      stopped_by: null,
      stopped_at: null,
      finished_at: null,
      sent: null,
      failed: null,
      unreachable: null,
      skipped: null,
    });
    if (id === null) throw new AlreadyConfirmed();
    const content = contentOf(draft);
    for (let i = 0; i < ids.length; i += ENQUEUE_CHUNK) {
      const chunk = ids.slice(i, i + ENQUEUE_CHUNK);
      await enqueue(
        trx,
        chunk.map((u) => ({
          dedupeKey: `notice:${id}:${u}`,
          chatId: u,
          userId: u,
          category,
          content,
          notBefore: sendAt,
          broadcastId: id,
        })),
        now,
      );
    }
    await recordAudit(
      trx,
      {
        actorId: input.actorId,
        action: 'notices.broadcast.create',
        subject: `broadcast:${id}`,
        details: {
          audience: code,
          category,
          recipients: ids.length,
          sendAt: sendAt.toISOString(),
          scheduled: input.sendAt !== null,
          text: draft.text,
          photo: draft.photo,
        },
      },
      now,
    );
    return { id, recipients: ids.length, sendAt };
  });
}

/**
 * Stops what has not gone out yet. A broadcast whose time has not come is cancelled outright; a running one keeps
 * the messages in flight and gets its final report from the progress job.
 */
export async function stopBroadcast(
  db: Db,
  id: number,
  actorId: number,
  now: Date,
): Promise<{ kind: 'cancelled' | 'stopped'; rows: number }> {
  return db.transaction().execute(async (trx) => {
    const b = await store.findBroadcast(trx, id);
    if (!b) throw new BroadcastNotFound();
    if (b.state !== 'active' || b.stopped_at !== null) throw new NotRunning();
    const rows = await stopBroadcastRows(trx, id, now);
    const at = now.toISOString();
    const scheduled = Date.parse(b.send_at) > now.getTime();
    if (scheduled) {
      await store.updateBroadcast(trx, id, {
        state: 'cancelled',
        stopped_by: actorId,
        stopped_at: at,
        finished_at: at,
        sent: 0,
        failed: 0,
        unreachable: 0,
        skipped: rows,
      });
    } else {
      await store.updateBroadcast(trx, id, { stopped_by: actorId, stopped_at: at });
    }
    await recordAudit(
      trx,
      {
        actorId,
        action: scheduled ? 'notices.broadcast.cancel' : 'notices.broadcast.stop',
        subject: `broadcast:${id}`,
        details: { notSent: rows },
      },
      now,
    );
    return { kind: scheduled ? 'cancelled' : 'stopped', rows };
  });
}

export const findBroadcast = (db: DbOrTx, id: number) => store.findBroadcast(db, id);
/** Skips what is queued of a broadcast already stopped (no audit: the stop itself was audited). */
export const stopQueuedRows = (db: DbOrTx, id: number, now: Date) => stopBroadcastRows(db, id, now);
export const setProgressMessage = (db: DbOrTx, id: number, messageId: number) =>
  store.updateBroadcast(db, id, { progress_message_id: messageId });
export const runningBroadcasts = (db: DbOrTx, now: Date) => store.runningBroadcasts(db, now.toISOString());
export const scheduledBroadcasts = (db: DbOrTx, now: Date) => store.scheduledBroadcasts(db, now.toISOString());
export const progressOf = (db: DbOrTx, id: number) => deliveryCounts(db, id);

/** What is left to send: queued rows and the ones in flight. */
export const leftOf = (c: DeliveryCounts) => c.queued + c.sending;

/**
 * When nothing of a running broadcast is left, records its final counts, audits them and queues the final report
 * to the sender. Returns the counts, or null while rows are still queued or if another run finished it first.
 */
export async function finishBroadcast(
  db: Db,
  b: BroadcastRow,
  areas: AreaAudiences,
  now: Date,
): Promise<DeliveryCounts | null> {
  return db.transaction().execute(async (trx) => {
    const c = await deliveryCounts(trx, b.id);
    if (leftOf(c) > 0) return null;
    const patch = {
      finished_at: now.toISOString(),
      sent: c.sent,
      failed: c.failed,
      unreachable: c.unreachable,
      skipped: c.skipped,
    };
    if (!(await store.finishIfActive(trx, b.id, patch))) return null;
    const counts = {
      recipients: b.recipients,
      sent: c.sent,
      failed: c.failed,
      unreachable: c.unreachable,
      stopped: c.skipped,
    };
    await recordAudit(
      trx,
      {
        actorId: null,
        action: 'notices.broadcast.finish',
        subject: `broadcast:${b.id}`,
        details: { ...counts, by: b.created_by, stoppedBy: b.stopped_by },
      },
      now,
    );
    await enqueue(
      trx,
      [
        {
          dedupeKey: `notice:report:${b.id}`,
          chatId: b.created_by,
          userId: b.created_by,
          category: 'staff',
          content: {
            key: b.stopped_by === null ? 'notices.report.final' : 'notices.report.finalStopped',
            params: { id: b.id, audience: await describeAudience(trx, b.audience, areas), ...counts },
          },
        },
      ],
      now,
    );
    return c;
  });
}

export interface BroadcastSummary {
  row: BroadcastRow;
  counts: { sent: number; failed: number; unreachable: number; stopped: number; left: number };
}

/** Past and present broadcasts, newest first, with their counts (live while they run). */
export async function listBroadcasts(
  db: DbOrTx,
  page: number,
  size: number,
): Promise<{ items: BroadcastSummary[]; pages: number; page: number }> {
  const pages = Math.max(1, Math.ceil((await store.countBroadcasts(db)) / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  const rows = await store.pageOfBroadcasts(db, p * size, size);
  const items: BroadcastSummary[] = [];
  for (const row of rows) {
    if (row.state === 'active') {
      const c = await deliveryCounts(db, row.id);
      items.push({
        row,
        counts: { sent: c.sent, failed: c.failed, unreachable: c.unreachable, stopped: c.skipped, left: leftOf(c) },
      });
    } else {
      items.push({
        row,
        counts: {
          sent: row.sent ?? 0,
          failed: row.failed ?? 0,
          unreachable: row.unreachable ?? 0,
          stopped: row.skipped ?? 0,
          left: 0,
        },
      });
    }
  }
  return { items, pages, page: p };
}

/** "2026-12-01 09:00" (also 2026/12/1 9:00, a full-width colon) in the deployment time zone → the instant. */
export function parseSendAt(input: string, tz: string, now: Date): Date {
  const m = /^(\d{4})[-/.年](\d{1,2})[-/.月](\d{1,2})日?\s*(\d{1,2})[:：点](\d{2})分?$/.exec(input.trim());
  if (!m) throw new BadTime();
  const date = `${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`;
  const hh = Number(m[4]);
  if (!isDate(date) || hh > 23 || Number(m[5]) > 59) throw new BadTime();
  const at = zonedToUtc(date, `${String(hh).padStart(2, '0')}:${m[5]}`, tz);
  if (at.getTime() <= now.getTime()) throw new TimeInPast();
  if (at.getTime() > now.getTime() + MAX_SCHEDULE_DAYS * 86_400_000) throw new TooFarAhead();
  return at;
}
