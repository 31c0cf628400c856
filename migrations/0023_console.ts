import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// The staff console (issue 16): one-time login links the bot sends with /console, and the browser sessions they
// open. Only a SHA-256 of each token is kept, so a copy of the database opens no one's console.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('console_login_links')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createTable('console_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    // The form token of this session (not a secret of the database's: it is in every page the session sees).
    .addColumn('csrf', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('ended_at', 'text')
    .execute();
  // Logout ends every session of the person: found by user.
  await db.schema.createIndex('console_sessions_user').on('console_sessions').columns(['user_id']).execute();
  // The console's petitions board filters by status (open, overdue) over years of history, newest first.
  await db.schema.createIndex('petitions_board_status').on('petitions').columns(['status', 'id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('petitions_board_status').ifExists().execute();
  await db.schema.dropTable('console_sessions').ifExists().execute();
  await db.schema.dropTable('console_login_links').ifExists().execute();
}
