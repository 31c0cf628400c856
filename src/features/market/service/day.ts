import { localDate } from '../../../core/time';
import { marketTimes } from '../policy';
import * as store from '../store';
import { getMarket, type MarketDeps } from './deps';
import { summarise } from './summary';

/** After the day: the numbers the community reports, per market day and over a period. */
export function marketDay(deps: MarketDeps) {
  const { db, clock, policy } = deps;
  const tz = policy.timezone;

  return {
    /** Today's published market days that have not ended, each with its tickets still waiting to be served. */
    async queuesToday(): Promise<{ market: store.Market; waiting: number }[]> {
      const now = clock.now();
      const today = localDate(now, tz);
      const markets = (await store.marketsOn(db, today)).filter(
        (m) => m.status === 'published' && marketTimes(m, tz).end > now,
      );
      return Promise.all(markets.map(async (m) => ({ market: m, waiting: await store.countWaiting(db, m.id) })));
    },

    /** After the day: the numbers the community reports (residents served, problems solved, no-shows) per service. */
    async summary(marketId: number) {
      await getMarket(db, marketId);
      const offers = await store.offersOf(db, marketId);
      const rows = await store.bookingsOfMarket(db, marketId, ['booked', 'waiting', 'served', 'no_show']);
      return summarise(marketId, offers, rows);
    },

    /**
     * The community report's market figures: published market days with a date in [from, to) and not after
     * `today`, and the totals of their summaries.
     */
    async marketDays(from: string, to: string, today: string) {
      const out = { held: 0, served: 0, residents: 0, solved: 0 };
      for (const m of await store.publishedBetween(db, from, to)) {
        if (m.date > today) continue;
        const rows = await store.bookingsOfMarket(db, m.id, ['booked', 'waiting', 'served', 'no_show']);
        const s = summarise(m.id, await store.offersOf(db, m.id), rows);
        out.held++;
        out.served += s.served;
        out.residents += s.residents;
        out.solved += s.solved;
      }
      return out;
    },
  };
}
