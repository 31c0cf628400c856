import { inLocale } from '../../../core/names';
import { type Button, grid, markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import type { MarketDay, MarketSummary, QueueEntry } from '../service';
import type { Market, Offer, Outcome } from '../store';
import { type Card, inReaders, type Reader } from './common';
import { confirmCard } from './staff';

// The market day itself, as staff work through it in one card: a queue per service, one ticket at a time (its
// result recorded, confirmed for a no-show, undone the same day), then the summary.

const QUEUE_PAGE = 8;
const mark: Record<string, string> = { booked: '⏳', waiting: '🕒', served: '✅', no_show: '🚫' };

const backToQueue = ({ t }: Reader, offerId: number): Button => ({
  text: t('market.day.backToQueue'),
  data: CB.serviceQueue(offerId, 0),
});

export const chooseServiceCard = ({ t, locale }: Reader, d: MarketDay): Card => {
  const rows = grid(d.offers.map((o) => ({ text: inLocale(o, locale), data: CB.serviceQueue(o.id, 0) })));
  rows.push([{ text: t('market.btn.back'), data: CB.panel(d.market.id) }]);
  return { text: t('market.day.chooseService', { date: d.market.date }), markup: markup(rows) };
};

/** One service's tickets, a page at a time, each a button to record how it went. */
export function queueCard(r: Reader, offer: Offer, entries: QueueEntry[], page: number): Card {
  const { t, locale } = r;
  const who = (e: QueueEntry) => (e.walkIn ? t('market.staff.walkInShort') : (e.name ?? ''));
  const label = (e: QueueEntry) =>
    `${mark[e.status] ?? ''} ${inReaders(r, e.ticket, t('market.status.waiting'))} ${who(e)}`.trim();
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

const ticketText = (r: Reader, offer: Offer, entry: QueueEntry) =>
  r.t('market.day.ticket', {
    ticket: inReaders(r, entry.ticket, r.t('market.status.waiting')),
    time: entry.time ?? '-',
    service: inLocale(offer, r.locale),
    name: entry.walkIn ? r.t('market.staff.walkInShort') : (entry.name ?? '-'),
    details: entry.details ?? '-',
    status: r.t(`market.status.${entry.status}`),
    outcome: entry.outcome ? r.t(`market.outcome.${entry.outcome}`) : '-',
    note: entry.note ?? '-',
  });

/**
 * One ticket: who, what the resident wrote, and the actions valid now — while it waits, the results (a no-show only
 * from the ticket's time on); once recorded, undo for the rest of the day. `askNote`: a repair's result was just
 * recorded and a note for the provider may be typed now.
 */
export function ticketCard(r: Reader, offer: Offer, entry: QueueEntry, outcomes: Outcome[], askNote = false): Card {
  const { t } = r;
  const lines = [ticketText(r, offer, entry)];
  const rows: Button[][] = [];
  if (entry.status === 'booked') {
    const now = outcomes.filter((o) => o !== 'no_show' || entry.noShowAllowed);
    rows.push(...grid(now.map((o) => ({ text: t(`market.outcome.${o}`), data: CB.outcome(entry.id, o) }))));
    if (!entry.noShowAllowed && entry.time) lines.push(t('market.day.noShowFrom', { time: entry.time }));
  }
  if (askNote) {
    lines.push(t('market.day.askNote', { ticket: inReaders(r, entry.ticket) }));
    rows.push([{ text: t('market.day.skipNote'), data: CB.skipNote }]);
  }
  if (entry.undoable) rows.push([{ text: t('market.day.undo'), data: CB.undo(entry.id) }]);
  rows.push([backToQueue(r, offer.id)]);
  return { text: lines.join('\n\n'), markup: markup(rows) };
}

/** "Did they really not come?" — a no-show is the one result a resident could be hurt by. */
export const confirmNoShowCard = (r: Reader, entry: QueueEntry): Card => ({
  text: r.t('market.day.confirmNoShow', { ticket: inReaders(r, entry.ticket), time: entry.time ?? '-' }),
  markup: markup([
    [
      { text: r.t('market.day.noShowYes'), data: CB.noShowYes(entry.id) },
      { text: r.t('market.btn.back'), data: CB.ticket(entry.id) },
    ],
  ]),
});

export const recordedText = (r: Reader, entry: QueueEntry, outcome: Outcome) =>
  r.t('market.day.recorded', { ticket: inReaders(r, entry.ticket), outcome: r.t(`market.outcome.${outcome}`) });

/** After a note (or none): back to the queue. */
export const noteDoneCard = (r: Reader, key: 'market.day.noteSaved' | 'market.day.noteSkipped', offerId: number) => ({
  text: r.t(key),
  markup: markup([[backToQueue(r, offerId)]]),
});

export const confirmWalkInCard = (r: Reader, offer: Offer) =>
  confirmCard(
    r,
    r.t('market.day.confirmWalkIn', { service: inLocale(offer, r.locale) }),
    CB.walkInYes(offer.id, offer.ticketsIssued),
    CB.serviceQueue(offer.id, 0),
  );

export const walkInAddedCard = (r: Reader, offerId: number, ticket: QueueEntry['ticket']): Card => ({
  text: r.t('market.day.walkInAdded', { ticket: inReaders(r, ticket) }),
  markup: markup([[backToQueue(r, offerId)]]),
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
