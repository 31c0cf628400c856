import { AlreadyPublished, MarketCancelled, MarketOver } from '../errors';
import { marketTimes } from '../policy';
import { dayOf, getMarket, type MarketDay, type MarketDeps } from './deps';

/**
 * What a staff panel's first tap may lead to: a button on a panel that is no longer true (the day was cancelled,
 * published or is over since it was drawn) gets the named refusal at once, not a confirmation that can only fail.
 */
export function guards(deps: MarketDeps) {
  const { db, clock, policy } = deps;

  /** A market day whose time, place, places or existence staff may still change. */
  async function changeable(marketId: number): Promise<MarketDay> {
    const d = await dayOf(deps, await getMarket(db, marketId), clock.now());
    if (d.state === 'cancelled') throw new MarketCancelled();
    if (d.state === 'over') throw new MarketOver();
    return d;
  }

  return {
    changeable,

    /** A draft that can still be published (its start is ahead). */
    async publishable(marketId: number): Promise<MarketDay> {
      const d = await changeable(marketId);
      if (d.market.status === 'published') throw new AlreadyPublished();
      if (marketTimes(d.market, policy.timezone).start <= clock.now()) throw new MarketOver();
      return d;
    },
  };
}
