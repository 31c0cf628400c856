import { type Kysely, sql } from 'kysely';

// Frozen: later changes go into new migrations.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('notice_broadcasts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // The preview's one-time key: a second tap on "send" (or a retry after a crash) cannot create a second broadcast.
    .addColumn('draft_key', 'text', (c) => c.notNull().unique())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('notice','personal','staff')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('entities', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('photo', 'text')
    .addColumn('send_at', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('active').check(sql`state in ('active','cancelled','done')`),
    )
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .addColumn('progress_message_id', 'integer')
    .addColumn('stopped_by', 'integer')
    .addColumn('stopped_at', 'text')
    .addColumn('finished_at', 'text')
    .addColumn('sent', 'integer')
    .addColumn('failed', 'integer')
    .addColumn('unreachable', 'integer')
    .addColumn('skipped', 'integer')
    .execute();
  await db.schema
    .createIndex('notice_broadcasts_state')
    .on('notice_broadcasts')
    .columns(['state', 'send_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('notice_broadcasts').ifExists().execute();
}
