import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// An activity's place on the map (issue 17): the point was already kept (latitude, longitude); a venue sent from
// Telegram, or a compound with an address, also has a street address, which residents are sent with the map pin.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activities').addColumn('place_address', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('activities').dropColumn('place_address').execute();
}
