import { sql } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import type { DbHandle } from '../../src/db/client';
import { freshDb } from '../support/db';

let h: DbHandle | undefined;
afterEach(async () => {
  await h?.close();
  h = undefined;
});

describe('one connection shared by many queries at once', () => {
  it('runs every query waiting behind a transaction, in order, and none sees the transaction half done', async () => {
    h = await freshDb();
    const db = h.db;
    await sql`create table tally (id integer primary key, n integer not null)`.execute(db);
    await sql`insert into tally (id, n) values (1, 0)`.execute(db);
    const order: number[] = [];
    const tx = db.transaction().execute(async (trx) => {
      for (let i = 0; i < 20; i++) await sql`update tally set n = n + 1 where id = 1`.execute(trx);
    });
    const reads = Array.from({ length: 200 }, (_, i) =>
      sql<{ n: number }>`select n from tally where id = 1`.execute(db).then((r) => {
        order.push(i);
        return Number(r.rows[0]!.n);
      }),
    );
    await tx;
    const seen = await Promise.all(reads);
    // On SQLite every read waits for the transaction (one connection); a pool's reads see before or after, never between.
    expect(seen.every((n) => n === 0 || n === 20)).toBe(true);
    expect(seen.filter((n) => n === 20).length).toBeGreaterThan(0);
    if (h.engine === 'sqlite') expect(order).toEqual(Array.from({ length: 200 }, (_, i) => i));
  });

  it('gives the connection to the next query after one fails', async () => {
    h = await freshDb();
    const failed = sql`select * from no_such_table`.execute(h.db);
    const next = sql<{ one: number }>`select 1 as one`.execute(h.db);
    await expect(failed).rejects.toThrow();
    expect(Number((await next).rows[0]!.one)).toBe(1);
  });
});
