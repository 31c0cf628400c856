import * as store from '../store';
import type { MarketDeps } from './deps';
import { summarise } from './summary';

// Read-only, for the community report's pictures (fund/report.ts, issue 18): each market day of a period with its
// numbers, who was served (so residents helped are counted once over any range of days), and each service's demand
// against its places. One read serves a period and its trend.

export interface MarketReportDay {
  date: string;
  served: number;
  solved: number;
  /** Residents served that day (by account); walk-ins without an account are counted in `walkIns`. */
  people: number[];
  walkIns: number;
  services: { serviceId: number; nameZh: string; nameEn: string; booked: number; capacity: number; served: number }[];
}

export interface MarketReportFigures {
  days: MarketReportDay[];
}

function groupBy<T, K>(xs: readonly T[], key: (x: T) => K): Map<K, T[]> {
  const out = new Map<K, T[]>();
  for (const x of xs) {
    const list = out.get(key(x));
    if (list) list.push(x);
    else out.set(key(x), [x]);
  }
  return out;
}

export function reportFigures({ db }: Pick<MarketDeps, 'db'>) {
  return {
    /** Published market days with a date in [from, to) and not after `today`. */
    async reportFigures(from: string, to: string, today: string): Promise<MarketReportFigures> {
      // Three reads whatever the period (a year was 1 + 2 per market day, 107 statements).
      const markets = (await store.publishedBetween(db, from, to)).filter((m) => m.date <= today);
      const ids = markets.map((m) => m.id);
      const offersBy = groupBy(await store.offersOfMarkets(db, ids), (o) => o.marketId);
      const rowsBy = groupBy(
        await store.countedBookingsOfMarkets(db, ids, ['booked', 'waiting', 'served', 'no_show']),
        (b) => b.marketId,
      );
      const days: MarketReportDay[] = [];
      for (const m of markets) {
        const offers = offersBy.get(m.id) ?? [];
        const rows = rowsBy.get(m.id) ?? [];
        const s = summarise(m.id, offers, rows);
        const served = rows.filter((r) => r.status === 'served');
        days.push({
          date: m.date,
          served: s.served,
          solved: s.solved,
          people: [...new Set(served.flatMap((r) => (r.userId === null ? [] : [r.userId])))],
          walkIns: served.filter((r) => r.userId === null).length,
          services: offers.map((o) => {
            const given = s.services.find((x) => x.serviceId === o.serviceId);
            const { serviceId, nameZh, nameEn, capacity } = o;
            return { serviceId, nameZh, nameEn, capacity, booked: given?.booked ?? 0, served: given?.served ?? 0 };
          }),
        });
      }
      return { days };
    },
  };
}
