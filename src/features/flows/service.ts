import type { DbOrTx } from '../../db/schema';
import * as store from './store';

/** A multi-step conversation in progress. Kept in the database so a restart does not lose what was typed. */
export interface Flow {
  name: string;
  step: string;
  data: Record<string, unknown>;
}

export async function loadFlow(db: DbOrTx, userId: number): Promise<Flow | null> {
  const row = await store.findFlow(db, userId);
  if (!row) return null;
  let data: Record<string, unknown> = {};
  try {
    data = JSON.parse(row.data) as Record<string, unknown>;
  } catch {
    // a damaged row should not lock the user out of the bot; they start the flow again
  }
  return { name: row.name, step: row.step, data };
}

export const saveFlow = (db: DbOrTx, userId: number, flow: Flow, now: Date) =>
  store.saveFlow(db, {
    user_id: userId,
    name: flow.name,
    step: flow.step,
    data: JSON.stringify(flow.data),
    updated_at: now.toISOString(),
  });

export const clearFlow = (db: DbOrTx, userId: number) => store.deleteFlow(db, userId);
