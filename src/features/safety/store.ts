import type { Selectable } from 'kysely';
import type { EmergencyKind } from '../../core/emergency';
import type { DbOrTx } from '../../db/schema';
import type { EmergencyAlertsTable } from '../../db/tables/safety';

/** Someone typed a danger: what, when, and what came of it. */
export interface Alert {
  id: number;
  userId: number;
  chatId: number;
  kind: EmergencyKind;
  text: string;
  /** The Telegram message, while a flow may still want it back. */
  message: unknown;
  inFlow: boolean;
  createdAt: string;
  notifiedAt: string | null;
  continuedAt: string | null;
}

const toAlert = (r: Selectable<EmergencyAlertsTable>): Alert => ({
  id: r.id,
  userId: r.user_id,
  chatId: r.chat_id,
  kind: r.kind as EmergencyKind,
  text: r.text,
  message: r.message === null ? null : JSON.parse(r.message),
  inFlow: r.in_flow === 1,
  createdAt: r.created_at,
  notifiedAt: r.notified_at,
  continuedAt: r.continued_at,
});

export async function insertAlert(
  db: DbOrTx,
  a: Pick<Alert, 'userId' | 'chatId' | 'kind' | 'text' | 'message' | 'inFlow' | 'createdAt'>,
): Promise<Alert> {
  const r = await db
    .insertInto('emergency_alerts')
    .values({
      user_id: a.userId,
      chat_id: a.chatId,
      kind: a.kind,
      text: a.text,
      message: a.message === null ? null : JSON.stringify(a.message),
      in_flow: a.inFlow ? 1 : 0,
      created_at: a.createdAt,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return toAlert(r);
}

export async function findAlert(db: DbOrTx, id: number): Promise<Alert | undefined> {
  const r = await db.selectFrom('emergency_alerts').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toAlert(r);
}

/** Marks staff told, only once: the WHERE makes a double tap harmless. */
export async function markNotified(db: DbOrTx, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('emergency_alerts')
    .set({ notified_at: at })
    .where('id', '=', id)
    .where('notified_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}

/** Marks "carry on" taken, once; the kept message is no longer needed. */
export async function markContinued(db: DbOrTx, id: number, at: string): Promise<boolean> {
  const r = await db
    .updateTable('emergency_alerts')
    .set({ continued_at: at, message: null })
    .where('id', '=', id)
    .where('continued_at', 'is', null)
    .executeTakeFirst();
  return r.numUpdatedRows === 1n;
}
