import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// Storage that stays small as history grows (issue 20): shared outbox contents can be found from their rows (so
// pruning old deliveries can remove contents no row uses), and a daily snapshot of table sizes to report growth.
export async function up(db: Kysely<any>): Promise<void> {
  // Partial: most rows carry their own content; only broadcast rows point at a shared one.
  await db.schema
    .createIndex('deliveries_content')
    .on('deliveries')
    .column('content_id')
    .where('content_id', 'is not', null)
    .execute();
  await db.schema
    .createTable('storage_snapshots')
    .addColumn('taken_on', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('bytes', 'integer', (c) => c.notNull())
    .addColumn('row_count', 'integer')
    .addPrimaryKeyConstraint('storage_snapshots_pk', ['taken_on', 'name'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('storage_snapshots').execute();
  await db.schema.dropIndex('deliveries_content').execute();
}
