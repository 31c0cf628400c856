import { type Kysely, sql } from 'kysely';

// Frozen: later changes go into new migrations.
// Petitions run by the sub-district itself (issue 15) and fast at five years of history (issue 14 item 9):
// - petition_categories: the categories residents choose from, managed in the chat, names in both languages; the six
//   of the fixed list are seeded with their codes, so petitions, deputies' areas and buttons already in chats keep
//   working. petitions.category loses its CHECK of the fixed list (the column is rebuilt in place: SQLite cannot
//   drop a CHECK, but it can drop a column whose CHECK is its own), and every petition keeps the category's names as
//   they were when it was filed (category_zh, category_en).
// - petition_uncovered: the areas (a community, or one category of it) whose petitions went to staff for want of a
//   deputy and that the admins were told about, so they are told once; an assignment there clears it.
// - petitions_figures: the statistics and the community report count a period's petitions (by created_at) from this
//   index alone, never the rows (descriptions and all): a year is 5,000 petitions at five years of history.
// - petitions_open_work: the to-do counts of the workbench read the few open petitions only (a partial index that
//   holds every column they need).
const FIGURES = [
  'created_at',
  'community_id',
  'category',
  'status',
  'acknowledged_at',
  'ack_due_at',
  'answered_at',
  'answer_due_at',
  'satisfaction',
] as const;
const OPEN = `('submitted','accepted','investigating','transferred','reopened')`;
const SEEDED = [
  ['roads', '🌧 积水 / 道路', '🌧 Flooding / roads'],
  ['safety', '⚠️ 安全隐患', '⚠️ Safety hazard'],
  ['sanitation', '🧹 环境卫生', '🧹 Sanitation'],
  ['noise', '🔊 噪音扰民', '🔊 Noise'],
  ['facilities', '💡 公共设施', '💡 Public facilities'],
  ['other', '📝 其他', '📝 Other'],
] as const;

export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('petition_categories')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('code', 'text', (c) => c.notNull().unique())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('active', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  const at = new Date().toISOString();
  await db
    .insertInto('petition_categories')
    .values(SEEDED.map(([code, zh, en]) => ({ code, name_zh: zh, name_en: en, created_at: at })))
    .execute();

  await db.schema
    .alterTable('petitions')
    .addColumn('category_code', 'text', (c) => c.notNull().defaultTo('other'))
    .execute();
  await sql`update petitions set category_code = category`.execute(db);
  await db.schema.dropIndex('petitions_open').execute();
  await db.schema.alterTable('petitions').dropColumn('category').execute();
  await db.schema.alterTable('petitions').renameColumn('category_code', 'category').execute();
  await db.schema
    .createIndex('petitions_open')
    .on('petitions')
    .columns(['community_id', 'category', 'status'])
    .execute();

  await db.schema.alterTable('petitions').addColumn('category_zh', 'text').execute();
  await db.schema.alterTable('petitions').addColumn('category_en', 'text').execute();
  await sql`update petitions set category_zh = c.name_zh, category_en = c.name_en
    from petition_categories c where c.code = petitions.category`.execute(db);

  await db.schema
    .createIndex('petitions_figures')
    .on('petitions')
    .columns([...FIGURES])
    .execute();
  await sql
    .raw(
      `create index petitions_open_work on petitions
        (community_id, category, acknowledged_at, ack_due_at, answered_at, answer_due_at) where status in ${OPEN}`,
    )
    .execute(db);

  await db.schema
    .createTable('petition_uncovered')
    .addColumn('community_id', 'integer', (c) => c.notNull().references('communities.id'))
    // a category code, or '*' when the community has no deputy at all
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('told_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('petition_uncovered_pk', ['community_id', 'category'])
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('petition_uncovered').execute();
  await db.schema.dropIndex('petitions_open_work').execute();
  await db.schema.dropIndex('petitions_figures').execute();
  await db.schema.alterTable('petitions').dropColumn('category_en').execute();
  await db.schema.alterTable('petitions').dropColumn('category_zh').execute();
  await db.schema.dropTable('petition_categories').execute();
}
