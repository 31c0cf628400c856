import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// The staff console's roster (issue 16) filters recipients by community: the office's list says which 社区 each
// person belongs to, whether or not they ever linked a Telegram account (most never do), so it is kept on the
// roster row rather than read from a linked account's home. Null: not recorded yet.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .alterTable('relief_recipients')
    .addColumn('community_id', 'integer', (c) => c.references('communities.id'))
    .execute();
  await db.schema
    .createIndex('relief_recipients_community')
    .on('relief_recipients')
    .columns(['community_id', 'category'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropIndex('relief_recipients_community').execute();
  await db.schema.alterTable('relief_recipients').dropColumn('community_id').execute();
}
