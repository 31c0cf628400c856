import { dateLabel } from '../../../core/calendar';
import { inLocale } from '../../../core/names';
import { addDays } from '../../../core/time';
import { type Button, grid, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import type { MarketDay } from '../service';
import type { Market, Offer, Service } from '../store';
import { type Card, placeText, type Reader, whenText } from './common';

// What staff see when scheduling and running market days.

/** The market days, newest first, a page at a time, each a button to its panel; and "new market day". */
export function adminCard(r: Reader, markets: Market[], page = 0, pages = 1): Card {
  const { t } = r;
  const label = (m: Market) => `${m.date} · ${placeText(r, { ...m, address: '' })} · ${t(`market.state.${m.status}`)}`;
  const rows: Button[][] = markets.map((m) => [{ text: label(m), data: CB.panel(m.id) }]);
  if (pages > 1) {
    const nav: Button[] = [];
    if (page > 0) nav.push({ text: '◀', data: CB.adminPage(page - 1) });
    nav.push({ text: `${page + 1}/${pages}`, data: CB.adminPage(page) });
    if (page < pages - 1) nav.push({ text: '▶', data: CB.adminPage(page + 1) });
    rows.push(nav);
  }
  rows.push([{ text: t('market.staff.btn.create'), data: CB.create }]);
  rows.push([
    { text: t('market.staff.btn.catalogue'), data: CB.catalogue(0) },
    { text: t('market.staff.btn.venues'), data: CB.venues(0) },
  ]);
  return { text: t(markets.length ? 'market.staff.list' : 'market.staff.listEmpty'), markup: markup(rows) };
}

/** Days to hold a market day on, as buttons: the next four weeks from tomorrow (another date can be typed). */
export function datesCard({ t, locale }: Reader, today: string, example: string): Card {
  const days = Array.from({ length: 28 }, (_, i) => addDays(today, i + 1));
  const rows = grid(
    days.map((d) => ({ text: dateLabel(d)[locale], data: CB.newDate(d) })),
    3,
  );
  return { text: t('market.staff.askDatePick', { example }), markup: markup(rows) };
}

/** The catalogue as toggles: tap to choose, tap again to drop. */
export function servicesCard({ t, locale }: Reader, services: Service[], chosen: ReadonlySet<number>): Card {
  const rows = grid(
    services.map((s) => ({
      text: `${chosen.has(s.id) ? '✅' : '▫️'} ${inLocale(s, locale)}`,
      data: CB.toggleService(s.id),
    })),
  );
  rows.push([
    { text: t('market.staff.btn.all'), data: CB.allServices },
    { text: t('market.staff.btn.servicesDone'), data: CB.servicesDone },
  ]);
  return { text: t('market.staff.askServices'), markup: markup(rows) };
}

const capacitiesDone = ({ t }: Reader) =>
  markup([[{ text: t('market.staff.btn.capacitiesDone'), data: CB.capacitiesDone }]]);

/** The chosen services with their default places, and how to change them. */
export const askCapacitiesCard = (r: Reader, services: Service[]): Card => ({
  text: r.t('market.staff.askCapacities', {
    lines: services.map((s) => `${inLocale(s, r.locale)} ${s.defaultCapacity}`).join('\n'),
  }),
  markup: capacitiesDone(r),
});

export const capacitiesNotedCard = (r: Reader, count: number): Card => ({
  text: r.t('market.staff.capacitiesNoted', { count }),
  markup: capacitiesDone(r),
});

export const askNewCapacitiesText = ({ t, locale }: Reader, offers: Offer[]) =>
  t('market.staff.askNewCapacities', { lines: offers.map((o) => `${inLocale(o, locale)} ${o.capacity}`).join('\n') });

/**
 * One market day: when, where, status, per service booked / capacity / waiting, and what can be done now. `notice`
 * says what just changed (published, cancelled …) above the panel as it is now.
 */
export function panelCard(r: Reader, d: MarketDay, notice?: string): Card {
  const { t, locale } = r;
  const m = d.market;
  const lines = d.offers.map((o) =>
    t('market.staff.panelLine', {
      service: inLocale(o, locale),
      booked: o.booked,
      capacity: o.capacity,
      waiting: o.waiting,
    }),
  );
  const header = t('market.staff.panel', { ...whenText(r, m, d.compound), state: t(`market.state.${m.status}`) });
  const text = [...(notice ? [notice] : []), header, lines.join('\n')].join('\n\n');
  const rows: Button[][] = [];
  const back = [{ text: t('market.btn.back'), data: CB.admin }];
  if (d.state === 'cancelled') return { text, markup: markup([back]) };
  if (m.status === 'draft' && d.state !== 'over')
    rows.push([{ text: t('market.staff.btn.publish'), data: CB.publish(m.id) }]);
  if (m.status === 'published')
    rows.push([
      { text: t('market.staff.btn.queue'), data: CB.queue(m.id) },
      { text: t('market.staff.btn.summary'), data: CB.summary(m.id) },
    ]);
  if (m.status === 'published') rows.push([{ text: t('market.staff.btn.export'), data: CB.exportMarket(m.id) }]);
  if (d.state !== 'over') {
    rows.push([
      { text: t('market.staff.btn.editDate'), data: CB.editMarket(m.id, 'd') },
      { text: t('market.staff.btn.editHours'), data: CB.editMarket(m.id, 'h') },
      { text: t('market.staff.btn.editPlace'), data: CB.editMarket(m.id, 'l') },
    ]);
    rows.push([
      { text: t('market.staff.btn.capacities'), data: CB.capacities(m.id) },
      { text: t('market.staff.btn.cancelMarket'), data: CB.cancelMarket(m.id) },
    ]);
  }
  rows.push(back);
  return { text, markup: markup(rows) };
}

/** "Really?" with the confirmation and a way back. */
export const confirmCard = ({ t }: Reader, text: string, yes: string, back: string): Card => ({
  text,
  markup: markup([
    [
      { text: t('common.confirm'), data: yes },
      { text: t('market.btn.back'), data: back },
    ],
  ]),
});

export const confirmPublishCard = (r: Reader, d: MarketDay) =>
  confirmCard(
    r,
    r.t('market.staff.confirmPublish', whenText(r, d.market, d.compound)),
    CB.publishYes(d.market.id),
    CB.panel(d.market.id),
  );

export const confirmCancelMarketCard = (r: Reader, d: MarketDay) =>
  confirmCard(
    r,
    r.t('market.staff.confirmCancel', whenText(r, d.market, d.compound)),
    CB.cancelMarketYes(d.market.id),
    CB.panel(d.market.id),
  );
