import type { Selectable } from 'kysely';
import type { DbOrTx } from '../../../db/schema';
import type { PartnerOffersTable, PartnersTable } from '../../../db/tables/fund';

/** A 社区合伙人: a person, business or organisation that serves the neighbourhood with the community. */
export interface Partner {
  id: number;
  name: string;
  /** individual | business | group | association | property | new_economy */
  type: string;
  description: string;
  /** For staff eyes only. */
  contact: string;
  userId: number | null;
  active: boolean;
  createdAt: string;
}

/** What a partner offers: a service on market days, a discount, a space, money. */
export interface Offer {
  id: number;
  partnerId: number;
  /** service | discount | space | money */
  kind: string;
  detail: string;
}

const toPartner = (r: Selectable<PartnersTable>): Partner => ({
  id: r.id,
  name: r.name,
  type: r.type,
  description: r.description,
  contact: r.contact,
  userId: r.user_id,
  active: r.active === 1,
  createdAt: r.created_at,
});

const toOffer = (r: Selectable<PartnerOffersTable>): Offer => ({
  id: r.id,
  partnerId: r.partner_id,
  kind: r.kind,
  detail: r.detail,
});

export async function findPartner(db: DbOrTx, id: number): Promise<Partner | undefined> {
  const r = await db.selectFrom('partners').selectAll().where('id', '=', id).executeTakeFirst();
  return r && toPartner(r);
}

export async function findPartnerByName(db: DbOrTx, name: string): Promise<Partner | undefined> {
  const r = await db.selectFrom('partners').selectAll().where('name', '=', name).executeTakeFirst();
  return r && toPartner(r);
}

/** Names of these partners (listed or not): how ledgers and thank-you lists call them. */
export async function partnerNames(db: DbOrTx, ids: readonly number[]): Promise<Map<number, string>> {
  if (ids.length === 0) return new Map();
  const rows = await db
    .selectFrom('partners')
    .select(['id', 'name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}

export async function insertPartner(
  db: DbOrTx,
  p: { name: string; type: string; description: string; contact: string; userId: number | null; createdAt: string },
): Promise<number> {
  const r = await db
    .insertInto('partners')
    .values({
      name: p.name,
      type: p.type,
      description: p.description,
      contact: p.contact,
      user_id: p.userId,
      created_at: p.createdAt,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return r.id;
}

export async function insertOffer(db: DbOrTx, o: { partnerId: number; kind: string; detail: string }) {
  await db.insertInto('partner_offers').values({ partner_id: o.partnerId, kind: o.kind, detail: o.detail }).execute();
}

/** Listed partners by name, of one type or all. */
export async function listPartners(db: DbOrTx, type?: string): Promise<Partner[]> {
  let q = db.selectFrom('partners').selectAll().where('active', '=', 1).orderBy('name');
  if (type !== undefined) q = q.where('type', '=', type);
  return (await q.execute()).map(toPartner);
}

export async function countByType(db: DbOrTx): Promise<Map<string, number>> {
  const rows = await db
    .selectFrom('partners')
    .select(['type', (eb) => eb.fn.countAll<number>().as('n')])
    .where('active', '=', 1)
    .groupBy('type')
    .execute();
  return new Map(rows.map((r) => [r.type, Number(r.n)]));
}

export async function offersOf(db: DbOrTx, partnerId: number): Promise<Offer[]> {
  const rows = await db
    .selectFrom('partner_offers')
    .selectAll()
    .where('partner_id', '=', partnerId)
    .orderBy('id')
    .execute();
  return rows.map(toOffer);
}

/** Every partner, listed first then retired, by name: the staff catalogue. */
export async function listAllPartners(db: DbOrTx): Promise<Partner[]> {
  const rows = await db.selectFrom('partners').selectAll().orderBy('active', 'desc').orderBy('name').execute();
  return rows.map(toPartner);
}

export type PartnerChange = Partial<Pick<Partner, 'type' | 'contact' | 'description' | 'active'>>;

/** Changes a partner in place (the id is kept, so ledgers and teams that name it still do). */
export async function updatePartner(db: DbOrTx, id: number, c: PartnerChange): Promise<boolean> {
  const r = await db
    .updateTable('partners')
    .set({
      ...(c.type !== undefined && { type: c.type }),
      ...(c.contact !== undefined && { contact: c.contact }),
      ...(c.description !== undefined && { description: c.description }),
      ...(c.active !== undefined && { active: c.active ? 1 : 0 }),
    })
    .where('id', '=', id)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
