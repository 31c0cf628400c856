import type { DbOrTx } from '../../db/schema';

export interface AuditEntry {
  actorId: number | null;
  action: string;
  subject?: string | null;
  details?: Record<string, unknown>;
}

/** Append-only: written in the same transaction as the action it records. */
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

export async function listAudit(db: DbOrTx, opts: { actorId?: number; action?: string; limit?: number } = {}) {
  let q = db
    .selectFrom('audit_log')
    .selectAll()
    .orderBy('id', 'desc')
    .limit(opts.limit ?? 50);
  if (opts.actorId !== undefined) q = q.where('actor_id', '=', opts.actorId);
  if (opts.action !== undefined) q = q.where('action', '=', opts.action);
  return q.execute();
}
