import type { z } from 'zod';
import { compiledOnce } from '../db/compiled';
import type { DbOrTx } from '../db/schema';

/**
 * A multi-step conversation, declared once: its name, its steps and the shape of what it has collected so far.
 * Kept in the `flows` table so a restart loses nothing the user typed; data read back is parsed against the
 * schema, so a flow saved by an older version that no longer fits is ended politely instead of being cast.
 */
export interface FlowDef<D = unknown, S extends string = string> {
  readonly name: string;
  readonly steps: readonly S[];
  readonly schema: z.ZodType<D>;
}

export function defineFlow<const S extends string, D>(
  name: string,
  steps: readonly S[],
  schema: z.ZodType<D>,
): FlowDef<D, S> {
  return { name, steps, schema };
}

/** A flow as stored: the name and step are strings until a FlowDef vouches for them. */
export interface StoredFlow {
  name: string;
  step: string;
  data: Record<string, unknown>;
}

export type ParsedFlow<D, S extends string> = { ok: true; step: S; data: D } | { ok: false };

/** Checks a stored flow against its definition: a known step and data the schema accepts. */
export function parseFlow<D, S extends string>(def: FlowDef<D, S>, stored: StoredFlow): ParsedFlow<D, S> {
  if (stored.name !== def.name || !(def.steps as readonly string[]).includes(stored.step)) return { ok: false };
  const r = def.schema.safeParse(stored.data);
  return r.success ? { ok: true, step: stored.step as S, data: r.data } : { ok: false };
}

/** A flow row's data; a damaged row must not lock the user out of the bot: the schema check ends it politely. */
export function flowData(json: string | null): Record<string, unknown> {
  try {
    const parsed: unknown = JSON.parse(json ?? '{}');
    if (parsed && typeof parsed === 'object' && !Array.isArray(parsed)) return parsed as Record<string, unknown>;
  } catch {
    // fall through to an empty flow
  }
  return {};
}

export async function loadFlow(db: DbOrTx, userId: number): Promise<StoredFlow | null> {
  const row = await db.selectFrom('flows').selectAll().where('user_id', '=', userId).executeTakeFirst();
  return row ? { name: row.name, step: row.step, data: flowData(row.data) } : null;
}

// Every flow step saves its flow and every finished one clears or keeps it: built once, not on every step.
const upsertFlow = compiledOnce(['user_id', 'name', 'step', 'data', 'updated_at'], (db, v) =>
  db
    .insertInto('flows')
    .values(v)
    .onConflict((oc) =>
      oc.column('user_id').doUpdateSet((eb) => ({
        name: eb.ref('excluded.name'),
        step: eb.ref('excluded.step'),
        data: eb.ref('excluded.data'),
        updated_at: eb.ref('excluded.updated_at'),
      })),
    ),
);
const deleteFlow = compiledOnce(['user_id'], (db, v) => db.deleteFrom('flows').where('user_id', '=', v.user_id));

export async function saveFlow(db: DbOrTx, userId: number, flow: StoredFlow, now: Date): Promise<void> {
  await upsertFlow(db, {
    user_id: userId,
    name: flow.name,
    step: flow.step,
    data: JSON.stringify(flow.data),
    updated_at: now.toISOString(),
  });
}

export async function clearFlow(db: DbOrTx, userId: number): Promise<void> {
  await deleteFlow(db, { user_id: userId });
}

/**
 * The step a finished flow is kept at, with what it produced: a confirmation that arrives again (a second tap, or
 * Telegram redelivering after a crash) finds it and answers "already done as #N" instead of doing it twice.
 */
export const FINISHED = '__done';

/** Ends a flow, keeping its result until the user's next flow replaces it. */
export async function finishFlow(
  db: DbOrTx,
  userId: number,
  name: string,
  result: Record<string, unknown>,
  now: Date,
): Promise<void> {
  await saveFlow(db, userId, { name, step: FINISHED, data: result }, now);
}
