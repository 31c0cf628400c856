import { type Kysely, PostgresAdapter, sql } from 'kysely';

// Migrations carry both engines' forms where SQLite and PostgreSQL differ (triggers above all). What is the same
// on both is written once with Kysely's schema builder; `integer` and `autoIncrement()` are translated for
// PostgreSQL by its dialect (src/db/postgres.ts). This file holds only what both engines' forms need; it is as
// frozen as the migrations that use it.

type AnyDb = Kysely<any>;

export function isPostgres(db: AnyDb): boolean {
  return db.getExecutor().adapter instanceof PostgresAdapter;
}

/**
 * PostgreSQL: a trigger calls a function. `body` is PL/pgSQL run for each row (`new`/`old` as in SQLite);
 * `event` e.g. 'before update', 'after update of state, reason'; `when` the optional row condition.
 */
export async function pgTrigger(
  db: AnyDb,
  name: string,
  event: string,
  table: string,
  body: string,
  when?: string,
): Promise<void> {
  await sql.raw(`create function ${name}_fn() returns trigger language plpgsql as $$ begin ${body} end $$`).execute(db);
  await sql
    .raw(
      `create trigger ${name} ${event} on ${table} for each row ${when ? `when (${when})` : ''}
       execute function ${name}_fn()`,
    )
    .execute(db);
}

/** The table refuses updates and deletes (an append-only log, an immutable ledger), on either engine. */
export async function pgRefuseChanges(db: AnyDb, table: string, message: string): Promise<void> {
  for (const op of ['update', 'delete'])
    await pgTrigger(db, `${table}_no_${op}`, `before ${op}`, table, `raise exception '${message}';`);
}

/**
 * A `down` drops triggers on either engine: on PostgreSQL the trigger and the function pgTrigger made for it (a
 * function left behind would make the next `up` fail), on SQLite the trigger of that name.
 */
export async function dropTriggers(db: AnyDb, table: string, ...names: string[]): Promise<void> {
  for (const name of names) {
    if (isPostgres(db)) {
      await sql.raw(`drop trigger if exists ${name} on ${table}`).execute(db);
      await sql.raw(`drop function if exists ${name}_fn()`).execute(db);
    } else await sql.raw(`drop trigger if exists ${name}`).execute(db);
  }
}
