import type { CountedBooking, Offer } from '../store';

export interface ServiceSummary {
  serviceId: number;
  nameZh: string;
  nameEn: string;
  isRepair: boolean;
  booked: number;
  walkIns: number;
  served: number;
  fixed: number;
  notFixable: number;
  needsParts: number;
  noShows: number;
  waiting: number;
  heldYes: number;
  heldNo: number;
}

export interface MarketSummary {
  marketId: number;
  /** People attended to (a booking or a walk-in marked served, whatever the repair result). */
  served: number;
  /** Distinct residents with a Telegram account among those served, plus walk-ins. */
  residents: number;
  /** Non-repair services given, plus repairs fixed. */
  solved: number;
  noShows: number;
  walkIns: number;
  heldYes: number;
  heldNo: number;
  services: ServiceSummary[];
}

/** A market day's numbers from its offers and its bookings that were not cancelled. */
export function summarise(marketId: number, offers: readonly Offer[], rows: readonly CountedBooking[]): MarketSummary {
  const services = offers.map((o): ServiceSummary => {
    const mine = rows.filter((r) => r.offerId === o.id);
    const count = (f: (r: CountedBooking) => boolean) => mine.filter(f).length;
    return {
      serviceId: o.serviceId,
      nameZh: o.nameZh,
      nameEn: o.nameEn,
      isRepair: o.isRepair,
      booked: count((r) => !r.walkIn && r.status !== 'waiting'),
      walkIns: count((r) => r.walkIn),
      served: count((r) => r.status === 'served'),
      fixed: count((r) => r.outcome === 'fixed'),
      notFixable: count((r) => r.outcome === 'not_fixable'),
      needsParts: count((r) => r.outcome === 'needs_parts'),
      noShows: count((r) => r.status === 'no_show'),
      waiting: count((r) => r.status === 'waiting'),
      heldYes: count((r) => r.holdAnswer === 'yes'),
      heldNo: count((r) => r.holdAnswer === 'no'),
    };
  });
  const served = rows.filter((r) => r.status === 'served');
  const total = (k: 'noShows' | 'walkIns' | 'heldYes' | 'heldNo') => services.reduce((n, s) => n + s[k], 0);
  return {
    marketId,
    served: served.length,
    residents:
      new Set(served.flatMap((r) => (r.userId === null ? [] : [r.userId]))).size +
      served.filter((r) => r.userId === null).length,
    solved: served.filter((r) => r.outcome === 'served' || r.outcome === 'fixed').length,
    noShows: total('noShows'),
    walkIns: total('walkIns'),
    heldYes: total('heldYes'),
    heldNo: total('heldNo'),
    services,
  };
}
