import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// Each update's effect exactly once across instances (issue 19): a handler's transaction records, with the change it
// commits, that the update's effect is in. A retry of an update whose instance died after that commit does nothing
// to the data; it only answers the person, who may not have had the reply.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('handled_updates').addColumn('committed_at', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('handled_updates').dropColumn('committed_at').execute();
}
