import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { ReliefPickupsTable } from '../../../db/tables/relief';
import { toRecipient } from './recipients';

/** One month's package handed out: to the recipient (`proxyName` null) or to someone collecting for them. */
export interface Pickup {
  id: number;
  recipientId: number;
  month: string;
  collectedAt: string;
  staffId: number;
  proxyId: number | null;
  proxyName: string | null;
  /** The month had a festival: festive food went out with the package. */
  festivalExtras: boolean;
  method: 'code' | 'search';
}

const toPickup = (r: Selectable<ReliefPickupsTable>): Pickup => ({
  id: r.id,
  recipientId: r.recipient_id,
  month: r.month,
  collectedAt: r.collected_at,
  staffId: r.staff_id,
  proxyId: r.proxy_id,
  proxyName: r.proxy_name,
  festivalExtras: r.festival_extras === 1,
  method: r.method === 'code' ? 'code' : 'search',
});

const inserted = (r: { numInsertedOrUpdatedRows?: bigint }) => Number(r.numInsertedOrUpdatedRows ?? 0n) === 1;

// ---- monthly codes

export const findCode = async (db: DbOrTx, month: string, recipientId: number) =>
  (
    await db
      .selectFrom('relief_codes')
      .select('code')
      .where('month', '=', month)
      .where('recipient_id', '=', recipientId)
      .executeTakeFirst()
  )?.code;

/** True if the code was free; a clash with another recipient's code of the month is left to the caller to retry. */
export const insertCode = async (db: DbOrTx, month: string, recipientId: number, code: string) =>
  inserted(
    await db
      .insertInto('relief_codes')
      .values({ month, recipient_id: recipientId, code })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst(),
  );

export const recipientByCode = async (db: DbOrTx, month: string, code: string) => {
  const r = await db
    .selectFrom('relief_codes')
    .innerJoin('relief_recipients', 'relief_recipients.id', 'relief_codes.recipient_id')
    .selectAll('relief_recipients')
    .where('relief_codes.month', '=', month)
    .where('relief_codes.code', '=', code)
    .executeTakeFirst();
  return r && toRecipient(r);
};

// ---- pickups

/** False when the month already has a pickup for this recipient (the unique constraint decides). */
export const insertPickup = async (db: DbOrTx, p: Omit<Pickup, 'id'>) =>
  inserted(
    await db
      .insertInto('relief_pickups')
      .values({
        recipient_id: p.recipientId,
        month: p.month,
        collected_at: p.collectedAt,
        staff_id: p.staffId,
        proxy_id: p.proxyId,
        proxy_name: p.proxyName,
        festival_extras: p.festivalExtras ? 1 : 0,
        method: p.method,
      })
      .onConflict((oc) => oc.columns(['recipient_id', 'month']).doNothing())
      .executeTakeFirst(),
  );

export const findPickup = async (db: DbOrTx, recipientId: number, month: string) => {
  const r = await db
    .selectFrom('relief_pickups')
    .selectAll()
    .where('recipient_id', '=', recipientId)
    .where('month', '=', month)
    .executeTakeFirst();
  return r && toPickup(r);
};

export const pickupsOfMonth = async (db: DbOrTx, month: string) =>
  (await db.selectFrom('relief_pickups').selectAll().where('month', '=', month).orderBy('id').execute()).map(toPickup);

// ---- "will come later"

export const insertLater = async (db: DbOrTx, month: string, recipientId: number, userId: number, at: string) =>
  inserted(
    await db
      .insertInto('relief_later')
      .values({ month, recipient_id: recipientId, user_id: userId, at })
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst(),
  );

/** Recipients someone said will come during the make-up days. */
export const laterOfMonth = async (db: DbOrTx, month: string) =>
  (await db.selectFrom('relief_later').select('recipient_id').where('month', '=', month).execute()).map(
    (r) => r.recipient_id,
  );

/** Active recipients with no pickup in the month: the desk's to-do on the pickup day. */
export const countStillToCollect = async (db: DbOrTx, month: string) =>
  Number(
    (
      await db
        .selectFrom('relief_recipients as r')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('r.active', '=', 1)
        .where(({ not, exists, selectFrom }) =>
          not(
            exists(
              selectFrom('relief_pickups as p')
                .select('p.id')
                .whereRef('p.recipient_id', '=', 'r.id')
                .where('p.month', '=', month),
            ),
          ),
        )
        .executeTakeFirstOrThrow()
    ).n,
  );

/**
 * Per month of `months` that anyone collected in: pickups, festival extras, and pickups by people since taken off
 * the roster (they are expected that month too). The community report's trend asks for a year of months at once:
 * read month by month, with the roster each time, it cost 6–12 ms of the event loop (issue 14 item 9).
 */
export async function monthCounts(db: DbOrTx, months: readonly string[]) {
  if (months.length === 0) return [];
  const rows = await db
    .selectFrom('relief_pickups as p')
    .innerJoin('relief_recipients as r', 'r.id', 'p.recipient_id')
    .select((eb) => [
      'p.month',
      eb.fn.countAll<number>().as('collected'),
      eb.fn.sum<number>(eb.case().when('p.festival_extras', '=', 1).then(1).else(0).end()).as('extras'),
      eb.fn.sum<number>(eb.case().when('r.active', '=', 1).then(0).else(1).end()).as('off_roster'),
    ])
    .where('p.month', 'in', [...months])
    .groupBy('p.month')
    .orderBy('p.month')
    .execute();
  return rows.map((r) => ({
    month: r.month,
    collected: Number(r.collected),
    festivalExtras: Number(r.extras),
    offRoster: Number(r.off_roster),
  }));
}

/** How many are on the roster now. */
export const activeCount = async (db: DbOrTx) =>
  Number(
    (
      await db
        .selectFrom('relief_recipients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .where('active', '=', 1)
        .executeTakeFirstOrThrow()
    ).n,
  );
