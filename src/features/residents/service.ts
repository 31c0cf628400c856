import type { Platform } from '../../platform';
import { UnknownCompound } from './errors';
import { normalisePhone } from './policy';
import * as store from './store';

export type { Community, Compound } from './store';

/** Places (communities and compounds) and the resident's own details: where they live, their phone. */
export type ResidentsService = ReturnType<typeof createResidentsService>;

export function createResidentsService({ db, identity }: Pick<Platform, 'db' | 'identity'>) {
  return {
    communities: () => store.listCommunities(db),
    community: (id: number) => store.findCommunity(db, id),
    compounds: (communityId?: number) => store.listCompounds(db, communityId),
    compound: (id: number) => store.findCompound(db, id),

    /** The resident's home: the compound chosen, and with it the community; onboarding is then done. */
    async setHome(userId: number, compoundId: number) {
      const compound = await store.findCompound(db, compoundId);
      if (!compound) throw new UnknownCompound();
      await identity.setHome(userId, compound.communityId, compound.id);
      return compound;
    },
    /** Where a user lives, as far as they told us. */
    async homeOf(user: { communityId: number | null; compoundId: number | null }) {
      return {
        community: user.communityId === null ? undefined : await store.findCommunity(db, user.communityId),
        compound: user.compoundId === null ? undefined : await store.findCompound(db, user.compoundId),
      };
    },
    finishOnboarding: (userId: number) => identity.finishOnboarding(userId),
    /** Only the resident's own number, from Telegram's contact button; null deletes it. */
    setPhone: (userId: number, phone: string | null) =>
      identity.setPhone(userId, phone === null ? null : normalisePhone(phone)),
    setNoticesOptOut: (userId: number, optOut: boolean) => identity.setNoticesOptOut(userId, optOut),
    setLanguage: identity.setLanguage,
  };
}
