import { type Kysely, sql } from 'kysely';

// Frozen: later changes go into new migrations.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('relief_recipients')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('dibao','tekun','disabled','elderly_alone','other')`),
    )
    .addColumn('phone', 'text')
    .addColumn('notes', 'text')
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  // One Telegram account is one person on the roster; relinking moves the link, never duplicates it.
  await sql`create unique index relief_recipients_user on relief_recipients (user_id) where user_id is not null`.execute(
    db,
  );
  await db.schema.createIndex('relief_recipients_name').on('relief_recipients').columns(['name']).execute();

  await db.schema
    .createTable('relief_proxies')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('recipient_id', 'integer', (c) => c.notNull().references('relief_recipients.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('relief_proxies_recipient').on('relief_proxies').columns(['recipient_id']).execute();
  await db.schema.createIndex('relief_proxies_user').on('relief_proxies').columns(['user_id']).execute();

  // One-time deep links: proxy_id null links the recipient (or a family member who then becomes a proxy).
  await db.schema
    .createTable('relief_links')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('recipient_id', 'integer', (c) => c.notNull().references('relief_recipients.id'))
    .addColumn('proxy_id', 'integer', (c) => c.references('relief_proxies.id'))
    .addColumn('created_by', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .addColumn('used_by', 'integer')
    .addColumn('used_at', 'text')
    .execute();

  await db.schema
    .createTable('relief_codes')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'integer', (c) => c.notNull().references('relief_recipients.id'))
    .addColumn('code', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relief_codes_pk', ['month', 'recipient_id'])
    .addUniqueConstraint('relief_codes_month_code', ['month', 'code'])
    .execute();

  await db.schema
    .createTable('relief_pickups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('recipient_id', 'integer', (c) => c.notNull().references('relief_recipients.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('collected_at', 'text', (c) => c.notNull())
    .addColumn('staff_id', 'integer', (c) => c.notNull())
    .addColumn('proxy_id', 'integer', (c) => c.references('relief_proxies.id'))
    .addColumn('proxy_name', 'text')
    .addColumn('festival_extras', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('method', 'text', (c) => c.notNull().check(sql`method in ('code','search')`))
    // The database itself refuses a second pickup of the same month, whatever the race.
    .addUniqueConstraint('relief_pickups_once', ['recipient_id', 'month'])
    .execute();
  await db.schema.createIndex('relief_pickups_month').on('relief_pickups').columns(['month']).execute();

  // "Will come later this week" answers to the no-show offer, shown to staff in the summary.
  await db.schema
    .createTable('relief_later')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('recipient_id', 'integer', (c) => c.notNull().references('relief_recipients.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('relief_later_pk', ['month', 'recipient_id'])
    .execute();

  await db.schema
    .createTable('relief_settings')
    .addColumn('id', 'integer', (c) => c.primaryKey().check(sql`id = 1`))
    // Up to the 28th so every month has the day.
    .addColumn('pickup_day', 'integer', (c) => c.notNull().check(sql`pickup_day between 1 and 28`))
    .addColumn('hours_from', 'text', (c) => c.notNull())
    .addColumn('hours_to', 'text', (c) => c.notNull())
    .addColumn('place_zh', 'text', (c) => c.notNull())
    .addColumn('place_en', 'text', (c) => c.notNull())
    .addColumn('makeup_days', 'integer', (c) => c.notNull().check(sql`makeup_days between 0 and 20`))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'integer')
    .execute();
  await db
    .insertInto('relief_settings')
    .values({
      id: 1,
      pickup_day: 5,
      hours_from: '09:00',
      hours_to: '11:30',
      place_zh: 'IGO慈善超市',
      place_en: 'IGO Charity Supermarket',
      makeup_days: 3,
      updated_at: '1970-01-01T00:00:00.000Z',
      updated_by: null,
    })
    .execute();

  await db.schema
    .createTable('relief_holidays')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('extras_zh', 'text', (c) => c.notNull())
    .addColumn('extras_en', 'text', (c) => c.notNull())
    .addUniqueConstraint('relief_holidays_date_name', ['date', 'name_zh'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'relief_holidays',
    'relief_settings',
    'relief_later',
    'relief_pickups',
    'relief_codes',
    'relief_links',
    'relief_proxies',
    'relief_recipients',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
