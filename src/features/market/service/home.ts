import { localDate } from '../../../core/time';
import { marketTimes } from '../policy';
import * as store from '../store';
import type { BookingView } from './booking-view';
import { dayOf, type MarketDay, type MarketDeps } from './deps';

/**
 * What 🛠 shows a resident. `current`: a market day whose online booking has closed but which has not ended (on the
 * day itself, with the resident's tickets); `next`: the next market day open for booking — so next month's market is
 * reachable on market day too. Either may be missing; `mine` holds the resident's tickets and waitlist places.
 */
export interface ResidentHome {
  current: MarketDay | null;
  next: MarketDay | null;
  mine: BookingView[];
}

export function home(deps: MarketDeps, bookings: { myBookings(userId: number): Promise<BookingView[]> }) {
  const { db, clock, policy } = deps;
  const tz = policy.timezone;

  async function residentHome(userId: number): Promise<ResidentHome> {
    const now = clock.now();
    const upcoming = (await store.marketsFrom(db, localDate(now, tz), ['published'])).filter(
      (m) => marketTimes(m, tz).end > now,
    );
    const days: MarketDay[] = [];
    // Soonest first: stop at the first one open for booking (later ones are not shown yet).
    for (const m of upcoming) {
      const d = await dayOf(deps, m, now);
      days.push(d);
      if (d.state === 'open') break;
    }
    const next = days.find((d) => d.state === 'open') ?? null;
    const current = days.find((d) => d.state !== 'open') ?? null;
    return { current, next, mine: await bookings.myBookings(userId) };
  }

  return {
    residentHome,

    /**
     * The card for one market day as this resident sees it: the home card if it is the one 🛠 shows, else that day
     * alone (an announcement's button opens a market further ahead). Null for an id that is no market day.
     */
    async residentDay(userId: number, marketId: number): Promise<ResidentHome | null> {
      const h = await residentHome(userId);
      if (h.next?.market.id === marketId || h.current?.market.id === marketId) return h;
      const m = await store.findMarket(db, marketId);
      if (!m) return null;
      return { current: null, next: await dayOf(deps, m, clock.now()), mine: h.mine };
    },
  };
}
