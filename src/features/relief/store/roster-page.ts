import { sql } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { Category } from '../recipients';
import { type Recipient, toRecipient } from './recipients';

// The roster a page at a time for the staff console: the filter, the order and the page are all SQL, so a page of
// fifty costs the same whether the roster holds 169 people or many thousands.

export interface RosterFilter {
  /** A part of the name, or (3 to 11 digits) the end of the phone number. */
  search?: string;
  category?: Category;
  communityId?: number;
}

/** A recipient as the roster page lists them: with whether this month's package was collected. */
export type RosterLine = Recipient & { collected: boolean };

/** Digits only, 3 to 11 of them: the end of a phone number, as the admin's people search reads it. */
export const isPhoneTail = (s: string) => /^\d{3,11}$/.test(s);

/** LIKE pattern for the text anywhere, the user's own `%`, `_` and `\` taken literally. */
const anywhere = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

function filtered(db: DbOrTx, f: RosterFilter) {
  let q = db.selectFrom('relief_recipients as r');
  const s = f.search?.trim();
  if (s && isPhoneTail(s)) q = q.where('r.phone', 'like', `%${s}`);
  // lower() on both sides: SQLite's LIKE ignores ASCII case, PostgreSQL's does not.
  else if (s) q = q.where(sql`lower(r.name)`, 'like', sql`${anywhere(s.toLowerCase())} escape '\\'`);
  if (f.category) q = q.where('r.category', '=', f.category);
  if (f.communityId !== undefined) q = q.where('r.community_id', '=', f.communityId);
  return q;
}

/** One page of the filtered roster (active people first, then by id) and how many match in all. */
export async function rosterPage(
  db: DbOrTx,
  f: RosterFilter,
  month: string,
  page: number,
  size: number,
): Promise<{ lines: RosterLine[]; total: number }> {
  const { n } = await filtered(db, f)
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .executeTakeFirstOrThrow();
  const rows = await filtered(db, f)
    // At most one pickup a month per recipient (a unique key), so the join never repeats a person.
    .leftJoin('relief_pickups as p', (j) => j.onRef('p.recipient_id', '=', 'r.id').on('p.month', '=', month))
    .selectAll('r')
    .select('p.id as pickupId')
    .orderBy('r.active', 'desc')
    .orderBy('r.id')
    .limit(size)
    .offset(page * size)
    .execute();
  return {
    lines: rows.map(({ pickupId, ...r }) => ({ ...toRecipient(r), collected: pickupId !== null })),
    total: Number(n),
  };
}
