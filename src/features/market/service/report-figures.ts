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

export function reportFigures({ db }: Pick<MarketDeps, 'db'>) {
  return {
    /** Published market days with a date in [from, to) and not after `today`. */
    async reportFigures(from: string, to: string, today: string): Promise<MarketReportFigures> {
      const days: MarketReportDay[] = [];
      for (const m of await store.publishedBetween(db, from, to)) {
        if (m.date > today) continue;
        const offers = await store.offersOf(db, m.id);
        const rows = await store.bookingsOfMarket(db, m.id, ['booked', 'waiting', 'served', 'no_show']);
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
