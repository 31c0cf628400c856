import type { DbOrTx } from '../db/schema';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}

export interface AuditRecord {
  id: number;
  at: string;
  actorId: number | null;
  action: string;
  subject: string | null;
  /** JSON, exactly as recorded. */
  details: string;
}

/** Append-only (the database refuses edits): written in the same transaction as the action it records. */
export async function recordAudit(db: DbOrTx, e: AuditEntry, at: Date): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      at: at.toISOString(),
      actor_id: e.actorId,
      action: e.action,
      subject: e.subject ?? null,
      details: JSON.stringify(e.details ?? {}),
    })
    .execute();
}

/** A refused attempt at a privileged action is itself worth recording. */
export const auditDenied = (db: DbOrTx, userId: number, what: string, at: Date) =>
  recordAudit(db, { actorId: userId, action: 'denied', subject: what.slice(0, 200) }, at);

export async function listAudit(
  db: DbOrTx,
  opts: { actorId?: number; action?: string; limit?: number } = {},
): Promise<AuditRecord[]> {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 50);
  if (opts.actorId !== undefined) q = q.where('actor_id', '=', opts.actorId);
  if (opts.action !== undefined) q = q.where('action', '=', opts.action);
  return (await q.execute()).map((r) => ({
    id: r.id,
    at: r.at,
    actorId: r.actor_id,
    action: r.action,
    subject: r.subject,
    details: r.details,
  }));
}
