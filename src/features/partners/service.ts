import { DomainError } from '../../core/errors';
import type { Db, DbOrTx } from '../../db/schema';
import { recordAudit } from '../audit/store';
import * as store from './store';

export const PARTNER_TYPES = ['individual', 'business', 'group', 'association', 'property', 'new_economy'] as const;
export const OFFER_KINDS = ['service', 'discount', 'space', 'money'] as const;
export type PartnerType = (typeof PARTNER_TYPES)[number];
export type OfferKind = (typeof OFFER_KINDS)[number];
export const isPartnerType = (s: string): s is PartnerType => (PARTNER_TYPES as readonly string[]).includes(s);
export const isOfferKind = (s: string): s is OfferKind => (OFFER_KINDS as readonly string[]).includes(s);

export type { OfferRow, PartnerRow, ShiftRow, TeamRow } from './store';

export class PartnerNotFound extends DomainError {
  constructor() {
    super('partners.notFound');
  }
}
export class PartnerExists extends DomainError {
  constructor() {
    super('partners.exists');
  }
}

export const findPartner = (db: DbOrTx, id: number) => store.findPartner(db, id);
export const findPartnerByName = (db: DbOrTx, name: string) => store.findPartnerByName(db, name.trim());
export const listPartners = (db: DbOrTx, type?: PartnerType) => store.listPartners(db, type);

/** How many partners of each type; types with none are left out so residents never open an empty list. */
export async function partnerTypeCounts(db: DbOrTx): Promise<{ type: PartnerType; count: number }[]> {
  const rows = await store.countByType(db);
  return PARTNER_TYPES.flatMap((type) => {
    const n = Number(rows.find((r) => r.type === type)?.n ?? 0);
    return n > 0 ? [{ type, count: n }] : [];
  });
}

export interface PartnerCard {
  partner: store.PartnerRow;
  offers: store.OfferRow[];
}

export async function partnerCard(db: DbOrTx, id: number): Promise<PartnerCard> {
  const partner = await store.findPartner(db, id);
  if (partner?.active !== 1) throw new PartnerNotFound();
  return { partner, offers: await store.offersOf(db, id) };
}

export interface NewPartnerInput {
  name: string;
  type: PartnerType;
  description: string;
  contact: string;
  offers: { kind: OfferKind; detail: string }[];
  userId?: number | null;
}

/** Adds a partner with what they offer; a partner of the same name already listed is refused. */
export async function addPartner(db: Db, actorId: number | null, p: NewPartnerInput, now: Date): Promise<number> {
  const name = p.name.trim().slice(0, 80);
  if (name === '' || !isPartnerType(p.type)) throw new PartnerNotFound();
  return db.transaction().execute(async (trx) => {
    if (await store.findPartnerByName(trx, name)) throw new PartnerExists();
    const id = await store.insertPartner(trx, {
      name,
      type: p.type,
      description: p.description.trim().slice(0, 500),
      contact: p.contact.trim().slice(0, 200),
      user_id: p.userId ?? null,
      created_at: now.toISOString(),
    });
    for (const o of p.offers)
      if (isOfferKind(o.kind))
        await store.insertOffer(trx, { partner_id: id, kind: o.kind, detail: o.detail.trim().slice(0, 200) });
    await recordAudit(
      trx,
      { actorId, action: 'partners.add', subject: `partner:${id}`, details: { name, type: p.type } },
      now,
    );
    return id;
  });
}
