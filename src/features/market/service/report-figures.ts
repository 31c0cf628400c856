import * as store from '../store';
import type { MarketDeps } from './deps';

// Read-only, for the community report's pictures (fund/report.ts, issue 18): each market day of a period with its
// numbers and each service's demand against its places, and the residents served over a range of days (each counted
// once). A few reads whatever the period, the bookings counted by the database (store/report-counts.ts).

export interface MarketReportDay {
  date: string;
  served: number;
  solved: number;
  /** Served walk-ins without an account: each visit is one person. */
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

const total = (xs: readonly store.OfferCount[], k: 'served' | 'solved' | 'walkIns') => xs.reduce((n, x) => n + x[k], 0);

export function reportFigures({ db, reads }: Pick<MarketDeps, 'db' | 'reads'>) {
  return {
    /** Published market days with a date in [from, to) and not after `today`. */
    async reportFigures(from: string, to: string, today: string): Promise<MarketReportFigures> {
      const markets = (await store.publishedBetween(db, from, to)).filter((m) => m.date <= today);
      const ids = markets.map((m) => m.id);
      const offersBy = groupBy(await store.reportOffers(db, reads, ids), (o) => o.marketId);
      const countsBy = groupBy(await store.offerCounts(db, reads, ids), (c) => c.marketId);
      return {
        days: markets.map((m): MarketReportDay => {
          const counts = countsBy.get(m.id) ?? [];
          const byOffer = new Map(counts.map((c) => [c.offerId, c]));
          return {
            date: m.date,
            served: total(counts, 'served'),
            solved: total(counts, 'solved'),
            walkIns: total(counts, 'walkIns'),
            services: (offersBy.get(m.id) ?? []).map((o) => {
              const { serviceId, nameZh, nameEn, capacity } = o;
              const c = byOffer.get(o.id);
              return { serviceId, nameZh, nameEn, capacity, booked: c?.booked ?? 0, served: c?.served ?? 0 };
            }),
          };
        }),
      };
    },

    /** Residents (by account) served on the published market days in [from, to) not after `today`, each once. */
    async residentsServed(from: string, to: string, today: string): Promise<number> {
      const markets = (await store.publishedBetween(db, from, to)).filter((m) => m.date <= today);
      return store.residentsServed(
        db,
        reads,
        markets.map((m) => m.id),
      );
    },
  };
}
