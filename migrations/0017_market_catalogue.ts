import { type Kysely, sql } from 'kysely';

// Frozen: later changes go into new migrations.
// The market's catalogue and venues managed in the chat (issue 15):
// - a service may ask for a photo apart from a description (until now a described item was always asked for one);
// - each market day's offer keeps the names and ticket prefixes it was offered with, so renaming a service never
//   renames a ticket already held;
// - venues: the places market days are held at, picked with a button; a market day keeps the venue's name and
//   address as they were when it was scheduled. The places market days were already held at become venues.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('market_services')
    .addColumn('needs_photo', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await sql`update market_services set needs_photo = needs_details`.execute(db);

  for (const c of ['name_zh', 'name_en', 'ticket_prefix', 'ticket_prefix_en'])
    await db.schema.alterTable('market_offers').addColumn(c, 'text').execute();
  await sql`update market_offers set
      name_zh = (select s.name_zh from market_services s where s.id = market_offers.service_id),
      name_en = (select s.name_en from market_services s where s.id = market_offers.service_id),
      ticket_prefix = (select s.ticket_prefix from market_services s where s.id = market_offers.service_id),
      ticket_prefix_en = (select s.ticket_prefix_en from market_services s where s.id = market_offers.service_id)
    `.execute(db);

  await db.schema
    .createTable('market_venues')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('compound_id', 'integer', (c) => c.notNull().references('compounds.id'))
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .alterTable('market_days')
    .addColumn('address', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('market_days')
    .addColumn('venue_id', 'integer', (c) => c.references('market_venues.id'))
    .execute();

  // Each place already used (a compound and the place staff typed) becomes a venue, as it was last used.
  await sql`insert into market_venues (name_zh, name_en, compound_id, latitude, longitude, created_at, updated_at)
    select d.location, d.location_en, d.compound_id, d.latitude, d.longitude, d.created_at, d.created_at
    from market_days d
    where d.id = (select d2.id from market_days d2 where d2.compound_id = d.compound_id and d2.location = d.location
                  order by d2.date desc, d2.id desc limit 1)
    order by d.date, d.id`.execute(db);
  await sql`update market_days set venue_id = (select v.id from market_venues v
      where v.compound_id = market_days.compound_id and v.name_zh = market_days.location)`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('market_days').dropColumn('venue_id').execute();
  await db.schema.alterTable('market_days').dropColumn('address').execute();
  await db.schema.dropTable('market_venues').execute();
  for (const c of ['ticket_prefix_en', 'ticket_prefix', 'name_en', 'name_zh'])
    await db.schema.alterTable('market_offers').dropColumn(c).execute();
  await db.schema.alterTable('market_services').dropColumn('needs_photo').execute();
}
