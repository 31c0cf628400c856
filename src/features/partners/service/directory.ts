import { runHooks, type TxHook } from '../../../db/tx';
import { recordAudit } from '../../../identity';
import type { Platform } from '../../../platform';
import { PartnerExists, PartnerNotFound } from '../errors';
import { isOfferKind, isPartnerType, PARTNER_TYPES, type PartnerType, partnersPolicy } from '../policy';
import * as store from '../store';

export interface NewPartnerInput {
  name: string;
  type: PartnerType;
  description: string;
  contact: string;
  offers: { kind: string; detail: string }[];
  userId?: number | null;
}

/** The partner directory: who serves the neighbourhood with the community, and what they offer. */
export type DirectoryService = ReturnType<typeof createDirectoryService>;

export function createDirectoryService({ db, clock }: Pick<Platform, 'db' | 'clock'>) {
  const limits = partnersPolicy;
  return {
    partner: (id: number) => store.findPartner(db, id),
    partnerByName: (name: string) => store.findPartnerByName(db, name.trim()),
    /** Listed partners by name, of one type or all. */
    partners: (type?: PartnerType) => store.listPartners(db, type),
    /** Names of these partners, listed or not (a ledger keeps naming a partner who has left the directory). */
    partnerNames: (ids: readonly number[]) => store.partnerNames(db, ids),

    /** How many partners of each type; types with none are left out so residents never open an empty list. */
    async typeCounts(): Promise<{ type: PartnerType; count: number }[]> {
      const counts = await store.countByType(db);
      return PARTNER_TYPES.flatMap((type) => {
        const n = counts.get(type) ?? 0;
        return n > 0 ? [{ type, count: n }] : [];
      });
    },

    /** A listed partner with what they offer. */
    async card(id: number) {
      const partner = await store.findPartner(db, id);
      if (!partner?.active) throw new PartnerNotFound();
      return { partner, offers: await store.offersOf(db, id) };
    },

    /** Adds a partner with what they offer; a partner of the same name already listed is refused. */
    async addPartner(actorId: number | null, p: NewPartnerInput, done?: TxHook): Promise<number> {
      const name = p.name.trim().slice(0, limits.partnerName.max);
      if (name === '' || !isPartnerType(p.type)) throw new PartnerNotFound();
      const now = clock.now();
      return db.transaction().execute(async (trx) => {
        if (await store.findPartnerByName(trx, name)) throw new PartnerExists();
        const id = await store.insertPartner(trx, {
          name,
          type: p.type,
          description: p.description.trim().slice(0, limits.partnerDescription.max),
          contact: p.contact.trim().slice(0, limits.partnerContact.max),
          userId: p.userId ?? null,
          createdAt: now.toISOString(),
        });
        for (const o of p.offers)
          if (isOfferKind(o.kind))
            await store.insertOffer(trx, {
              partnerId: id,
              kind: o.kind,
              detail: o.detail.trim().slice(0, limits.offerDetail.max),
            });
        await recordAudit(
          trx,
          { actorId, action: 'partners.add', subject: `partner:${id}`, details: { name, type: p.type } },
          now,
        );
        await runHooks(trx, done);
        return id;
      });
    },
  };
}
