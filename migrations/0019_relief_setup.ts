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
  // Read in TypeScript (JSON functions differ between SQLite and PostgreSQL); a few rows at most.
  const updates = await db
    .selectFrom('audit_log')
    .select('details')
    .where('action', '=', 'relief.settings.update')
    .execute();
  const fields = new Set<string>();
  for (const { details } of updates) {
    try {
      const field = (JSON.parse(details) as { field?: unknown }).field;
      if (typeof field === 'string' && field) fields.add(field);
    } catch {
      // Not JSON: it names no field.
    }
  }
  if (fields.size)
    await db
      .updateTable('relief_settings')
      .set({ set_fields: [...fields].join(',') })
      .execute();

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
