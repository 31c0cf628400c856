import type { Context } from 'hono';
import { html } from 'hono/html';
import type { MarketService, QueueEntry, ServiceSummary } from '../../features/market/service';
import { placeText } from '../../features/market/views/common';
import { need } from '../auth/viewer';
import type { ConsoleApp, ConsoleDeps, ConsoleEnv, Translate } from '../context';
import { named } from '../i18n';
import { page } from '../views/layout';
import { figure, int, notice, table } from '../views/parts';

type Offer = Awaited<ReturnType<MarketService['offers']>>[number];

/** How a ticket stands, as the market area records it: waiting to be called, its result, or "did not come". */
function ticketState(t: Translate, e: QueueEntry) {
  if (e.status === 'served' && e.outcome) return t(`market.outcome.${e.outcome}`);
  return t(`market.status.${e.status}`);
}

/** One service of the day: its tickets in order, then its waitlist in the order places will be offered. */
function serviceSection(c: Context<ConsoleEnv>, offer: Offer, entries: QueueEntry[]) {
  const t = c.get('t');
  const locale = c.get('locale');
  const who = (e: QueueEntry) => e.name ?? (e.walkIn ? t('console.market.walkIn') : '—');
  const tickets = entries.filter((e) => e.ticket !== null);
  const waitlist = entries.filter((e) => e.status === 'waiting');
  const headers = ['ticket', 'time', 'who', 'details', 'state', 'note'].map((h) => t(`console.market.ticket.${h}`));
  const rows = tickets.map((e) => [
    e.ticket?.[locale] ?? '',
    e.time ?? '',
    who(e),
    e.details ?? '',
    ticketState(t, e),
    e.note ?? '',
  ]);
  return html`<section class="card"><h2>${named(locale, offer)}</h2>
${table(headers, rows, t('console.market.noTickets'))}
<h3>${t('console.market.waitlist', { count: waitlist.length })}</h3>${
    waitlist.length
      ? html`<ol>${waitlist.map((e) => html`<li>${who(e)}${e.details ? ` — ${e.details}` : ''}</li>`)}</ol>`
      : html`<p class="empty">${t('console.market.noWaitlist')}</p>`
  }</section>`;
}

/**
 * One market day as staff check it: per service the places booked of those offered, how the queue went (served,
 * did not come, still to be called), the walk-ins and the waitlist; then every ticket; and its list to download with
 * the workbench's own market export, which offers the market days around today.
 */
export function marketDayPage(app: ConsoleApp, { platform, services }: ConsoleDeps) {
  const { identity, i18n } = platform;
  const { market, workbench } = services;

  app.get('/market/days/:id', need(identity, 'staff'), async (c) => {
    const t = c.get('t');
    const v = c.get('viewer')!;
    const locale = c.get('locale');
    const id = int(c.req.param('id'));
    const day = id === undefined ? undefined : await market.findDay(id);
    if (!day) return c.notFound();
    const m = day.market;
    const summary = await market.summary(m.id);
    const queues = await Promise.all(day.offers.map((o) => market.serviceQueue(o.id)));
    const of = new Map<number, ServiceSummary>(summary.services.map((s) => [s.serviceId, s]));

    const headers = ['service', 'booked', 'served', 'noShow', 'toCall', 'walkIns', 'waitlist'].map((h) =>
      t(`console.market.col.${h}`),
    );
    const rows = day.offers.map((o, i) => {
      const s = of.get(o.serviceId);
      const toCall = queues[i]!.entries.filter((e) => e.status === 'booked').length;
      return [
        named(locale, o),
        t('console.market.bookedOf', { booked: o.booked, places: o.capacity }),
        String(s?.served ?? 0),
        String(s?.noShows ?? 0),
        String(toCall),
        String(s?.walkIns ?? 0),
        String(o.waiting),
      ];
    });

    const exporter = workbench.exporters(v.roles).find((e) => e.key === 'market');
    const offered = exporter ? await workbench.periodsOf(exporter) : [];
    const period = offered.find((p) => p.period.kind === 'day' && p.period.date === m.date)?.period;
    const download = period
      ? html`<p><a href="/files/export/market?period=${encodeURIComponent(JSON.stringify(period))}">${t(
          'console.market.download',
        )}</a></p>`
      : notice('info', t('console.market.notOffered'));

    const reader = { t: i18n.getFixedT(locale), locale };
    return page(
      c,
      t('console.market.day', { date: m.date }),
      html`<section class="card"><div>
<p>${m.startsAt}–${m.endsAt} · ${day.compound ? named(locale, day.compound) : '—'} · ${placeText(reader, m)}</p>
<p>${t(`market.state.${m.status}`)} · ${t(`console.market.state.${day.state}`)}</p>
</div></section>
<section class="card"><div class="figures">
${figure(t('console.market.residents'), summary.residents, t('console.market.servedCount', { count: summary.served }))}
${figure(t('console.market.solved'), summary.solved)}
${figure(t('console.market.noShows'), summary.noShows)}
${figure(t('console.market.walkIns'), summary.walkIns)}
</div></section>
${table(headers, rows, t('console.market.noServices'))}
${download}
${day.offers.map((o, i) => serviceSection(c, o, queues[i]!.entries))}
<p><a href="/market">${t('console.back')}</a></p>`,
    );
  });
}
