import type { Bilingual } from '../../../core/names';
import type { DbOrTx } from '../../../db/schema';
import type { Compound } from '../../residents/service';
import { estimateTime, ticketOf } from '../policy';
import * as store from '../store';
import type { Places } from './deps';

/** A resident's ticket or waitlist place, with what they booked and where. */
export interface BookingView {
  id: number;
  status: store.BookingStatus;
  /** 磨刀-07 / Knife-07; null on the waitlist. */
  ticket: Bilingual | null;
  estimate: string | null;
  /** Place in the waitlist (1 = next), for waiting bookings. */
  position: number | null;
  details: string | null;
  photo: string | null;
  offer: store.Offer;
  market: store.Market;
  compound: Compound | undefined;
}

export async function bookingView(trx: DbOrTx, b: store.Booking, places: Places, tz: string): Promise<BookingView> {
  const offer = (await store.findOffer(trx, b.offerId))!;
  const market = (await store.findMarket(trx, b.marketId))!;
  return {
    id: b.id,
    status: b.status,
    ticket: b.ticketNo === null ? null : ticketOf(offer, b.ticketNo),
    estimate: b.ticketNo === null ? null : estimateTime(market, offer.minutesPerTicket, b.ticketNo, tz),
    position: b.status === 'waiting' ? (await store.waitingAhead(trx, b.offerId, b.id)) + 1 : null,
    details: b.details,
    photo: b.photoFileId,
    offer,
    market,
    compound: places.get(market.compoundId),
  };
}
