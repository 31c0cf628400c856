import { type Kysely, sql } from 'kysely';
import { dropTriggers, isPostgres, pgRefuseChanges } from './engine';

// Frozen: later changes go into new migrations.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('communities')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('subdistrict', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('compounds')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id'))
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('rotation_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('compounds_community_name', ['community_id', 'name_zh'])
    .execute();
  await db.schema
    .createTable('users')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('first_name', 'text', (c) => c.notNull())
    .addColumn('last_name', 'text')
    .addColumn('username', 'text')
    .addColumn('tg_language', 'text')
    .addColumn('language', 'text')
    .addColumn('phone', 'text')
    .addColumn('community_id', 'integer', (c) => c.references('communities.id'))
    .addColumn('compound_id', 'integer', (c) => c.references('compounds.id'))
    .addColumn('onboarded', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('notices_opt_out', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('reachable', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('seen_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('users_compound').on('users').columns(['compound_id']).execute();
  await db.schema.createIndex('users_community').on('users').columns(['community_id']).execute();
  await db.schema
    .createTable('roles')
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('staff','deputy','admin','partner')`))
    .addColumn('granted_by', 'integer')
    .addColumn('granted_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('roles_pk', ['user_id', 'role'])
    .execute();
  await db.schema
    .createTable('invitations')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('role', 'text', (c) => c.notNull())
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_by', 'integer')
    .addColumn('used_at', 'text')
    .execute();
  await db.schema
    .createTable('audit_log')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('subject', 'text')
    .addColumn('details', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema.createIndex('audit_actor').on('audit_log').columns(['actor_id', 'at']).execute();
  // Append-only: the database itself refuses edits and deletions of the audit trail.
  if (isPostgres(db)) await pgRefuseChanges(db, 'audit_log', 'audit_log is append-only');
  else {
    await sql`create trigger audit_log_no_update before update on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db,
    );
    await sql`create trigger audit_log_no_delete before delete on audit_log begin select raise(abort, 'audit_log is append-only'); end`.execute(
      db,
    );
  }
  await db.schema
    .createTable('flows')
    .addColumn('user_id', 'integer', (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('step', 'text', (c) => c.notNull())
    .addColumn('data', 'text', (c) => c.notNull().defaultTo('{}'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // A broadcast's text is stored once here, not once per recipient (100,000 copies of a long notice).
  await db.schema
    .createTable('delivery_contents')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('content', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('deliveries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('dedupe_key', 'text', (c) => c.notNull().unique())
    .addColumn('chat_id', 'integer', (c) => c.notNull())
    .addColumn('user_id', 'integer')
    .addColumn('category', 'text', (c) => c.notNull().check(sql`category in ('notice','personal','staff')`))
    .addColumn('content', 'text')
    .addColumn('content_id', 'integer', (c) => c.references('delivery_contents.id'))
    .addColumn('state', 'text', (c) =>
      c.notNull().defaultTo('queued').check(sql`state in ('queued','sending','sent','failed','skipped')`),
    )
    .addColumn('reason', 'text')
    .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('next_attempt_at', 'text', (c) => c.notNull())
    .addColumn('tg_message_id', 'integer')
    .addColumn('broadcast_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addCheckConstraint('deliveries_has_content', sql`content is not null or content_id is not null`)
    .execute();
  await db.schema.createIndex('deliveries_due').on('deliveries').columns(['state', 'next_attempt_at']).execute();
  // Only the due index carries `state`: every message changes state twice, and each index holding it
  // would be rewritten each time — the cost that bounded a 100,000-recipient broadcast.
  await db.schema.createIndex('deliveries_broadcast').on('deliveries').columns(['broadcast_id']).execute();
  await db.schema.createIndex('deliveries_user').on('deliveries').columns(['user_id']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropTriggers(db, 'audit_log', 'audit_log_no_update', 'audit_log_no_delete');
  for (const t of [
    'deliveries',
    'delivery_contents',
    'flows',
    'audit_log',
    'invitations',
    'roles',
    'users',
    'compounds',
    'communities',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
