import type { z } from 'zod';
import type { Clock } from '../core/clock';
import type { Db, DbOrTx } from '../db/schema';
import { recordAudit } from '../identity/audit';

/**
 * A setting: its key, the shape of its value, and what holds until someone sets it (usually from configuration, so
 * a deployment configured by environment keeps working). Declared where it is used (`petitions/policy.ts` …).
 */
export interface SettingSpec<T> {
  key: string;
  schema: z.ZodType<T>;
  fallback: () => T;
}

export const defineSetting = <T>(key: string, schema: z.ZodType<T>, fallback: () => T): SettingSpec<T> => ({
  key,
  schema,
  fallback,
});

/**
 * The deployment's settings, read from memory (the table is small and loaded once, at start, after migrating),
 * written through and audited. Before `load()` — a fresh test database — every setting is its fallback.
 */
export type Settings = ReturnType<typeof createSettings>;

export function createSettings(db: Db, clock: Clock) {
  const values = new Map<string, unknown>();
  const listeners = new Set<(key: string) => void>();
  return {
    async load(): Promise<void> {
      values.clear();
      for (const r of await db.selectFrom('settings').select(['key', 'value']).execute()) {
        try {
          values.set(r.key, JSON.parse(r.value));
        } catch {
          // a damaged value falls back to the default rather than stopping the bot
        }
      }
    },
    /** The value, or the fallback while nobody has set it (or what is stored no longer fits the schema). */
    get<T>(spec: SettingSpec<T>): T {
      if (!values.has(spec.key)) return spec.fallback();
      const parsed = spec.schema.safeParse(values.get(spec.key));
      return parsed.success ? parsed.data : spec.fallback();
    },
    /** Whether someone has set it (the set-up walk-through asks only what is missing). */
    isSet: (spec: SettingSpec<unknown>) => values.has(spec.key),
    /** Sets and audits it in the caller's transaction (or its own); the new value is seen at once. */
    async set<T>(actorId: number | null, spec: SettingSpec<T>, value: T, trx?: DbOrTx): Promise<void> {
      const checked = spec.schema.parse(value);
      const at = clock.now();
      const write = async (t: DbOrTx) => {
        const row = {
          key: spec.key,
          value: JSON.stringify(checked),
          updated_at: at.toISOString(),
          updated_by: actorId,
        };
        await t
          .insertInto('settings')
          .values(row)
          .onConflict((oc) =>
            oc.column('key').doUpdateSet({ value: row.value, updated_at: row.updated_at, updated_by: actorId }),
          )
          .execute();
        await recordAudit(t, { actorId, action: 'settings.set', subject: spec.key, details: { value: checked } }, at);
      };
      if (trx) await write(trx);
      else await db.transaction().execute(write);
      values.set(spec.key, checked);
      for (const l of listeners) l(spec.key);
    },
    /** Caches built from settings (an office-hours table, a policy) are told when one changes. */
    onChange(listener: (key: string) => void): () => void {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
