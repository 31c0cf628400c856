import { weekdayName, weekdayOf } from '../../../core/calendar';
import { bilingual } from '../../../core/names';
import type { OutMessage, Param, Params } from '../../../outbox/service';
import type { Compound } from '../../residents/service';
import { CB } from '../callbacks';
import { estimateTime, ticketOf } from '../policy';
import type { Booking, Market, Offer } from '../store';

// What the market tells residents through the outbox: keys and parameters, rendered in each one's language.

/**
 * Where exactly: in both languages, or (no English given) the place's own name, marked so for English readers; and
 * the address if there is one.
 */
export const placeParam = (m: Pick<Market, 'location' | 'locationEn' | 'address'>): Param => {
  const name: Param = m.locationEn
    ? { 'zh-CN': m.location, en: m.locationEn }
    : { $t: 'market.view.localName', params: { name: m.location } };
  return m.address ? { $t: 'market.view.placeWithAddress', params: { place: name, address: m.address } } : name;
};

/** Date, weekday, hours, host and place of a market day. */
export const whenParams = (m: Market, compound: Compound | undefined): Params => ({
  date: m.date,
  weekday: weekdayName(weekdayOf(m.date)),
  start: m.startsAt,
  end: m.endsAt,
  compound: compound ? bilingual(compound) : '-',
  location: placeParam(m),
});

const personal = (
  dedupeKey: string,
  userId: number,
  content: OutMessage['content'],
  category: OutMessage['category'] = 'personal',
): OutMessage => ({ dedupeKey, chatId: userId, userId, category, content });

const myBookingsButton = [[{ key: 'market.btn.myBookings', data: CB.mine }]];

/** The ticket, its likely time and the day, for a resident whose place is confirmed. */
const ticketParams = (m: Market, o: Offer, ticketNo: number, tz: string): Params => ({
  service: bilingual(o),
  ticket: ticketOf(o, ticketNo),
  time: estimateTime(m, o.minutesPerTicket, ticketNo, tz),
});

const serviceList = (offers: Offer[]): Param => ({
  'zh-CN': offers.map((o) => o.nameZh).join('、'),
  en: offers.map((o) => o.nameEn).join(', '),
});

const announceKey = (m: Market, userId: number) => `market:announce:${m.id}:${userId}`;

export function announcements(m: Market, when: Params, offers: Offer[], to: number[]): OutMessage[] {
  const content = {
    key: 'market.notify.announce',
    params: { ...when, services: serviceList(offers) },
    buttons: [[{ key: 'market.btn.bookNow', data: CB.open(m.id) }]],
  };
  return to.map((id) => personal(announceKey(m, id), id, content, 'notice'));
}

/**
 * The announcement residents hold, edited in place when the day changes or is cancelled: the card shows the time and
 * place as they are now (or that it is off), and its button only while there is something to book. Each update has a
 * key of its own (the revision, or "x" for the cancellation) and replaces the announcement as first sent.
 */
export function announcementUpdates(
  m: Market,
  when: Params,
  offers: Offer[],
  to: number[],
  kind: 'changed' | 'cancelled',
): OutMessage[] {
  const content =
    kind === 'changed'
      ? {
          key: 'market.notify.announceChanged',
          params: { ...when, services: serviceList(offers) },
          buttons: [[{ key: 'market.btn.bookNow', data: CB.open(m.id) }]],
        }
      : { key: 'market.notify.announceCancelled', params: when };
  const round = kind === 'changed' ? `r${m.revision}` : 'x';
  return to.map((id) =>
    personal(`${announceKey(m, id)}:${round}`, id, { ...content, replaces: announceKey(m, id) }, 'notice'),
  );
}

/** Each change of time or place is its own notice (the revision is in the key). */
export const changed = (m: Market, when: Params, users: number[]) =>
  users.map((u) =>
    personal(`market:changed:${m.id}:${m.revision}:${u}`, u, { key: 'market.notify.changed', params: when }),
  );

export const cancelled = (m: Market, when: Params, users: number[]) =>
  users.map((u) => personal(`market:cancelled:${m.id}:${u}`, u, { key: 'market.notify.cancelled', params: when }));

export const promoted = (
  b: Booking & { userId: number },
  m: Market,
  when: Params,
  o: Offer,
  ticketNo: number,
  tz: string,
) =>
  personal(`market:promoted:${b.id}`, b.userId, {
    key: 'market.notify.promoted',
    params: { ...when, ...ticketParams(m, o, ticketNo, tz) },
    buttons: myBookingsButton,
  });

const bring = (o: Offer): Param =>
  o.bringZh ? { 'zh-CN': o.bringZh, en: o.bringEn ?? o.bringZh } : { $t: 'market.remind.bringNothing' };

export const reminder = (
  kind: 'eve' | 'morn',
  b: Booking & { userId: number; ticketNo: number },
  m: Market,
  when: Params,
  o: Offer,
  tz: string,
) =>
  personal(`market:remind-${kind}:${b.id}:${m.date}`, b.userId, {
    key: kind === 'eve' ? 'market.remind.evening' : 'market.remind.morning',
    params: { ...when, ...ticketParams(m, o, b.ticketNo, tz), bring: bring(o) },
    buttons: myBookingsButton,
  });

export const holdCheck = (b: Booking & { userId: number }, when: Params, o: Offer) =>
  personal(`market:hold:${b.id}`, b.userId, {
    key: 'market.notify.holdCheck',
    params: { ...when, service: bilingual(o), details: b.details ?? '-' },
    buttons: [
      [
        { key: 'market.hold.yes', data: CB.hold(b.id, true) },
        { key: 'market.hold.no', data: CB.hold(b.id, false) },
      ],
    ],
  });
