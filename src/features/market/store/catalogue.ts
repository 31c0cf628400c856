import { randomUUID } from 'node:crypto';
import type { Updateable } from 'kysely';
import type { Database, DbOrTx } from '../../../db/schema';
import { type NewService, type Service, toService } from './types';

// The catalogue of services: what a market day can offer. A service is retired (active = 0), never deleted: market
// days that offered it, and their tickets, keep referring to it.

/** Active services (or all, retired last), by group and then in the order they were added. */
export const listServices = async (db: DbOrTx, activeOnly = true): Promise<Service[]> => {
  let q = db.selectFrom('market_services').selectAll();
  if (activeOnly) q = q.where('active', '=', 1);
  else q = q.orderBy('active', 'desc');
  return (await q.orderBy('group_key').orderBy('id').execute()).map(toService);
};

export const findService = async (db: DbOrTx, id: number): Promise<Service | undefined> => {
  const r = await db.selectFrom('market_services').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toService(r);
};

const values = (s: NewService) => ({
  code: s.code,
  name_zh: s.nameZh,
  name_en: s.nameEn,
  group_key: s.groupKey,
  description_zh: s.descriptionZh,
  description_en: s.descriptionEn,
  bring_zh: s.bringZh,
  bring_en: s.bringEn,
  needs_details: s.needsDetails ? 1 : 0,
  needs_photo: s.needsPhoto ? 1 : 0,
  is_repair: s.isRepair ? 1 : 0,
  default_capacity: s.defaultCapacity,
  minutes_per_ticket: s.minutesPerTicket,
  ticket_prefix: s.ticketPrefix,
  ticket_prefix_en: s.ticketPrefixEn,
  provider: s.provider,
});

/** Adds a service to the catalogue unless its code is there already (demo data runs twice safely). */
export const upsertService = (db: DbOrTx, s: NewService) =>
  db
    .insertInto('market_services')
    .values(values(s))
    .onConflict((oc) => oc.column('code').doNothing())
    .execute();

/** A new service; its code is made from its id (`svc-42`), as staff never see or type one. */
export async function insertService(db: DbOrTx, s: Omit<NewService, 'code'>): Promise<number> {
  const { id } = await db
    .insertInto('market_services')
    .values(values({ ...s, code: `pending-${randomUUID()}` }))
    .returning('id')
    .executeTakeFirstOrThrow();
  await db
    .updateTable('market_services')
    .set({ code: `svc-${id}` })
    .where('id', '=', id)
    .execute();
  return id;
}

export type ServicePatch = Partial<
  Pick<
    Service,
    | 'nameZh'
    | 'nameEn'
    | 'ticketPrefix'
    | 'ticketPrefixEn'
    | 'groupKey'
    | 'defaultCapacity'
    | 'minutesPerTicket'
    | 'needsDetails'
    | 'needsPhoto'
    | 'isRepair'
    | 'active'
  >
>;

const flag = (b: boolean | undefined) => (b === undefined ? undefined : b ? 1 : 0);

// Kysely leaves out what is undefined: only the fields given are written.
const columns = (p: ServicePatch): Updateable<Database['market_services']> => ({
  name_zh: p.nameZh,
  name_en: p.nameEn,
  ticket_prefix: p.ticketPrefix,
  ticket_prefix_en: p.ticketPrefixEn,
  group_key: p.groupKey,
  default_capacity: p.defaultCapacity,
  minutes_per_ticket: p.minutesPerTicket,
  needs_details: flag(p.needsDetails),
  needs_photo: flag(p.needsPhoto),
  is_repair: flag(p.isRepair),
  active: flag(p.active),
});

export const updateService = (db: DbOrTx, id: number, patch: ServicePatch) =>
  db.updateTable('market_services').set(columns(patch)).where('id', '=', id).execute();

/**
 * A renamed service's new names on the market days from `fromDate` on where nobody holds a ticket or a place in line
 * for it yet: what residents will book shows the name as it is now, what they booked keeps the name they booked.
 */
export const renameUnbookedOffers = (db: DbOrTx, s: Service, fromDate: string) =>
  db
    .updateTable('market_offers')
    .set({
      name_zh: s.nameZh,
      name_en: s.nameEn,
      ticket_prefix: s.ticketPrefix,
      ticket_prefix_en: s.ticketPrefixEn,
    })
    .where('service_id', '=', s.id)
    .where('tickets_issued', '=', 0)
    .where((eb) =>
      eb.not(
        eb.exists(eb.selectFrom('market_bookings as b').select('b.id').whereRef('b.offer_id', '=', 'market_offers.id')),
      ),
    )
    .where('market_id', 'in', (eb) =>
      eb.selectFrom('market_days').select('id').where('date', '>=', fromDate).where('status', '!=', 'cancelled'),
    )
    .execute();
