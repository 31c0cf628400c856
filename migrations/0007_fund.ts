import { type Kysely, sql } from 'kysely';
import { dropTriggers, isPostgres, pgRefuseChanges, pgTrigger } from './engine';

// Frozen: later changes go into new migrations.
// Community fund ledger, monthly pledges and statements; partner directory; volunteer teams, shifts and hours.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('partners')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('type', 'text', (c) =>
      c.notNull().check(sql`type in ('individual','business','group','association','property','new_economy')`),
    )
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    // Only staff see this: a phone number or a person to ask for.
    .addColumn('contact', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('partner_offers')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('partner_id', 'integer', (c) => c.notNull().references('partners.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('service','discount','space','money')`))
    .addColumn('detail', 'text', (c) => c.notNull().defaultTo(''))
    .execute();
  await db.schema.createIndex('partner_offers_partner').on('partner_offers').columns(['partner_id']).execute();

  await db.schema
    .createTable('fund_pledges')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('partner_id', 'integer', (c) => c.references('partners.id'))
    .addColumn('amount_fen', 'integer', (c) => c.notNull().check(sql`amount_fen > 0`))
    .addColumn('day_of_month', 'integer', (c) => c.notNull().check(sql`day_of_month between 1 and 28`))
    .addColumn('show_name', 'integer', (c) => c.notNull().defaultTo(0))
    // 'YYYY-MM' of the first month reminded
    .addColumn('start_month', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull().defaultTo('active').check(sql`status in ('active','cancelled')`))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('cancelled_at', 'text')
    .execute();
  await db.schema.createIndex('fund_pledges_user').on('fund_pledges').columns(['user_id', 'status']).execute();

  await db.schema
    .createTable('fund_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('entry_date', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull().check(sql`direction in ('income','expense')`))
    .addColumn('kind', 'text')
    // income: the purpose the money is restricted to (null = free to use); expense: what it paid for
    .addColumn('purpose', 'text', (c) => c.check(sql`purpose in ('relief','facilities','groups','other')`))
    .addColumn('amount_fen', 'integer', (c) => c.notNull())
    .addColumn('donor_kind', 'text', (c) => c.check(sql`donor_kind in ('partner','resident','anonymous')`))
    .addColumn('partner_id', 'integer', (c) => c.references('partners.id'))
    .addColumn('donor_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('donor_name', 'text')
    // 1 only when the donor agreed to be named in public
    .addColumn('donor_public', 'integer', (c) => c.notNull().defaultTo(0).check(sql`donor_public in (0,1)`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('ref', 'text', (c) => c.unique())
    .addColumn('pledge_id', 'integer', (c) => c.references('fund_pledges.id'))
    .addColumn('reverses_id', 'integer', (c) => c.unique().references('fund_entries.id'))
    .addColumn('source', 'text', (c) => c.notNull().check(sql`source in ('bot','import','seed','pledge')`))
    .addColumn('recorded_by', 'integer')
    .addColumn('recorded_at', 'text', (c) => c.notNull())
    .addCheckConstraint(
      'fund_entries_shape',
      sql`(direction = 'income' and kind in ('directed','consumption','monthly','service','shop','other') and donor_kind is not null)
        or (direction = 'expense' and kind is null and purpose is not null and donor_kind is null)`,
    )
    // A correction is a negative copy of the entry it reverses; every other entry is positive.
    .addCheckConstraint(
      'fund_entries_sign',
      sql`(reverses_id is null and amount_fen > 0) or (reverses_id is not null and amount_fen < 0)`,
    )
    .execute();
  await db.schema.createIndex('fund_entries_date').on('fund_entries').columns(['entry_date']).execute();
  // The ledger is immutable: the database itself refuses edits and deletions, and any "reversal" that is not an exact mirror.
  if (isPostgres(db)) {
    await pgRefuseChanges(db, 'fund_entries', 'fund_entries is immutable; record a reversing entry');
    await pgTrigger(
      db,
      'fund_entries_reversal_mirrors',
      'before insert',
      'fund_entries',
      `if not exists (select 1 from fund_entries o where o.id = new.reverses_id and o.reverses_id is null
        and o.amount_fen = -new.amount_fen and o.direction = new.direction
        and o.kind is not distinct from new.kind and o.purpose is not distinct from new.purpose) then
        raise exception 'a reversal must mirror an entry that is not itself a reversal';
      end if;
      return new;`,
      'new.reverses_id is not null',
    );
  } else {
    await sql`create trigger fund_entries_no_update before update on fund_entries begin select raise(abort, 'fund_entries is immutable; record a reversing entry'); end`.execute(
      db,
    );
    await sql`create trigger fund_entries_no_delete before delete on fund_entries begin select raise(abort, 'fund_entries is immutable; record a reversing entry'); end`.execute(
      db,
    );
    await sql`create trigger fund_entries_reversal_mirrors before insert on fund_entries when new.reverses_id is not null begin
      select raise(abort, 'a reversal must mirror an entry that is not itself a reversal')
      where not exists (select 1 from fund_entries o where o.id = new.reverses_id and o.reverses_id is null
        and o.amount_fen = -new.amount_fen and o.direction = new.direction and o.kind is new.kind and o.purpose is new.purpose);
    end`.execute(db);
  }

  await db.schema
    .createTable('fund_pledge_months')
    .addColumn('pledge_id', 'integer', (c) => c.notNull().references('fund_pledges.id'))
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('reminded_at', 'text', (c) => c.notNull())
    .addColumn('entry_id', 'integer', (c) => c.references('fund_entries.id'))
    .addColumn('confirmed_by', 'integer')
    .addColumn('confirmed_at', 'text')
    .addPrimaryKeyConstraint('fund_pledge_months_pk', ['pledge_id', 'month'])
    .execute();

  await db.schema
    .createTable('fund_subscribers')
    .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id'))
    .addColumn('subscribed_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('fund_statements')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('volunteer_teams')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('description', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('partner_id', 'integer', (c) => c.references('partners.id'))
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('volunteer_members')
    .addColumn('team_id', 'integer', (c) => c.notNull().references('volunteer_teams.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('status', 'text', (c) => c.notNull().check(sql`status in ('pending','approved','rejected','left')`))
    .addColumn('applied_at', 'text', (c) => c.notNull())
    .addColumn('decided_by', 'integer')
    .addColumn('decided_at', 'text')
    .addPrimaryKeyConstraint('volunteer_members_pk', ['team_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('volunteer_members_user')
    .on('volunteer_members')
    .columns(['user_id', 'status'])
    .execute();
  await db.schema
    .createTable('volunteer_team_messages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('team_id', 'integer', (c) => c.notNull().references('volunteer_teams.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('sent_by', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .addColumn('recipients', 'integer', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('volunteer_shifts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('team_id', 'integer', (c) => c.notNull().references('volunteer_teams.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes between 15 and 1440`))
    .addColumn('slots', 'integer', (c) => c.notNull().check(sql`slots between 1 and 100`))
    .addColumn('status', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`status in ('open','cancelled','logged')`),
    )
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('volunteer_shifts_date').on('volunteer_shifts').columns(['date', 'team_id']).execute();
  await db.schema
    .createTable('volunteer_shift_takers')
    .addColumn('shift_id', 'integer', (c) => c.notNull().references('volunteer_shifts.id'))
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('taken_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('volunteer_shift_takers_pk', ['shift_id', 'user_id'])
    .execute();
  await db.schema
    .createTable('volunteer_hours')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('team_id', 'integer', (c) => c.notNull().references('volunteer_teams.id'))
    .addColumn('shift_id', 'integer', (c) => c.references('volunteer_shifts.id'))
    .addColumn('date', 'text', (c) => c.notNull())
    .addColumn('minutes', 'integer', (c) => c.notNull().check(sql`minutes > 0 and minutes <= 1440`))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('logged_by', 'integer')
    .addColumn('logged_at', 'text', (c) => c.notNull())
    .execute();
  // One log per volunteer per shift: logging a shift twice cannot double anyone's hours.
  await sql`create unique index volunteer_hours_shift on volunteer_hours (shift_id, user_id) where shift_id is not null`.execute(
    db,
  );
  await db.schema.createIndex('volunteer_hours_user').on('volunteer_hours').columns(['user_id', 'date']).execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await dropTriggers(
    db,
    'fund_entries',
    'fund_entries_no_update',
    'fund_entries_no_delete',
    'fund_entries_reversal_mirrors',
  );
  for (const t of [
    'volunteer_hours',
    'volunteer_shift_takers',
    'volunteer_shifts',
    'volunteer_team_messages',
    'volunteer_members',
    'volunteer_teams',
    'fund_statements',
    'fund_subscribers',
    'fund_pledge_months',
    'fund_entries',
    'fund_pledges',
    'partner_offers',
    'partners',
  ]) {
    await db.schema.dropTable(t).ifExists().execute();
  }
}
