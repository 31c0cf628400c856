import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// Emergencies typed anywhere (issue 13): what was typed, the alarm shown, and whether staff were told. The message
// itself is kept so that "not an emergency, carry on" can hand it to the flow the resident was in.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('emergency_alerts')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('chat_id', 'integer', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('message', 'text') // the Telegram message as JSON, while a flow may still want it
    .addColumn('in_flow', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('notified_at', 'text')
    .addColumn('continued_at', 'text')
    .execute();
  await db.schema
    .createIndex('emergency_alerts_user')
    .on('emergency_alerts')
    .columns(['user_id', 'created_at'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('emergency_alerts').execute();
}
