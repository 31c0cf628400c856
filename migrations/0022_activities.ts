import { type Kysely, sql } from 'kysely';

// Frozen: later changes go into new migrations.
// Community activities (issue 17): lectures, weekend classes, drills and outings, published to an audience, with
// sign-ups (for oneself or a child), a waitlist, reminders, check-in on the day, feedback and the figures of a report.
// A recurring series is a row of its own, and each of its sessions an activity that points to it.

const KINDS = `('lecture','class','drill','health','festival','outing','volunteering')`;
const AUDIENCES = `('all','community','compound','age','relief','volunteers')`;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('activity_series')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('sessions', 'integer', (c) => c.notNull().check(sql`sessions between 2 and 52`))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('activities')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('series_id', 'integer', (c) => c.references('activity_series.id'))
    .addColumn('session_no', 'integer')
    .addColumn('title_zh', 'text', (c) => c.notNull())
    // null: English readers see the Chinese, marked as such
    .addColumn('title_en', 'text')
    .addColumn('description_zh', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('description_en', 'text')
    .addColumn('kind', 'text', (c) => c.notNull().check(sql.raw(`kind in ${KINDS}`)))
    // The organiser: a partner (its name as it was when the activity was made), or the community when null.
    .addColumn('partner_id', 'integer', (c) => c.references('partners.id'))
    .addColumn('organiser_name', 'text')
    .addColumn('compound_id', 'integer', (c) => c.references('compounds.id'))
    .addColumn('place_zh', 'text', (c) => c.notNull())
    .addColumn('place_en', 'text')
    .addColumn('latitude', 'real')
    .addColumn('longitude', 'real')
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('starts_at', 'text', (c) => c.notNull())
    .addColumn('ends_at', 'text', (c) => c.notNull())
    .addColumn('audience', 'text', (c) => c.notNull().check(sql.raw(`audience in ${AUDIENCES}`)))
    .addColumn('audience_id', 'integer')
    .addColumn('age_min', 'integer')
    .addColumn('age_max', 'integer')
    // null: as many as come
    .addColumn('capacity', 'integer', (c) => c.check(sql`capacity is null or capacity > 0`))
    .addColumn('signup_needed', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('bring_zh', 'text')
    .addColumn('bring_en', 'text')
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('draft').check(sql`status in ('draft','published','cancelled')`),
    )
    // Bumped by every change after publishing: each change notice is a message of its own.
    .addColumn('revision', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('drill_people', 'integer')
    .addColumn('drill_seconds', 'integer')
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('published_at', 'text')
    .addColumn('cancelled_at', 'text')
    // The announcement goes to users with ids in (announce_after, announce_upto], a batch per transaction.
    .addColumn('announce_after', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('announce_upto', 'integer')
    .addColumn('announced_at', 'text')
    .addColumn('feedback_done_at', 'text')
    .addColumn('children_erased_at', 'text')
    .execute();
  await db.schema.createIndex('activities_date').on('activities').columns(['status', 'date']).execute();
  await db.schema.createIndex('activities_series').on('activities').columns(['series_id', 'date']).execute();
  await sql`create index activities_announcing on activities (id)
    where announce_upto is not null and announced_at is null`.execute(db);

  await db.schema
    .createTable('activity_signups')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id'))
    // null: a walk-in staff added by name
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('for_child', 'integer', (c) => c.notNull().defaultTo(0))
    // Kept only as long as the class runs: erased (and the sign-up kept for the figures) once it has ended.
    .addColumn('child_name', 'text')
    .addColumn('child_age', 'integer')
    .addColumn('walk_in_name', 'text')
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('booked','waiting','cancelled')`))
    .addColumn('whole_series', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('code', 'text')
    .addColumn('checked_in_at', 'text')
    .addColumn('checked_in_by', 'integer')
    .addColumn('checkin_method', 'text')
    // The start ('YYYY-MM-DD HH:MM') each reminder was queued for: an activity moved is reminded again.
    .addColumn('reminded_eve', 'text')
    .addColumn('reminded_soon', 'text')
    .addColumn('feedback_asked_at', 'text')
    .addColumn('rating', 'integer', (c) => c.check(sql`rating is null or rating between 1 and 5`))
    .addColumn('comment', 'text')
    .addColumn('rated_at', 'text')
    .addColumn('hours_credited_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('activity_signups_activity')
    .on('activity_signups')
    .columns(['activity_id', 'status'])
    .execute();
  await db.schema.createIndex('activity_signups_user').on('activity_signups').columns(['user_id', 'status']).execute();
  await sql`create unique index activity_signups_code on activity_signups (activity_id, code)
    where code is not null`.execute(db);
  // One place (or place in line) per person per session for themself; children are checked by name in the service.
  await sql`create unique index activity_signups_self on activity_signups (activity_id, user_id)
    where status in ('booked','waiting') and for_child = 0 and user_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const t of ['activity_signups', 'activities', 'activity_series'])
    await db.schema.dropTable(t).ifExists().execute();
}
