import { afterEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/client';
import { compiledOnce } from '../../src/db/compiled';
import { clearFlow, loadFlow, saveFlow } from '../../src/identity/flows';
import { insertUser } from '../../src/identity/store';
import { freshDb } from '../support/db';

let h: DbHandle | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

const at = '2026-01-01T00:00:00.000Z';

describe('queries built once and run many times', () => {
  it('puts each named value in its own column, whatever order the values are given in, every time', async () => {
    h = await freshDb();
    const add = compiledOnce(['seen', 'id', 'first'], (db, v) =>
      db.insertInto('users').values({ first_name: v.first, id: v.id, created_at: v.seen, seen_at: v.seen }),
    );
    for (const id of [1, 2]) await add(h.db, { first: `F${id}`, seen: at, id });
    const rows = await h.db.selectFrom('users').select(['id', 'first_name', 'seen_at']).orderBy('id').execute();
    expect(rows).toEqual([
      { id: 1, first_name: 'F1', seen_at: at },
      { id: 2, first_name: 'F2', seen_at: at },
    ]);
  });

  it('refuses a query with a value that is not one of its named values', async () => {
    h = await freshDb();
    const bad = compiledOnce(['id'], (db, v) => db.selectFrom('users').selectAll().where('id', '=', v.id).limit(3));
    await expect(bad(h.db, { id: 1 })).rejects.toThrow(/not a named value/);
  });

  it('saves a flow, saves over it and clears it, inside a transaction too, and a rolled-back save leaves nothing', async () => {
    h = await freshDb();
    const db = h.db;
    await insertUser(db, { id: 7, first_name: 'A', created_at: at, seen_at: at });
    await saveFlow(db, 7, { name: 'market.book', step: 'details', data: { offerId: 3 } }, new Date(at));
    await db
      .transaction()
      .execute((trx) =>
        saveFlow(trx, 7, { name: 'market.book', step: 'photo', data: { offerId: 3, details: '坏了' } }, new Date(at)),
      );
    expect(await loadFlow(db, 7)).toEqual({
      name: 'market.book',
      step: 'photo',
      data: { offerId: 3, details: '坏了' },
    });
    await clearFlow(db, 7);
    expect(await loadFlow(db, 7)).toBeNull();
    await expect(
      db.transaction().execute(async (trx) => {
        await saveFlow(trx, 7, { name: 'petitions.new', step: 'describe', data: {} }, new Date(at));
        throw new Error('the handler failed');
      }),
    ).rejects.toThrow('the handler failed');
    expect(await loadFlow(db, 7)).toBeNull();
  });
});
