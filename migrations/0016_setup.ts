import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// Setting a sub-district up in the chat (issue 15):
// - a compound has an address and, if the admin sent one, a point on the map; a community or compound that is no
//   longer offered is retired (a flag), never deleted: residents, bookings and petitions still refer to it;
// - the people who wrote before the set-up was finished, told it is being prepared, wait to be greeted when it is.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('compounds').addColumn('address', 'text').execute();
  await db.schema.alterTable('compounds').addColumn('latitude', 'real').execute();
  await db.schema.alterTable('compounds').addColumn('longitude', 'real').execute();
  await db.schema
    .alterTable('compounds')
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .alterTable('communities')
    .addColumn('retired', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createTable('setup_waiting')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    .addColumn('since', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('setup_waiting').execute();
  await db.schema.alterTable('communities').dropColumn('retired').execute();
  for (const c of ['retired', 'longitude', 'latitude', 'address'])
    await db.schema.alterTable('compounds').dropColumn(c).execute();
}
