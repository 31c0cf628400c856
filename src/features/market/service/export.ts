import { toCsv } from '../../../core/csv';
import { displayName } from '../../../core/names';
import { MarketNotFound } from '../errors';
import { ticketCode } from '../policy';
import * as store from '../store';
import type { MarketDeps } from './deps';

const HEADER = [
  'ticket',
  'service_zh',
  'service_en',
  'status',
  'outcome',
  'note',
  'walk_in',
  'name',
  'phone',
  'details',
  'booked_at',
  'served_at',
  'fix_held',
];

/** Bookings and outcomes for the providers' and the office's spreadsheets. */
export function exports({ db, identity }: Pick<MarketDeps, 'db' | 'identity'>) {
  return {
    /** Every booking of the market day(s) on `date` as CSV (UTF-8 with BOM), one market after another. */
    async exportCsv(date: string): Promise<string> {
      const markets = (await store.marketsOn(db, date)).filter((m) => m.status !== 'draft');
      if (markets.length === 0) throw new MarketNotFound();
      const rows: unknown[][] = [HEADER];
      for (const m of markets) {
        for (const o of await store.offersOf(db, m.id)) {
          const tickets = await store.ticketsOf(db, o.id, true);
          const ids = tickets.flatMap((b) => (b.userId === null ? [] : [b.userId]));
          const people = new Map((await identity.users(ids)).map((u) => [u.id, u]));
          for (const b of tickets) {
            const person = b.userId === null ? undefined : people.get(b.userId);
            rows.push([
              b.ticketNo === null ? '' : ticketCode(o.ticketPrefix, b.ticketNo),
              o.nameZh,
              o.nameEn,
              b.status,
              b.outcome,
              b.outcomeNote,
              b.walkIn ? 1 : 0,
              person ? displayName(person) : '',
              person?.phone,
              b.details,
              b.createdAt,
              b.servedAt,
              b.holdAnswer,
            ]);
          }
        }
      }
      return toCsv(rows, { bom: true });
    },
  };
}
