import { type Kysely, sql } from 'kysely';
import { isPostgres } from './engine';

// Frozen: later changes go into new migrations.
// Market cards that tell the truth, in both languages, and jobs that stay small (issues 13 and 20):
// - an English ticket prefix per service (磨刀-02 → Knife-02) and an optional English name for a market's place;
// - when a queue outcome was recorded, so it can be undone for the rest of that day;
// - which market date each reminder was queued for, so the reminder job reads only what is due and never relies on
//   an outbox row that retention may have removed;
// - a partial index of fixed repairs whose "did it hold?" question is still to be asked.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('market_services')
    .addColumn('ticket_prefix_en', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  // The first word of the English name (`instr` is SQLite's name for PostgreSQL's `strpos`).
  const instr = isPostgres(db) ? sql`strpos(trim(name_en), ' ')` : sql`instr(trim(name_en), ' ')`;
  const firstWord = sql`case when ${instr} > 0 then substr(trim(name_en), 1, ${instr} - 1) else trim(name_en) end`;
  // The demo catalogue's prefixes; any other service starts from the first word of its English name.
  await sql`update market_services set ticket_prefix_en = case code
      when 'knife' then 'Knife' when 'shoes' then 'Shoe' when 'sewing' then 'Sew' when 'appliance' then 'Appliance'
      when 'umbrella' then 'Umbrella' when 'keys' then 'Key' when 'watch' then 'Watch' when 'glasses' then 'Glasses'
      when 'bike' then 'Bike' when 'haircut' then 'Hair' when 'bp' then 'BP' when 'sugar' then 'Sugar'
      when 'massage' then 'Massage' when 'legal' then 'Legal' when 'phone' then 'Phone' when 'antifraud' then 'Fraud'
      when 'policy' then 'Insurance' when 'housework' then 'Home' when 'photo' then 'Photo' when 'clean' then 'Clean'
      else ${firstWord}
    end`.execute(db);
  await db.schema.alterTable('market_days').addColumn('location_en', 'text').execute();

  await db.schema.alterTable('market_bookings').addColumn('outcome_at', 'text').execute();
  await sql`update market_bookings set outcome_at = coalesce(served_at, updated_at)
    where status in ('served', 'no_show')`.execute(db);

  await db.schema.alterTable('market_bookings').addColumn('reminded_eve_on', 'text').execute();
  await db.schema.alterTable('market_bookings').addColumn('reminded_morn_on', 'text').execute();
  // Reminders queued before this migration were guarded by their outbox key alone: record them.
  for (const [column, kind] of [
    ['reminded_eve_on', 'eve'],
    ['reminded_morn_on', 'morn'],
  ] as const) {
    const prefix = `market:remind-${kind}:`;
    await sql`update market_bookings
      set ${sql.ref(column)} = (select d.date from market_days d where d.id = market_bookings.market_id)
      where exists (select 1 from deliveries x where x.dedupe_key = ${prefix} || market_bookings.id)`.execute(db);
  }

  await sql`create index market_bookings_hold_due on market_bookings (served_at)
    where outcome = 'fixed' and hold_asked_at is null and user_id is not null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('market_bookings_hold_due').execute();
  for (const c of ['reminded_morn_on', 'reminded_eve_on', 'outcome_at'])
    await db.schema.alterTable('market_bookings').dropColumn(c).execute();
  await db.schema.alterTable('market_days').dropColumn('location_en').execute();
  await db.schema.alterTable('market_services').dropColumn('ticket_prefix_en').execute();
}
