import { type Kysely, sql } from 'kysely';

// Frozen: later changes go into new migrations.
// Several instances behind a load balancer (issue 19): Telegram retries a webhook POST that timed out, possibly to
// another instance. An update is claimed here before it is handled and marked done after, so it is handled once.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('handled_updates')
    .addColumn('update_id', 'integer', (c) => c.primaryKey())
    .addColumn('state', 'text', (c) => c.notNull().check(sql`state in ('handling', 'done')`))
    .addColumn('claimed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('handled_updates_claimed').on('handled_updates').column('claimed_at').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('handled_updates').execute();
}
