import { html } from 'hono/html';
import { marketTimes } from '../../features/market/policy';
import type { MarketDay } from '../../features/market/service';
import { placeText } from '../../features/market/views/common';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps } from '../context';
import { named } from '../i18n';
import { consolePolicy } from '../policy';
import { page } from '../views/layout';
import { int, pager, q, table } from '../views/parts';

type Market = MarketDay['market'];

/**
 * The market as staff keep it in the chat: the catalogue of services (both names, places a day, retired or not) and
 * the market days, the coming ones first, each leading to its own page.
 */
export function marketPages(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const { identity, i18n, clock, config } = platform;
  const { market } = services;

  app.get('/market', need(identity, 'staff'), async (c) => {
    const t = c.get('t');
    const locale = c.get('locale');
    const reader = { t: i18n.getFixedT(locale), locale };
    const catalogue = await market.catalogue();
    const serviceRows = catalogue.map((s) => [
      s.nameZh,
      s.nameEn,
      t(`market.group.${s.groupKey}`),
      String(s.defaultCapacity),
      String(s.minutesPerTicket),
      s.active ? t('console.market.active') : html`<span class="tag">${t('console.market.retired')}</span>`,
    ]);
    const serviceHeaders = ['nameZh', 'nameEn', 'group', 'capacity', 'minutes', 'active'].map((h) =>
      t(`console.market.service.${h}`),
    );

    const { markets, page: p, pages, total } = await market.marketsPage(int(q(c, 'page')) ?? 0, consolePolicy.pageSize);
    const compounds = await market.compoundsById();
    const dayRow = async (m: Market) => {
      const offers = await market.offers(m.id);
      const booked = offers.reduce((n, o) => n + o.booked, 0);
      const places = offers.reduce((n, o) => n + o.capacity, 0);
      const compound = compounds.get(m.compoundId);
      return [
        html`<a href="/market/days/${m.id}">${m.date}</a>`,
        `${m.startsAt}–${m.endsAt}`,
        compound ? named(locale, compound) : '—',
        placeText(reader, m),
        t(`market.state.${m.status}`),
        t('console.market.bookedOf', { booked, places }),
      ];
    };
    // A day is past once its hours are (the market's own measure of "over"). Newest first across the pages; on a
    // page the days to come read soonest first, as a calendar does.
    const now = clock.now();
    const over = (m: Market) => marketTimes(m, config.TIMEZONE).end <= now;
    const coming = markets.filter((m) => !over(m)).reverse();
    const past = markets.filter(over);
    const dayHeaders = ['date', 'hours', 'compound', 'place', 'status', 'booked'].map((h) =>
      t(`console.market.col.${h}`),
    );
    const days = async (list: Market[], empty: string) => table(dayHeaders, await Promise.all(list.map(dayRow)), empty);

    return page(
      c,
      t('console.market.title'),
      html`${
        // Later pages hold only past days: "nothing scheduled" would be said of a page, not of the market.
        p > 0 && coming.length === 0
          ? ''
          : html`<h2>${t('console.market.coming')}</h2>${await days(coming, t('console.market.noneComing'))}`
      }
<h2>${t('console.market.past')}</h2>${await days(past, t('console.market.nonePast'))}
${pager(c, p, pages, total)}
<h2>${t('console.market.catalogue')}</h2>${table(serviceHeaders, serviceRows, t('console.market.noServices'))}`,
    );
  });
}
