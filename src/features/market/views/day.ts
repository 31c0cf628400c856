import { inLocale } from '../../../core/names';
import { type Button, grid, markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import type { MarketDay, MarketSummary, QueueEntry } from '../service';
import type { Market, Offer, Outcome } from '../store';
import type { Card, Reader } from './common';
import { confirmCard } from './staff';

// The market day itself, as staff work through it: a queue per service, one ticket at a time, then the summary.

const QUEUE_PAGE = 8;
const mark: Record<string, string> = { booked: '⏳', waiting: '🕒', served: '✅', no_show: '🚫' };

const backToQueue = ({ t }: Reader, offerId: number) =>
  markup([[{ text: t('market.day.backToQueue'), data: CB.serviceQueue(offerId, 0) }]]);

export const chooseServiceCard = ({ t, locale }: Reader, d: MarketDay): Card => {
  const rows = grid(d.offers.map((o) => ({ text: inLocale(o, locale), data: CB.serviceQueue(o.id, 0) })));
  rows.push([{ text: t('market.btn.back'), data: CB.panel(d.market.id) }]);
  return { text: t('market.day.chooseService', { date: d.market.date }), markup: markup(rows) };
};

/** One service's tickets, a page at a time, each a button to record how it went. */
export function queueCard(r: Reader, offer: Offer, entries: QueueEntry[], page: number): Card {
  const { t, locale } = r;
  const who = (e: QueueEntry) => (e.walkIn ? t('market.staff.walkInShort') : (e.name ?? ''));
  const label = (e: QueueEntry) => `${mark[e.status] ?? ''} ${e.ticket ?? t('market.status.waiting')} ${who(e)}`.trim();
  const { rows } = pagedRows(
    entries,
    page,
    QUEUE_PAGE,
    (e) => ({ text: label(e), data: CB.ticket(e.id) }),
    (n) => CB.serviceQueue(offer.id, n),
  );
  rows.push([
    { text: t('market.staff.btn.walkIn'), data: CB.walkIn(offer.id) },
    { text: t('market.btn.back'), data: CB.queue(offer.marketId) },
  ]);
  const text = t('market.day.queue', {
    service: inLocale(offer, locale),
    waiting: entries.filter((e) => e.status === 'booked').length,
    total: entries.filter((e) => e.ticket !== null).length,
  });
  return { text, markup: markup(rows) };
}

/** One ticket: who, what the resident wrote, and (while it waits) the results staff can record. */
export function ticketCard(
  r: Reader,
  offer: Offer,
  entry: QueueEntry,
  outcomes: Outcome[],
): Card & { photo: string | null } {
  const { t, locale } = r;
  const text = t('market.day.ticket', {
    ticket: entry.ticket ?? t('market.status.waiting'),
    service: inLocale(offer, locale),
    name: entry.walkIn ? t('market.staff.walkInShort') : (entry.name ?? '-'),
    details: entry.details ?? '-',
    status: t(`market.status.${entry.status}`),
    outcome: entry.outcome ? t(`market.outcome.${entry.outcome}`) : '-',
    note: entry.note ?? '-',
  });
  const rows: Button[][] =
    entry.status === 'booked'
      ? grid(outcomes.map((o) => ({ text: t(`market.outcome.${o}`), data: CB.outcome(entry.id, o) })))
      : [];
  rows.push([{ text: t('market.btn.back'), data: CB.serviceQueue(offer.id, 0) }]);
  return { text, markup: markup(rows), photo: entry.photo };
}

export const recordedText = ({ t }: Reader, entry: QueueEntry, outcome: Outcome) =>
  t('market.day.recorded', { ticket: entry.ticket ?? '', outcome: t(`market.outcome.${outcome}`) });

export const recordedCard = (r: Reader, offer: Offer, entry: QueueEntry, outcome: Outcome): Card => ({
  text: recordedText(r, entry, outcome),
  markup: backToQueue(r, offer.id),
});

export const askNoteCard = ({ t }: Reader, entry: QueueEntry): Card => ({
  text: t('market.day.askNote', { ticket: entry.ticket ?? '' }),
  markup: markup([[{ text: t('market.day.skipNote'), data: CB.skipNote }]]),
});

/** After a note (or none): back to the queue. */
export const noteDoneCard = (r: Reader, key: 'market.day.noteSaved' | 'market.day.noteSkipped', offerId: number) => ({
  text: r.t(key),
  markup: backToQueue(r, offerId),
});

export const confirmWalkInCard = (r: Reader, offer: Offer) =>
  confirmCard(
    r,
    r.t('market.day.confirmWalkIn', { service: inLocale(offer, r.locale) }),
    CB.walkInYes(offer.id, offer.ticketsIssued),
    CB.serviceQueue(offer.id, 0),
  );

export const walkInAddedCard = (r: Reader, offerId: number, ticket: string): Card => ({
  text: r.t('market.day.walkInAdded', { ticket }),
  markup: backToQueue(r, offerId),
});

/** The day's numbers and one line per service that had anyone. */
export function summaryCard({ t, locale }: Reader, m: Market, s: MarketSummary): Card {
  const lines = s.services
    .filter((x) => x.booked + x.walkIns > 0)
    .map((x) =>
      t(x.isRepair ? 'market.summary.lineRepair' : 'market.summary.line', { ...x, service: inLocale(x, locale) }),
    );
  return {
    text: [t('market.summary.header', { date: m.date, ...s }), lines.join('\n')].filter(Boolean).join('\n\n'),
    markup: markup([[{ text: t('market.btn.back'), data: CB.panel(m.id) }]]),
  };
}
