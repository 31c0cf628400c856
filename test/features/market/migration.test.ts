import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { type Kysely, type Migration, Migrator } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { type DbHandle, openDatabase } from '../../../src/db/client';
import { MIGRATIONS_DIR } from '../../../src/db/migrate';

// Migration 0017 on a database that already held market days: the places they were held at become venues, and each
// day's offers keep the names they were booked with.
const THIS = '0017_market_catalogue';

async function migrateBefore(db: Kysely<any>) {
  const files = (await readdir(MIGRATIONS_DIR)).filter((f) => /^\d{4}_[\w-]+\.ts$/.test(f) && f < THIS).sort();
  const migrations: Record<string, Migration> = {};
  for (const f of files) migrations[f.replace(/\.ts$/, '')] = await import(pathToFileURL(join(MIGRATIONS_DIR, f)).href);
  const { error } = await new Migrator({ db, provider: { getMigrations: async () => migrations } }).migrateToLatest();
  if (error) throw error;
}

let h: DbHandle | undefined;
afterEach(() => h?.close());

// SQLite only (vitest.config.ts): it rebuilds a database at migration 0016 by hand.
describe('migration 0017 on a database with market days', () => {
  it('the places market days were held at become venues; offers keep the names they were booked with', async () => {
    h = openDatabase(':memory:');
    const db = h.db as unknown as Kysely<any>;
    await migrateBefore(db);
    await db
      .insertInto('communities')
      .values({ subdistrict: '窑湾', name_zh: '荷塘社区', name_en: 'Hetang' })
      .execute();
    await db
      .insertInto('compounds')
      .values({ community_id: 1, name_zh: '荷塘花园', name_en: 'Hetang Garden' })
      .execute();
    await db
      .insertInto('market_services')
      .values({
        code: 'knife',
        name_zh: '磨刀',
        name_en: 'Knife sharpening',
        group_key: 'daily',
        description_zh: '',
        description_en: '',
        needs_details: 1,
        default_capacity: 20,
        ticket_prefix: '磨刀',
      })
      .execute();
    const day = (date: string, location: string) => ({
      date,
      starts_at: '09:00',
      ends_at: '12:00',
      compound_id: 1,
      location,
      created_at: `${date}T00:00:00Z`,
    });
    await db
      .insertInto('market_days')
      .values([day('2026-10-03', '3 栋前广场'), day('2026-11-07', '活动室'), day('2026-12-05', '3 栋前广场')])
      .execute();
    await db.insertInto('market_offers').values({ market_id: 1, service_id: 1, capacity: 20 }).execute();

    const { up } = await import(pathToFileURL(join(MIGRATIONS_DIR, `${THIS}.ts`)).href);
    await up(db);

    const venues = await db.selectFrom('market_venues').selectAll().orderBy('id').execute();
    expect(venues.map((v) => [v.name_zh, v.compound_id, v.active])).toEqual([
      ['活动室', 1, 1],
      ['3 栋前广场', 1, 1],
    ]);
    const days = await db.selectFrom('market_days').select(['id', 'venue_id']).orderBy('id').execute();
    expect(days.map((d) => d.venue_id)).toEqual([venues[1]!.id, venues[0]!.id, venues[1]!.id]);
    const offer = await db.selectFrom('market_offers').selectAll().executeTakeFirstOrThrow();
    expect(offer).toMatchObject({ name_zh: '磨刀', name_en: 'Knife sharpening', ticket_prefix: '磨刀' });
    const s = await db.selectFrom('market_services').select('needs_photo').executeTakeFirstOrThrow();
    expect(s.needs_photo).toBe(1);
  });
});
