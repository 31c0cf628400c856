import { NoHome } from '../errors';
import * as store from '../store';
import type { MarketDeps } from './deps';

export type Subscription = 'none' | 'home' | 'any';

/** "Tell me when the market comes": who hears of a market day besides the host compound's residents. */
export function subscriptions({ db, clock, identity }: Pick<MarketDeps, 'db' | 'clock' | 'identity'>) {
  return {
    async subscriptionOf(userId: number): Promise<Subscription> {
      const subs = await store.subscriptionsOf(db, userId);
      if (subs.some((compoundId) => compoundId === null)) return 'any';
      return subs.length ? 'home' : 'none';
    },

    /** "Tell me when the market comes": to the resident's own compound, or anywhere in the sub-district. */
    async subscribe(userId: number, scope: Subscription): Promise<Subscription> {
      const home = scope === 'home' ? ((await identity.user(userId))?.compoundId ?? null) : null;
      if (scope === 'home' && home === null) throw new NoHome();
      return store.atomically(db, async (trx) => {
        await store.clearSubscriptions(trx, userId);
        if (scope !== 'none') await store.addSubscription(trx, userId, home, clock.now().toISOString());
        return scope;
      });
    },
  };
}
