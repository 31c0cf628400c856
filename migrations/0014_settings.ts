import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// The deployment's own settings (issue 15): what a sub-district sets up in the chat — its name, office hours, the
// petition time limits — rather than in the environment. One row per key, the value as JSON.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('settings')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('value', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('settings').execute();
}
