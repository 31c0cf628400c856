import { type Kysely, sql } from 'kysely';
import { isPostgres, pgTrigger } from './engine';

// Frozen: later changes go into new migrations.
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable('faq_entries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    // The same key on the Chinese and the English version of one answer.
    .addColumn('key', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull().check(sql`lang in ('zh-CN','en')`))
    .addColumn('category', 'text', (c) => c.notNull())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('phrasings', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('keywords', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('answer', 'text', (c) => c.notNull())
    .addColumn('hits', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('helpful', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('unhelpful', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('faq_entries_key_lang', ['key', 'lang'])
    .execute();
  await db.schema.createIndex('faq_entries_category').on('faq_entries').columns(['category', 'lang']).execute();

  // Bumped by the database on every change to what the search index holds (not on hit counters), so a running
  // bot can tell that `faq import` in another process changed the entries and rebuild its in-memory index.
  await db.schema
    .createTable('faq_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('n', 'integer', (c) => c.notNull())
    .execute();
  await sql`insert into faq_revision (id, n) values (1, 0)`.execute(db);
  if (isPostgres(db)) {
    const bump = 'update faq_revision set n = n + 1 where id = 1; return null;';
    await pgTrigger(db, 'faq_entries_rev_insert', 'after insert', 'faq_entries', bump);
    await pgTrigger(db, 'faq_entries_rev_delete', 'after delete', 'faq_entries', bump);
    const watched = 'key, lang, category, question, phrasings, keywords, answer';
    await pgTrigger(db, 'faq_entries_rev_update', `after update of ${watched}`, 'faq_entries', bump);
  } else {
    await sql`create trigger faq_entries_rev_insert after insert on faq_entries begin update faq_revision set n = n + 1 where id = 1; end`.execute(
      db,
    );
    await sql`create trigger faq_entries_rev_delete after delete on faq_entries begin update faq_revision set n = n + 1 where id = 1; end`.execute(
      db,
    );
    await sql`create trigger faq_entries_rev_update after update of key, lang, category, question, phrasings, keywords, answer on faq_entries begin update faq_revision set n = n + 1 where id = 1; end`.execute(
      db,
    );
  }

  // Every question residents typed: the buttons under an answer point here, and staff can see what went unanswered.
  await db.schema
    .createTable('faq_queries')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('outcome', 'text', (c) => c.notNull().check(sql`outcome in ('answer','choices','none')`))
    .addColumn('entry_id', 'integer', (c) => c.references('faq_entries.id').onDelete('set null'))
    .addColumn('feedback', 'text', (c) => c.check(sql`feedback in ('up','down')`))
    .addColumn('handoff_id', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('faq_queries_user').on('faq_queries').columns(['user_id', 'created_at']).execute();

  await db.schema
    .createTable('faq_handoffs')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('query_id', 'integer', (c) => c.references('faq_queries.id').unique())
    .addColumn('question', 'text', (c) => c.notNull())
    .addColumn('lang', 'text', (c) => c.notNull())
    .addColumn('state', 'text', (c) => c.notNull().defaultTo('open').check(sql`state in ('open','answered')`))
    .addColumn('taken_by', 'integer', (c) => c.references('users.id'))
    .addColumn('taken_at', 'text')
    .addColumn('answered_by', 'integer', (c) => c.references('users.id'))
    .addColumn('answered_at', 'text')
    .addColumn('entry_id', 'integer', (c) => c.references('faq_entries.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('faq_handoffs_state').on('faq_handoffs').columns(['state', 'created_at']).execute();
  await db.schema.createIndex('faq_handoffs_user').on('faq_handoffs').columns(['user_id', 'state']).execute();

  await db.schema
    .createTable('faq_handoff_messages')
    .addColumn('id', 'integer', (c) => c.primaryKey().autoIncrement())
    .addColumn('handoff_id', 'integer', (c) => c.notNull().references('faq_handoffs.id'))
    .addColumn('author_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('side', 'text', (c) => c.notNull().check(sql`side in ('resident','staff')`))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('faq_handoff_messages_handoff')
    .on('faq_handoff_messages')
    .columns(['handoff_id', 'id'])
    .execute();
}
