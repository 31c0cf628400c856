import { type Kysely, sql } from 'kysely';
import { isPostgres } from './engine';

// Frozen: later changes go into new migrations.
// Petition time limits that stay small as history grows (issue 20), and notices that stay true (issue 13):
// - petitions.alert_due_at: the next moment the deadlines job has something to look at for a petition (null: nothing
//   more), behind a partial index, so a run reads only what is due now;
// - petition_alerts: which reminder or escalation was queued for which petition and round — the record the job
//   trusts, not the outbox's dedupe key (outbox rows are pruned after a while);
// - petition_monthly_reports: which month's figures went to staff, so the daily catch-up is one lookup;
// - petition_followers.digest_key: the pending hourly digest a follower holds, which a later change updates in place.
const OPEN = ['submitted', 'accepted', 'investigating', 'transferred', 'reopened'];
const DAY_MS = 86_400_000;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('petitions').addColumn('alert_due_at', 'text').execute();
  await db.schema
    .createIndex('petitions_alert_due')
    .on('petitions')
    .column('alert_due_at')
    .where('alert_due_at', 'is not', null)
    .execute();
  await db.schema
    .createTable('petition_alerts')
    .addColumn('petition_id', 'integer', (c) => c.notNull().references('petitions.id'))
    .addColumn('round', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('queued_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_alerts_pk', ['petition_id', 'round', 'kind'])
    .execute();
  await db.schema
    .createTable('petition_monthly_reports')
    .addColumn('month', 'text', (c) => c.primaryKey())
    .addColumn('filed', 'integer', (c) => c.notNull())
    .addColumn('sent_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.alterTable('petition_followers').addColumn('digest_key', 'text').execute();

  // Open petitions are looked at once by the next run. What the earlier job (every ten minutes) already sent is
  // recorded as sent, so the upgrade sends nothing twice.
  const now = new Date();
  const at = now.toISOString();
  const before = (days: number) => new Date(now.getTime() + days * DAY_MS).toISOString();
  await db.updateTable('petitions').set({ alert_due_at: at }).where('status', 'in', OPEN).execute();
  const passed: [string, string, string, string][] = [
    ['remind-ack', 'acknowledged_at', 'ack_due_at', before(1)],
    ['late-ack', 'acknowledged_at', 'ack_due_at', at],
    ['remind-answer', 'answered_at', 'answer_due_at', before(3)],
    ['late-answer', 'answered_at', 'answer_due_at', at],
  ];
  for (const [kind, doneColumn, dueColumn, until] of passed) {
    const pending = sql`${sql.ref(doneColumn)} is null and ${sql.ref(dueColumn)} <= ${until}`;
    const select = sql`select id, round, ${kind}, ${at} from petitions where status in (${sql.join(OPEN)}) and ${pending}`;
    if (isPostgres(db))
      await sql`insert into petition_alerts (petition_id, round, kind, queued_at) ${select} on conflict do nothing`.execute(
        db,
      );
    else await sql`insert or ignore into petition_alerts (petition_id, round, kind, queued_at) ${select}`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('petition_followers').dropColumn('digest_key').execute();
  await db.schema.dropTable('petition_monthly_reports').execute();
  await db.schema.dropTable('petition_alerts').execute();
  await db.schema.dropIndex('petitions_alert_due').execute();
  await db.schema.alterTable('petitions').dropColumn('alert_due_at').execute();
}
