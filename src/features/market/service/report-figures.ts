import * as store from '../store';
import type { MarketDeps } from './deps';
import { summarise } from './summary';

// Read-only, for the community report's pictures (fund/report.ts, issue 18): the market days of a period with their
// numbers, the residents helped counted once however often they came, and each service's demand against its places.

export interface MarketReportFigures {
  days: { date: string; served: number; solved: number }[];
  /** Distinct residents served over the period; a walk-in without an account counts once per visit. */
  helped: number;
  services: { serviceId: number; nameZh: string; nameEn: string; booked: number; capacity: number; served: number }[];
}

const pick = (o: store.Offer) => ({ serviceId: o.serviceId, nameZh: o.nameZh, nameEn: o.nameEn });

export function reportFigures({ db }: Pick<MarketDeps, 'db'>) {
  return {
    /** Published market days with a date in [from, to) and not after `today`. */
    async reportFigures(from: string, to: string, today: string): Promise<MarketReportFigures> {
      const out: MarketReportFigures = { days: [], helped: 0, services: [] };
      const people = new Set<number>();
      const services = new Map<number, MarketReportFigures['services'][number]>();
      for (const m of await store.publishedBetween(db, from, to)) {
        if (m.date > today) continue;
        const offers = await store.offersOf(db, m.id);
        const rows = await store.bookingsOfMarket(db, m.id, ['booked', 'waiting', 'served', 'no_show']);
        const s = summarise(m.id, offers, rows);
        out.days.push({ date: m.date, served: s.served, solved: s.solved });
        for (const r of rows) {
          if (r.status !== 'served') continue;
          if (r.userId === null) out.helped++;
          else people.add(r.userId);
        }
        for (const o of offers) {
          const given = s.services.find((x) => x.serviceId === o.serviceId);
          const x = services.get(o.serviceId) ?? { ...pick(o), booked: 0, capacity: 0, served: 0 };
          x.booked += given?.booked ?? 0;
          x.served += given?.served ?? 0;
          x.capacity += o.capacity;
          services.set(o.serviceId, x);
        }
      }
      out.helped += people.size;
      out.services = [...services.values()];
      return out;
    },
  };
}
