import type { DbOrTx } from '../../../db/schema';

// What the scheduled jobs queued, recorded by the jobs themselves: the outbox's dedupe keys are pruned with its old
// rows, so they cannot be what stops a reminder, an escalation or a month's figures from going out twice.

/** A reminder before a time limit, or the escalation once it has passed. */
export type AlertKind = 'remind-ack' | 'late-ack' | 'remind-answer' | 'late-answer';

/** `petitionId:round:kind` of every alert already queued for these petitions. */
export async function alertsOf(db: DbOrTx, petitionIds: readonly number[]): Promise<Set<string>> {
  if (petitionIds.length === 0) return new Set();
  const rows = await db
    .selectFrom('petition_alerts')
    .select(['petition_id', 'round', 'kind'])
    .where('petition_id', 'in', [...petitionIds])
    .execute();
  return new Set(rows.map((r) => alertId(r.petition_id, r.round, r.kind)));
}

export const alertId = (petitionId: number, round: number, kind: string) => `${petitionId}:${round}:${kind}`;

export async function recordAlerts(
  db: DbOrTx,
  alerts: { petitionId: number; round: number; kind: AlertKind }[],
  at: string,
): Promise<void> {
  if (alerts.length === 0) return;
  await db
    .insertInto('petition_alerts')
    .values(alerts.map((a) => ({ petition_id: a.petitionId, round: a.round, kind: a.kind, queued_at: at })))
    .onConflict((oc) => oc.doNothing())
    .execute();
}

/** The next moment the deadlines job looks at a petition (null: nothing more to watch). */
export const setAlertDue = (db: DbOrTx, petitionId: number, at: string | null) =>
  db.updateTable('petitions').set({ alert_due_at: at }).where('id', '=', petitionId).execute();

/** Whether this month's figures already went to staff. */
export const monthReported = async (db: DbOrTx, month: string) =>
  (await db.selectFrom('petition_monthly_reports').select('month').where('month', '=', month).executeTakeFirst()) !==
  undefined;

export const recordMonth = (db: DbOrTx, month: string, filed: number, at: string) =>
  db
    .insertInto('petition_monthly_reports')
    .values({ month, filed, sent_at: at })
    .onConflict((oc) => oc.doNothing())
    .execute();
