import { type Kysely, sql } from 'kysely';

// Frozen: later changes go into new migrations.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('petition_departments')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name_zh', 'text', (c) => c.notNull().unique())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .execute();
  await db.schema
    .createTable('petition_deputies')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id'))
    // null = every category of that community
    .addColumn('category', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  // SQLite treats NULLs as distinct in UNIQUE; coalesce makes "all categories" one value.
  await sql`create unique index petition_deputies_unique on petition_deputies (user_id, community_id, coalesce(category, ''))`.execute(
    db,
  );
  await db.schema
    .createTable('petitions')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('petitioner_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('community_id', 'integer', (c) => c.references('communities.id'))
    .addColumn('compound_id', 'integer', (c) => c.references('compounds.id'))
    .addColumn('category', 'text', (c) =>
      c.notNull().check(sql`category in ('roads','safety','sanitation','noise','facilities','other')`),
    )
    .addColumn('place', 'text', (c) => c.notNull())
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('show_name', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('submitted')
        .check(
          sql`status in ('submitted','accepted','investigating','transferred','reopened','resolved','unresolvable')`,
        ),
    )
    .addColumn('department_id', 'integer', (c) => c.references('petition_departments.id'))
    .addColumn('status_note', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('ack_due_at', 'text', (c) => c.notNull())
    .addColumn('answer_due_at', 'text', (c) => c.notNull())
    .addColumn('acknowledged_at', 'text')
    .addColumn('acknowledged_by', 'integer')
    .addColumn('answered_at', 'text')
    .addColumn('answered_by', 'integer')
    .addColumn('round', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('occurrences', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('solved', 'text', (c) => c.check(sql`solved in ('yes','partly','no')`))
    .addColumn('satisfaction', 'integer', (c) => c.check(sql`satisfaction between 1 and 5`))
    .addColumn('feedback_at', 'text')
    .execute();
  await db.schema
    .createIndex('petitions_open')
    .on('petitions')
    .columns(['community_id', 'category', 'status'])
    .execute();
  await db.schema
    .createIndex('petitions_petitioner')
    .on('petitions')
    .columns(['petitioner_id', 'created_at'])
    .execute();
  await db.schema
    .createTable('petition_followers')
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('owner','cosigner')`))
    .addColumn('show_name', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    // for the hourly digest of status changes
    .addColumn('last_notice_at', 'text')
    .addColumn('digest_at', 'text')
    .addPrimaryKeyConstraint('petition_followers_pk', ['petition_id', 'user_id'])
    .execute();
  await db.schema.createIndex('petition_followers_user').on('petition_followers').columns(['user_id']).execute();
  await db.schema
    .createTable('petition_events')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('actor_id', 'integer')
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('status', 'text')
    .addColumn('department_id', 'integer', (c) => c.references('petition_departments.id'))
    .addColumn('text', 'text')
    .addColumn('occurred_on', 'text')
    .addColumn('photo_file_id', 'text')
    .addColumn('meeting_id', 'integer')
    .execute();
  await db.schema
    .createIndex('petition_events_petition')
    .on('petition_events')
    .columns(['petition_id', 'id'])
    .execute();
  await db.schema
    .createTable('petition_photos')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id'))
    .addColumn('file_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('petition_meetings')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('deputy_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('held_on', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('petition_meeting_departments')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('petition_meetings.id'))
    .addColumn('department_id', 'integer', (c) => c.notNull().references('petition_departments.id'))
    .addPrimaryKeyConstraint('petition_meeting_departments_pk', ['meeting_id', 'department_id'])
    .execute();
  await db.schema
    .createTable('petition_meeting_items')
    .addColumn('meeting_id', 'integer', (c) => c.notNull().references('petition_meetings.id'))
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id'))
    .addPrimaryKeyConstraint('petition_meeting_items_pk', ['meeting_id', 'petition_id'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of [
    'petition_meeting_items',
    'petition_meeting_departments',
    'petition_meetings',
    'petition_photos',
    'petition_events',
    'petition_followers',
    'petitions',
    'petition_deputies',
    'petition_departments',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
