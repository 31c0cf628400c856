import { type Kysely, sql } from 'kysely';

// Frozen: later changes go into new migrations.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('market_services')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('group_key', 'text', (c) => c.notNull().check(sql`group_key in ('repair','care','advice','daily')`))
    .addColumn('description_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('bring_zh', 'text')
    .addColumn('bring_en', 'text')
    .addColumn('needs_details', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('is_repair', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('default_capacity', 'integer', (c) => c.notNull().check(sql`default_capacity > 0`))
    .addColumn('minutes_per_ticket', 'integer', (c) => c.notNull().defaultTo(10))
    .addColumn('ticket_prefix', 'text', (c) => c.notNull())
    .addColumn('provider', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('market_days')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('compound_id', 'integer', (c) => c.notNull().references('compounds.id'))
    .addColumn('location', 'text', (c) => c.notNull())
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('close_hours_before', 'integer', (c) => c.notNull().defaultTo(12))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft','published','cancelled')`),
    )
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('market_days_date').on('market_days').columns(['status', 'date']).execute();
  await db.schema
    .createTable('market_offers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('market_id', 'integer', (c) => c.notNull().references('market_days.id'))
    .addColumn('service_id', 'integer', (c) => c.notNull().references('market_services.id'))
    .addColumn('capacity', 'integer', (c) => c.notNull().check(sql`capacity >= 0`))
    // Ticket numbers are never reused, even after a cancellation: a number called out means one person.
    .addColumn('tickets_issued', 'integer', (c) => c.notNull().defaultTo(0))
    .addUniqueConstraint('market_offers_unique', ['market_id', 'service_id'])
    .execute();
  await db.schema
    .createTable('market_bookings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('offer_id', 'integer', (c) => c.notNull().references('market_offers.id'))
    .addColumn('market_id', 'integer', (c) => c.notNull().references('market_days.id'))
    // null for a walk-in without Telegram
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('status', 'text', (c) =>
      c.notNull().check(sql`status in ('booked','waiting','cancelled','served','no_show')`),
    )
    .addColumn('ticket_no', 'integer')
    .addColumn('details', 'text')
    .addColumn('photo_file_id', 'text')
    .addColumn('walk_in', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('outcome', 'text', (c) => c.check(sql`outcome in ('served','fixed','not_fixable','needs_parts')`))
    .addColumn('outcome_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('served_at', 'text')
    .addColumn('hold_asked_at', 'text')
    .addColumn('hold_answer', 'text', (c) => c.check(sql`hold_answer in ('yes','no')`))
    .addColumn('hold_answered_at', 'text')
    .execute();
  // One active booking (or waitlist place) per service per person, enforced by the database itself.
  await sql`create unique index market_bookings_one_active on market_bookings (offer_id, user_id) where status in ('booked','waiting') and user_id is not null`.execute(
    db,
  );
  await sql`create unique index market_bookings_ticket on market_bookings (offer_id, ticket_no) where ticket_no is not null`.execute(
    db,
  );
  await db.schema.createIndex('market_bookings_user').on('market_bookings').columns(['user_id', 'status']).execute();
  await db.schema.createIndex('market_bookings_offer').on('market_bookings').columns(['offer_id', 'status']).execute();
  await db.schema
    .createIndex('market_bookings_market')
    .on('market_bookings')
    .columns(['market_id', 'status'])
    .execute();
  await db.schema
    .createTable('market_subscriptions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    // null = the market coming to any compound
    .addColumn('compound_id', 'integer', (c) => c.references('compounds.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // SQLite treats NULLs as distinct in UNIQUE; coalesce makes "any compound" one value.
  await sql`create unique index market_subscriptions_unique on market_subscriptions (user_id, coalesce(compound_id, 0))`.execute(
    db,
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['market_subscriptions', 'market_bookings', 'market_offers', 'market_days', 'market_services']) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
