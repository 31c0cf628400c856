import { type Bilingual, bilingual, displayName } from '../../../core/names';
import { MarketNotFound } from '../errors';
import { ticketOf } from '../policy';
import * as store from '../store';
import { getMarket, type MarketDeps } from './deps';

/** One booking as the providers' and the office's spreadsheets list it; the view puts it in the reader's language. */
export interface ExportRow {
  date: string;
  ticket: Bilingual | null;
  service: Bilingual;
  status: store.BookingStatus;
  outcome: store.Outcome | null;
  note: string | null;
  walkIn: boolean;
  name: string | null;
  phone: string | null;
  details: string | null;
  bookedAt: string;
  servedAt: string | null;
  held: store.HoldAnswer | null;
}

/** Bookings and outcomes of a market day, for the providers' and the office's spreadsheets. */
export function exports({ db, identity }: Pick<MarketDeps, 'db' | 'identity'>) {
  async function rowsOf(markets: store.Market[]): Promise<ExportRow[]> {
    const rows: ExportRow[] = [];
    for (const m of markets) {
      for (const o of await store.offersOf(db, m.id)) {
        const tickets = await store.ticketsOf(db, o.id, true);
        const ids = tickets.flatMap((b) => (b.userId === null ? [] : [b.userId]));
        const people = new Map((await identity.users(ids)).map((u) => [u.id, u]));
        for (const b of tickets) {
          const person = b.userId === null ? undefined : people.get(b.userId);
          rows.push({
            date: m.date,
            ticket: b.ticketNo === null ? null : ticketOf(o, b.ticketNo),
            service: bilingual(o),
            status: b.status,
            outcome: b.outcome,
            note: b.outcomeNote,
            walkIn: b.walkIn,
            name: person ? displayName(person) : null,
            phone: person?.phone ?? null,
            details: b.details,
            bookedAt: b.createdAt,
            servedAt: b.servedAt,
            held: b.holdAnswer,
          });
        }
      }
    }
    return rows;
  }

  return {
    /** Every booking of the market day(s) on `date` that were published, one market after another. */
    async exportRows(date: string): Promise<ExportRow[]> {
      const markets = (await store.marketsOn(db, date)).filter((m) => m.status !== 'draft');
      if (markets.length === 0) throw new MarketNotFound();
      return rowsOf(markets);
    },

    /** Every booking of one market day. */
    async marketExport(marketId: number): Promise<ExportRow[]> {
      return rowsOf([await getMarket(db, marketId)]);
    },
  };
}
