import { type Bilingual, bilingual, displayName } from '../../../core/names';
import { recordAudit } from '../../../identity';
import { MarketNotFound, NoMarketThatDay } from '../errors';
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
export function exports({ db, identity, clock }: Pick<MarketDeps, 'db' | 'identity' | 'clock'>) {
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

    /**
     * The same for staff picking a day: a day without a market day says so, naming the last days one was held (the
     * ids of other days are nobody's business here, the dates are what staff know).
     */
    async exportDay(date: string): Promise<ExportRow[]> {
      const markets = (await store.marketsOn(db, date)).filter((m) => m.status !== 'draft');
      if (markets.length > 0) return rowsOf(markets);
      const recent = [...new Set((await store.heldBefore(db, date, 6)).map((m) => m.date))].slice(0, 3);
      throw new NoMarketThatDay(date, recent.join(' / ') || '-');
    },

    /** Every booking of one market day, recorded in the audit log as an export (who took which data, when). */
    async marketExport(marketId: number, actorId: number | null = null): Promise<ExportRow[]> {
      const m = await getMarket(db, marketId);
      const rows = await rowsOf([m]);
      if (actorId !== null) {
        const details = { marketId, date: m.date };
        await recordAudit(db, { actorId, action: 'export', subject: 'market', details }, clock.now());
      }
      return rows;
    },
  };
}
