import { weekdayName, weekdayOf } from '../../../core/calendar';
import { bilingual } from '../../../core/names';
import type { OutMessage, Param, Params } from '../../../outbox/service';
import type { Compound } from '../../residents/service';
import { CB } from '../callbacks';
import { estimateTime, ticketCode } from '../policy';
import type { Booking, Market, Offer } from '../store';

// What the market tells residents through the outbox: keys and parameters, rendered in each one's language.

/** Date, weekday, hours, host and place of a market day. */
export const whenParams = (m: Market, compound: Compound | undefined): Params => ({
  date: m.date,
  weekday: weekdayName(weekdayOf(m.date)),
  start: m.startsAt,
  end: m.endsAt,
  compound: compound ? bilingual(compound) : '-',
  location: m.location,
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
  ticket: ticketCode(o.ticketPrefix, ticketNo),
  time: estimateTime(m, o.minutesPerTicket, ticketNo, tz),
});

export function announcements(m: Market, when: Params, offers: Offer[], to: number[]): OutMessage[] {
  const services = {
    'zh-CN': offers.map((o) => o.nameZh).join('、'),
    en: offers.map((o) => o.nameEn).join(', '),
  };
  const content = {
    key: 'market.notify.announce',
    params: { ...when, services },
    buttons: [[{ key: 'market.btn.bookNow', data: CB.open(m.id) }]],
  };
  return to.map((id) => personal(`market:announce:${m.id}:${id}`, id, content, 'notice'));
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
  personal(`market:remind-${kind}:${b.id}`, b.userId, {
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
