import { sql } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import { toUser, type User } from '../../../identity/user';

// Finding a person for the admin: by a part of their name, or the last digits of their phone. The users table is
// identity's; this is a read of it for the people list (identity has no search of its own).

/** LIKE pattern for text anywhere in the column, the user's `%` and `_` taken literally. */
const anywhere = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** A phone tail is 3 to 11 digits; anything else is a name. */
export const isPhoneTail = (q: string) => /^\d{3,11}$/.test(q);

export async function searchPeople(db: DbOrTx, query: string, limit: number): Promise<User[]> {
  const q = query.trim();
  let s = db.selectFrom('users').selectAll();
  if (isPhoneTail(q)) s = s.where('phone', 'like', `%${q}`);
  else {
    // lower() on both sides: SQLite's LIKE ignores case (ASCII), PostgreSQL's does not.
    const p = anywhere(q.toLowerCase());
    s = s.where((eb) =>
      eb.or([
        eb(sql`lower(first_name)`, 'like', sql`${p} escape '\\'`),
        eb(sql`lower(last_name)`, 'like', sql`${p} escape '\\'`),
        eb(sql`lower(username)`, 'like', sql`${p} escape '\\'`),
      ]),
    );
  }
  return (await s.orderBy('first_name').orderBy('id').limit(limit).execute()).map(toUser);
}
