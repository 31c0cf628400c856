import { inLocale } from '../../../core/names';
import { type Button, grid, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { placesLeft } from '../policy';
import type { BookingView, MarketDay, ResidentHome, Subscription } from '../service';
import type { Offer } from '../store';
import { type Card, inReaders, type Reader, whenText } from './common';

// What residents see: the market days, their tickets, the waitlist, subscriptions.

const subscriptionRows = ({ t }: Reader): Button[][] => [
  [{ text: t('market.sub.home'), data: CB.sub('h') }],
  [{ text: t('market.sub.any'), data: CB.sub('a') }],
  [{ text: t('market.sub.stop'), data: CB.sub('x') }],
];

/** No market day is scheduled: offer to tell them when one is. */
export const noMarketCard = (r: Reader): Card => ({
  text: r.t('market.view.none'),
  markup: markup(subscriptionRows(r)),
});

const mineIn = (mine: BookingView[], d: MarketDay) => mine.filter((b) => b.market.id === d.market.id);

/** A ticket (or waitlist place) as one line of a market day's card. */
const myLine = (r: Reader, b: BookingView) =>
  b.status === 'waiting'
    ? r.t('market.view.myWaiting', { service: inLocale(b.offer, r.locale), position: b.position ?? 1 })
    : r.t('market.view.myTicket', {
        service: inLocale(b.offer, r.locale),
        ticket: inReaders(r, b.ticket),
        time: b.estimate ?? '',
      });

/** Today's market day, closed for booking: where and when, and the resident's own tickets for it. */
function currentSection(r: Reader, d: MarketDay, mine: BookingView[]): string {
  const own = mineIn(mine, d);
  const lines = own.length ? own.map((b) => myLine(r, b)) : [r.t('market.view.closedNote')];
  return [r.t('market.view.header', whenText(r, d.market, d.compound)), ...lines].join('\n');
}

/** A market day open for booking (or not, said so): places left per service and the resident's tickets. */
function nextSection(r: Reader, d: MarketDay, mine: BookingView[]): string {
  const { t, locale } = r;
  const own = mineIn(mine, d);
  const lines = d.offers.map((o) => {
    const b = own.find((x) => x.offer.id === o.id);
    if (b) return `• ${myLine(r, b)}`;
    const left = placesLeft(o);
    return t(left > 0 ? 'market.view.line' : 'market.view.lineFull', { service: inLocale(o, locale), left });
  });
  const note = d.state === 'open' ? 'market.view.chooseService' : 'market.view.closedNote';
  return [t('market.view.header', whenText(r, d.market, d.compound)), lines.join('\n'), t(note)].join('\n\n');
}

/** One button per service: book, join the line, or (already theirs) the ticket, which opens their bookings. */
function offerButton(r: Reader, o: Offer, own: BookingView | undefined): Button {
  const service = inLocale(o, r.locale);
  if (own?.status === 'waiting')
    return { text: r.t('market.btn.inLine', { service, position: own.position ?? 1 }), data: CB.mineHere };
  if (own) return { text: `✅ ${inReaders(r, own.ticket)}`, data: CB.mineHere };
  if (placesLeft(o) > 0) return { text: `${service} (${placesLeft(o)})`, data: CB.book(o.id) };
  return { text: r.t('market.btn.waitFor', { service }), data: CB.wait(o.id) };
}

/**
 * "市集预约": today's market day while it lasts (closed for booking, with the resident's tickets) and the next one to
 * book, each service a big button valid now.
 */
export function marketCard(r: Reader, h: ResidentHome): Card {
  const { t } = r;
  const { current, next, mine } = h;
  if (!current && !next) return noMarketCard(r);
  const text = [current && currentSection(r, current, mine), next && nextSection(r, next, mine)].filter(Boolean);
  const open = next?.state === 'open' ? next : null;
  const rows: Button[][] = open
    ? grid(
        open.offers.map((o) =>
          offerButton(
            r,
            o,
            mineIn(mine, open).find((b) => b.offer.id === o.id),
          ),
        ),
      )
    : [];
  rows.push([
    { text: t('market.btn.myBookings'), data: CB.mineHere },
    { text: t('market.btn.subscribe'), data: CB.subMenu },
  ]);
  const mapped = [current, next].filter((d) => d && d.market.latitude !== null && d.market.longitude !== null);
  for (const d of mapped as MarketDay[]) {
    const text = mapped.length > 1 ? t('market.btn.mapOf', { date: d.market.date }) : t('market.btn.map');
    rows.push([{ text, data: CB.map(d.market.id) }]);
  }
  return { text: text.join('\n\n———\n\n'), markup: markup(rows) };
}

export const venueText = (r: Reader, d: MarketDay) => r.t('market.view.venue', whenText(r, d.market, d.compound));

export const fullCard = ({ t }: Reader, offerId: number): Card => ({
  text: t('market.book.full'),
  markup: markup([[{ text: t('market.btn.joinWaitlist'), data: CB.wait(offerId) }]]),
});

export const askDetailsText = ({ t, locale }: Reader, o: Offer) =>
  t('market.book.askDetails', {
    service: inLocale(o, locale),
    hint: locale === 'en' ? o.descriptionEn : o.descriptionZh,
  });

export const askPhotoCard = ({ t }: Reader, key = 'market.book.askPhoto'): Card => ({
  text: t(key),
  markup: markup([[{ text: t('market.btn.skipPhoto'), data: CB.skipPhoto }]]),
});

/** The photo question once answered: what happened, and no button left to press. */
export const photoAnsweredCard = ({ t }: Reader, sent: boolean): Card => ({
  text: t(sent ? 'market.book.photoReceived' : 'market.book.photoSkipped'),
  markup: markup([]),
});

/** The ticket and its likely time, or the place in the line. */
export function bookedText(r: Reader, v: BookingView): string {
  const service = inLocale(v.offer, r.locale);
  if (v.status === 'waiting') return r.t('market.book.waiting', { service, position: v.position ?? 1 });
  const when = whenText(r, v.market, v.compound);
  return r.t('market.book.done', { ...when, service, ticket: inReaders(r, v.ticket), time: v.estimate ?? '' });
}

/** A confirmation that arrives again after the booking was made: what they already have. */
export const alreadyText = (r: Reader, v: BookingView) =>
  v.status === 'waiting'
    ? r.t('market.book.alreadyWaiting', { service: inLocale(v.offer, r.locale), position: v.position ?? 1 })
    : r.t('market.book.already', { service: inLocale(v.offer, r.locale), ticket: inReaders(r, v.ticket) });

/**
 * "我的预约": every ticket and waitlist place, with cancel (and change, for described items) buttons. `notice` says
 * what just changed (a cancellation) above the list as it is now.
 */
export function myBookingsCard(r: Reader, mine: BookingView[], notice?: string): Card {
  const { t, locale } = r;
  const back = [{ text: t('market.btn.back'), data: CB.home }];
  const head = notice ? [notice] : [];
  if (mine.length === 0) return { text: [...head, t('market.my.none')].join('\n\n'), markup: markup([back]) };
  const lines = mine.map((b) => {
    const when = whenText(r, b.market, b.compound);
    const service = inLocale(b.offer, locale);
    return b.status === 'waiting'
      ? t('market.my.lineWaiting', { ...when, service, position: b.position ?? 1 })
      : t('market.my.line', { ...when, service, ticket: inReaders(r, b.ticket), time: b.estimate ?? '' });
  });
  const rows = mine.map((b) => {
    const ticket = inReaders(r, b.ticket, inLocale(b.offer, locale));
    const row: Button[] = [{ text: t('market.btn.cancelOne', { ticket }), data: CB.cancel(b.id) }];
    if (b.offer.needsDetails) row.push({ text: t('market.btn.changeOne', { ticket }), data: CB.edit(b.id) });
    return row;
  });
  rows.push(back);
  return { text: [...head, t('market.my.header'), ...lines].join('\n\n'), markup: markup(rows) };
}

export const confirmCancelCard = (r: Reader, v: BookingView): Card => ({
  text: r.t('market.cancel.confirm', {
    service: inLocale(v.offer, r.locale),
    ticket: inReaders(r, v.ticket, r.t('market.status.waiting')),
  }),
  markup: markup([
    [
      { text: r.t('market.btn.cancelYes'), data: CB.cancelYes(v.id) },
      { text: r.t('market.btn.keep'), data: CB.keep },
    ],
  ]),
});

export const subscriptionCard = (r: Reader, now: Subscription): Card => ({
  text: r.t(`market.sub.status.${now}`),
  markup: markup(subscriptionRows(r)),
});
