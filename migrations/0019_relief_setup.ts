import { type Kysely, sql } from 'kysely';

// Frozen: later changes go into new migrations.
// Relief for issue 15:
// - which pickup settings someone has actually set (the charity supermarket's set-up step is done once its name,
//   address, day and hours have each been set, rather than running on the defaults the first migration wrote);
//   settings changed in the bot before this migration count, read from the audit trail;
// - whether staff have answered a "please contact me" request, so the open ones are a to-do on the workbench.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('relief_settings')
    .addColumn('set_fields', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await sql`update relief_settings set set_fields = coalesce((
      select group_concat(field, ',') from (
        select distinct json_extract(details, '$.field') as field from audit_log
        where action = 'relief.settings.update' and json_valid(details) and json_extract(details, '$.field') is not null
      )), '')`.execute(db);

  await db.schema.alterTable('relief_inquiries').addColumn('answered_at', 'text').execute();
  await db.schema.alterTable('relief_inquiries').addColumn('answered_by', 'integer').execute();
  await sql`create index relief_inquiries_open on relief_inquiries (asked_at) where answered_at is null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('relief_inquiries_open').ifExists().execute();
  await db.schema.alterTable('relief_inquiries').dropColumn('answered_by').execute();
  await db.schema.alterTable('relief_inquiries').dropColumn('answered_at').execute();
  await db.schema.alterTable('relief_settings').dropColumn('set_fields').execute();
}
