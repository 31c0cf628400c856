import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// An invitation can carry what comes with the role (issue 15): a deputy invited "for 野鸭冲社区 (roads, safety)" is
// given those areas when the link is used. The scope is JSON, read by the area it concerns.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').addColumn('scope', 'text').execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable('invitations').dropColumn('scope').execute();
}
