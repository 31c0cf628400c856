import type { Kysely } from 'kysely';

// Frozen: later changes go into new migrations.
// The staff console's lists (issue 16):
// - the relief roster filters recipients by community: the office's list says which 社区 each person belongs to,
//   whether or not they ever linked a Telegram account (most never do), so it is kept on the roster row rather than
//   read from a linked account's home. Null: not recorded yet;
// - the people page counts residents by community and compound and lists them by name: without these indexes the
//   count read every user row (68 ms on the 50,000-resident scale database) and each list sorted everyone it showed
//   a page of (11 ms for everyone, 13 ms for one community).
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
  const usersBy = (name: string, columns: string[]) =>
    db.schema.createIndex(name).on('users').columns(columns).execute();
  await usersBy('users_home', ['community_id', 'compound_id']);
  await usersBy('users_first_name', ['first_name', 'id']);
  await usersBy('users_community_name', ['community_id', 'first_name', 'id']);
  await usersBy('users_compound_name', ['compound_id', 'first_name', 'id']);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of ['users_compound_name', 'users_community_name', 'users_first_name', 'users_home'])
    await db.schema.dropIndex(name).execute();
  await db.schema.dropIndex('relief_recipients_community').execute();
  await db.schema.alterTable('relief_recipients').dropColumn('community_id').execute();
}
