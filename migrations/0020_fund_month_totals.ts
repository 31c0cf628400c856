import { type Kysely, sql } from 'kysely';
import { isPostgres, pgTrigger } from './engine';

// Frozen: later changes go into new migrations.
// The fund's figures by month (issue 18): every statement, summary and chart reads these sums rather than scanning
// the whole ledger (which grows with every year of history). The ledger is insert-only (0007 refuses updates and
// deletions), so a trigger on insert keeps the sums exact whoever writes an entry: the bot, an import, the demo.
//
// The community report reads the petitions filed in a period (every month's report and the trend): by the day they
// were filed, not the whole table.
export async function up(db: Kysely<any>): Promise<void> {
  const pg = isPostgres(db);
  await db.schema.createIndex('petitions_created_at').on('petitions').column('created_at').execute();
  await db.schema
    .createTable('fund_month_totals')
    .addColumn('month', 'text', (c) => c.notNull())
    .addColumn('direction', 'text', (c) => c.notNull())
    // '' where the entry has none (an expense has no kind; unrestricted income no purpose): a key may not be null
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('purpose', 'text', (c) => c.notNull())
    .addColumn('fen', 'integer', (c) => c.notNull())
    .addColumn('entries', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('fund_month_totals_pk', ['month', 'direction', 'kind', 'purpose'])
    .$call((b) => (pg ? b : b.modifyEnd(sql`without rowid`)))
    .execute();
  await sql`insert into fund_month_totals (month, direction, kind, purpose, fen, entries)
    select substr(entry_date, 1, 7), direction, coalesce(kind, ''), coalesce(purpose, ''), sum(amount_fen), count(*)
    from fund_entries group by 1, 2, 3, 4`.execute(db);
  const upsert = `insert into fund_month_totals (month, direction, kind, purpose, fen, entries)
    values (substr(new.entry_date, 1, 7), new.direction, coalesce(new.kind, ''), coalesce(new.purpose, ''),
      new.amount_fen, 1)
    on conflict (month, direction, kind, purpose)
    do update set fen = fund_month_totals.fen + excluded.fen, entries = fund_month_totals.entries + 1;`;
  if (pg) await pgTrigger(db, 'fund_entries_month_totals', 'after insert', 'fund_entries', `${upsert} return new;`);
  else
    await sql
      .raw(`create trigger fund_entries_month_totals after insert on fund_entries begin ${upsert} end`)
      .execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  if (isPostgres(db)) {
    await sql`drop trigger if exists fund_entries_month_totals on fund_entries`.execute(db);
    await sql`drop function if exists fund_entries_month_totals_fn()`.execute(db);
  } else await sql`drop trigger if exists fund_entries_month_totals`.execute(db);
  await db.schema.dropTable('fund_month_totals').ifExists().execute();
  await db.schema.dropIndex('petitions_created_at').ifExists().execute();
}
