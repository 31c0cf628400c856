import { inLocale } from '../../../core/names';
import { type Button, grid, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { placesLeft } from '../policy';
import type { BookingView, MarketDay, Subscription } from '../service';
import type { Offer } from '../store';
import { type Card, type Reader, whenText } from './common';

// What residents see: the next market day, their tickets, the waitlist, subscriptions.

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

/** "市集预约": when and where, what it offers and how many places are left; one big button per service. */
export function marketCard(r: Reader, d: MarketDay): Card {
  const { t, locale } = r;
  const lines = d.offers.map((o) => {
    const left = placesLeft(o);
    return t(left > 0 ? 'market.view.line' : 'market.view.lineFull', { service: inLocale(o, locale), left });
  });
  const note = d.state === 'open' ? 'market.view.chooseService' : 'market.view.closedNote';
  const text = [t('market.view.header', whenText(locale, d.market, d.compound)), lines.join('\n'), t(note)];
  const label = (o: Offer) =>
    placesLeft(o) > 0 ? `${inLocale(o, locale)} (${placesLeft(o)})` : `${inLocale(o, locale)} ⏳`;
  const rows = d.state === 'open' ? grid(d.offers.map((o) => ({ text: label(o), data: CB.book(o.id) }))) : [];
  rows.push([
    { text: t('market.btn.myBookings'), data: CB.mine },
    { text: t('market.btn.subscribe'), data: CB.subMenu },
  ]);
  if (d.market.latitude !== null && d.market.longitude !== null)
    rows.push([{ text: t('market.btn.map'), data: CB.map(d.market.id) }]);
  return { text: text.join('\n\n'), markup: markup(rows) };
}

export const venueText = ({ t, locale }: Reader, d: MarketDay) =>
  t('market.view.venue', whenText(locale, d.market, d.compound));

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

/** The ticket and its likely time, or the place in the line. */
export function bookedText({ t, locale }: Reader, v: BookingView): string {
  const service = inLocale(v.offer, locale);
  if (v.status === 'waiting') return t('market.book.waiting', { service, position: v.position ?? 1 });
  const when = whenText(locale, v.market, v.compound);
  return t('market.book.done', { ...when, service, ticket: v.ticket ?? '', time: v.estimate ?? '' });
}

/** "我的预约": every ticket and waitlist place, with cancel (and change, for described items) buttons. */
export function myBookingsCard(r: Reader, mine: BookingView[]): Card {
  const { t, locale } = r;
  if (mine.length === 0) return { text: t('market.my.none') };
  const lines = mine.map((b) => {
    const when = whenText(locale, b.market, b.compound);
    const service = inLocale(b.offer, locale);
    return b.status === 'waiting'
      ? t('market.my.lineWaiting', { ...when, service, position: b.position ?? 1 })
      : t('market.my.line', { ...when, service, ticket: b.ticket ?? '', time: b.estimate ?? '' });
  });
  const rows = mine.map((b) => {
    const ticket = b.ticket ?? inLocale(b.offer, locale);
    const row: Button[] = [{ text: t('market.btn.cancelOne', { ticket }), data: CB.cancel(b.id) }];
    if (b.offer.needsDetails) row.push({ text: t('market.btn.changeOne', { ticket }), data: CB.edit(b.id) });
    return row;
  });
  rows.push([{ text: t('market.btn.back'), data: CB.home }]);
  return { text: [t('market.my.header'), ...lines].join('\n\n'), markup: markup(rows) };
}

export const confirmCancelCard = ({ t, locale }: Reader, v: BookingView): Card => ({
  text: t('market.cancel.confirm', {
    service: inLocale(v.offer, locale),
    ticket: v.ticket ?? t('market.status.waiting'),
  }),
  markup: markup([
    [
      { text: t('market.btn.cancelYes'), data: CB.cancelYes(v.id) },
      { text: t('market.btn.keep'), data: CB.keep },
    ],
  ]),
});

export const subscriptionCard = (r: Reader, now: Subscription): Card => ({
  text: r.t(`market.sub.status.${now}`),
  markup: markup(subscriptionRows(r)),
});
