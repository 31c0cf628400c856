import { type Kysely, sql } from 'kysely';
import { dropTriggers, isPostgres, pgTrigger } from './engine';

// Frozen: later changes go into new migrations.
// Relief, fund and notices for issues 13, 14 and 20:
// - a broadcast keeps its own counters, moved by triggers as its outbox rows change state (the progress message reads
//   one row instead of counting 48,000 every 3 s), and is expanded into outbox rows in batches after the confirm;
// - the relief pickup's address, the "please contact me" requests of people not on the roster, and which stage of a
//   month's cycle was queued (so the job is done once instead of rebuilding every message every five minutes);
// - active pledges found through a partial index.

// What a delivery counts as on its broadcast: unreachable is a skip for that reason, apart from other skips.
const BUCKETS = ['queued', 'sending', 'sent', 'failed', 'unreachable', 'skipped'] as const;
// SQLite's `is` / `is not` are PostgreSQL's `is not distinct from` / `is distinct from`; PostgreSQL adds a boolean
// to a number only once cast (`::int`).
const is = (row: 'old' | 'new', bucket: (typeof BUCKETS)[number], pg = false) =>
  `${
    bucket === 'unreachable'
      ? `(${row}.state = 'skipped' and ${row}.reason ${pg ? 'is not distinct from' : 'is'} 'unreachable')`
      : bucket === 'skipped'
        ? `(${row}.state = 'skipped' and ${row}.reason ${pg ? 'is distinct from' : 'is not'} 'unreachable')`
        : `(${row}.state = '${bucket}')`
  }${pg ? '::int' : ''}`;

export async function up(db: Kysely<any>): Promise<void> {
  const broadcasts = () => db.schema.alterTable('notice_broadcasts');
  for (const b of BUCKETS)
    await broadcasts()
      .addColumn(`n_${b}`, 'integer', (c) => c.notNull().defaultTo(0))
      .execute();
  // Recipients are users with ids in (expand_after, expand_upto]; expanded_at is set once all have their row.
  await broadcasts()
    .addColumn('expand_after', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await broadcasts().addColumn('expand_upto', 'integer').execute();
  await broadcasts().addColumn('expanded_at', 'text').execute();
  // Broadcasts confirmed before this migration were expanded at once: their counters start from their rows.
  await sql`update notice_broadcasts set expanded_at = created_at`.execute(db);
  const pg = isPostgres(db);
  for (const b of BUCKETS) {
    const where = is('new', b, pg)
      .replace(/::int$/, '')
      .replaceAll('new.', 'd.');
    await sql
      .raw(
        `update notice_broadcasts set n_${b} = (select count(*) from deliveries d
          where d.broadcast_id = notice_broadcasts.id and ${where})`,
      )
      .execute(db);
  }
  await sql`create index notice_broadcasts_expanding on notice_broadcasts (id) where expanded_at is null`.execute(db);

  if (pg) {
    const add = BUCKETS.map((b) => `n_${b} = n_${b} + ${is('new', b, true)}`).join(', ');
    await pgTrigger(
      db,
      'deliveries_broadcast_insert',
      'after insert',
      'deliveries',
      `update notice_broadcasts set ${add} where id = new.broadcast_id; return null;`,
      'new.broadcast_id is not null',
    );
    const move = BUCKETS.map((b) => `n_${b} = n_${b} - ${is('old', b, true)} + ${is('new', b, true)}`).join(', ');
    await pgTrigger(
      db,
      'deliveries_broadcast_update',
      'after update of state, reason',
      'deliveries',
      `update notice_broadcasts set ${move} where id = new.broadcast_id; return null;`,
      'new.broadcast_id is not null and (old.state is distinct from new.state or old.reason is distinct from new.reason)',
    );
  } else {
    const add = BUCKETS.map((b) => `n_${b} = n_${b} + ${is('new', b)}`).join(', ');
    await sql
      .raw(
        `create trigger deliveries_broadcast_insert after insert on deliveries when new.broadcast_id is not null
         begin update notice_broadcasts set ${add} where id = new.broadcast_id; end`,
      )
      .execute(db);
    const move = BUCKETS.map((b) => `n_${b} = n_${b} - ${is('old', b)} + ${is('new', b)}`).join(', ');
    await sql
      .raw(
        `create trigger deliveries_broadcast_update after update of state, reason on deliveries
         when new.broadcast_id is not null and (old.state is not new.state or old.reason is not new.reason)
         begin update notice_broadcasts set ${move} where id = new.broadcast_id; end`,
      )
      .execute(db);
  }

  await db.schema
    .alterTable('relief_settings')
    .addColumn('address_zh', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .alterTable('relief_settings')
    .addColumn('address_en', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema
    .createTable('relief_inquiries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('asked_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('relief_inquiries_user')
    .on('relief_inquiries')
    .columns(['user_id', 'asked_at'])
    .execute();
  await db.schema
    .createTable('relief_cycle_runs')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('stage', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('messages', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('relief_cycle_runs_pk', ['month', 'stage'])
    .execute();

  await sql`create index fund_pledges_active on fund_pledges (day_of_month) where status = 'active'`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('fund_pledges_active').ifExists().execute();
  await db.schema.dropTable('relief_cycle_runs').ifExists().execute();
  await db.schema.dropTable('relief_inquiries').ifExists().execute();
  await db.schema.alterTable('relief_settings').dropColumn('address_en').execute();
  await db.schema.alterTable('relief_settings').dropColumn('address_zh').execute();
  await dropTriggers(db, 'deliveries', 'deliveries_broadcast_update', 'deliveries_broadcast_insert');
  await db.schema.dropIndex('notice_broadcasts_expanding').ifExists().execute();
  for (const c of ['expanded_at', 'expand_upto', 'expand_after', ...BUCKETS.map((b) => `n_${b}`)])
    await db.schema.alterTable('notice_broadcasts').dropColumn(c).execute();
}
