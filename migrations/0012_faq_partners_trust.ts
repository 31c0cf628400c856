import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// Background work that stays small (issue 20): the last reminder round queued for each hand-off is kept on the
// hand-off itself, so the reminder job never leans on the outbox's dedupe key alone — outbox rows are pruned after
// 90 days, and a pruned row must not bring a reminder back.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('faq_handoffs')
    .addColumn('reminded_round', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('faq_handoffs').dropColumn('reminded_round').execute();
}
