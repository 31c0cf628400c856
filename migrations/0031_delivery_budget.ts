import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// Several instances on PostgreSQL (issue 19) share Telegram's limits: one global rate and one message a second per
// chat. The send schedule (the next free send slot) and each chat's next allowed send live in the database and are
// claimed together with the outbox rows, in one transaction. `claimed_by` names the instance sending a row, so the
// rows of an instance that died go back to the queue while the others' stay theirs. SQLite (one process) creates the
// same schema and keeps pacing in memory.
// The same `claimed_by` on handled_updates lets a webhook retry take over an update whose instance died at once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('delivery_budget')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    // epoch milliseconds of the next free send slot, fractional: at 2,000 a second slots are half a millisecond apart
    .addColumn('next_slot', 'real', (c) => c.notNull())
    .execute();
  await db.insertInto('delivery_budget').values({ id: 1, next_slot: 0 }).execute();
  await db.schema
    .createTable('delivery_chats')
    .addColumn('chat_id', 'integer', (c) => c.primaryKey())
    .addColumn('next_at', 'real', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('delivery_chats_next_at').on('delivery_chats').column('next_at').execute();
  await db.schema.alterTable('deliveries').addColumn('claimed_by', 'integer').execute();
  await db.schema.alterTable('handled_updates').addColumn('claimed_by', 'integer').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('handled_updates').dropColumn('claimed_by').execute();
  await db.schema.alterTable('deliveries').dropColumn('claimed_by').execute();
  await db.schema.dropTable('delivery_chats').execute();
  await db.schema.dropTable('delivery_budget').execute();
}
