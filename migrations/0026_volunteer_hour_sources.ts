import { type Kysely, sql } from 'kysely';

// Frozen: later changes go into new migrations.
// Hours earned in another area (a volunteering activity's attendance, issue 17) carry the key of what earned them,
// e.g. `activity:<session>:<user>`: a job that runs twice, or a second check-in, can never credit the same time twice.
// Hours logged from a shift keep their own guard (volunteer_hours_shift) and no source.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('volunteer_hours').addColumn('source', 'text').execute();
  await sql`create unique index volunteer_hours_source on volunteer_hours (source) where source is not null`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('volunteer_hours_source').execute();
  await db.schema.alterTable('volunteer_hours').dropColumn('source').execute();
}
