import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { choices, paged } from '../../telegram/keyboards';
import type { BookingView } from './booking';
import { CB, type OutcomeCode } from './callbacks';
import type { Outcome, QueueEntry } from './day';
import type { MarketState } from './service';
import type { MarketRow, OfferView, ServiceRow } from './store';

export { CB };

export const nameOf = (ctx: BotContext, row: { name_zh: string; name_en: string }) =>
  ctx.locale === 'en' ? row.name_en : row.name_zh;

export const OUTCOME_CODES: Record<Outcome, OutcomeCode> = {
  served: 's',
  fixed: 'f',
  not_fixable: 'x',
  needs_parts: 'p',
  no_show: 'n',
};
export const OUTCOME_OF: Record<OutcomeCode, Outcome> = {
  s: 'served',
  f: 'fixed',
  x: 'not_fixable',
  p: 'needs_parts',
  n: 'no_show',
};

/** The resident's view of the next market: one big button per service with the places left. */
export function marketKeyboard(ctx: BotContext, m: MarketRow, offers: OfferView[], state: MarketState): InlineKeyboard {
  const kb =
    state === 'open'
      ? choices(
          offers.map((o) => {
            const left = Math.max(0, o.capacity - o.booked);
            return { text: left > 0 ? `${nameOf(ctx, o)} (${left})` : `${nameOf(ctx, o)} ⏳`, data: CB.book(o.id) };
          }),
          2,
        )
      : new InlineKeyboard();
  kb.row().text(ctx.t('market.btn.myBookings'), CB.mine).text(ctx.t('market.btn.subscribe'), CB.subMenu);
  if (m.latitude !== null && m.longitude !== null) kb.row().text(ctx.t('market.btn.map'), CB.map(m.id));
  return kb;
}

export function myBookingsKeyboard(ctx: BotContext, bookings: BookingView[]): InlineKeyboard {
  const kb = new InlineKeyboard();
  for (const b of bookings) {
    const label = b.ticket ?? nameOf(ctx, b.offer);
    kb.text(ctx.t('market.btn.cancelOne', { ticket: label }), CB.cancel(b.id));
    if (b.offer.needs_details) kb.text(ctx.t('market.btn.changeOne', { ticket: label }), CB.edit(b.id));
    kb.row();
  }
  return kb.text(ctx.t('market.btn.back'), CB.home);
}

export const confirmCancelKeyboard = (ctx: BotContext, bookingId: number) =>
  new InlineKeyboard()
    .text(ctx.t('market.btn.cancelYes'), CB.cancelYes(bookingId))
    .text(ctx.t('market.btn.keep'), CB.keep);

export const subscriptionKeyboard = (ctx: BotContext) =>
  new InlineKeyboard()
    .text(ctx.t('market.sub.home'), CB.sub('h'))
    .row()
    .text(ctx.t('market.sub.any'), CB.sub('a'))
    .row()
    .text(ctx.t('market.sub.stop'), CB.sub('x'));

export const skipPhotoKeyboard = (ctx: BotContext) =>
  new InlineKeyboard().text(ctx.t('market.btn.skipPhoto'), CB.skipPhoto);

export const waitlistKeyboard = (ctx: BotContext, offerId: number) =>
  new InlineKeyboard().text(ctx.t('market.btn.joinWaitlist'), CB.wait(offerId));

// ── staff ─────────────────────────────────────────────────────────────────
export function adminKeyboard(ctx: BotContext, markets: MarketRow[]): InlineKeyboard {
  const kb = choices(
    markets.map((m) => ({ text: `${m.date} · ${ctx.t(`market.state.${m.status}`)}`, data: CB.panel(m.id) })),
    1,
  );
  return kb.row().text(ctx.t('market.staff.btn.create'), CB.create);
}

export function compoundChoice(
  ctx: BotContext,
  compounds: { id: number; name_zh: string; name_en: string }[],
  proposed: number | null,
): InlineKeyboard {
  const sorted = [...compounds].sort((a, b) => Number(b.id === proposed) - Number(a.id === proposed));
  return choices(
    sorted.map((c) => ({
      text: c.id === proposed ? ctx.t('market.staff.proposed', { name: nameOf(ctx, c) }) : nameOf(ctx, c),
      data: CB.newCompound(c.id),
    })),
    2,
  );
}

export function servicesChoice(ctx: BotContext, services: ServiceRow[], chosen: Set<number>): InlineKeyboard {
  const kb = choices(
    services.map((s) => ({ text: `${chosen.has(s.id) ? '✅' : '▫️'} ${nameOf(ctx, s)}`, data: CB.toggleService(s.id) })),
    2,
  );
  return kb
    .row()
    .text(ctx.t('market.staff.btn.all'), CB.allServices)
    .text(ctx.t('market.staff.btn.servicesDone'), CB.servicesDone);
}

export function panelKeyboard(ctx: BotContext, m: MarketRow, state: MarketState): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (state === 'cancelled') return kb.text(ctx.t('market.btn.back'), CB.admin);
  if (m.status === 'draft' && state !== 'over') kb.text(ctx.t('market.staff.btn.publish'), CB.publish(m.id)).row();
  if (m.status === 'published')
    kb.text(ctx.t('market.staff.btn.queue'), CB.queue(m.id))
      .text(ctx.t('market.staff.btn.summary'), CB.summary(m.id))
      .row();
  if (state !== 'over') {
    kb.text(ctx.t('market.staff.btn.editDate'), CB.editMarket(m.id, 'd'))
      .text(ctx.t('market.staff.btn.editHours'), CB.editMarket(m.id, 'h'))
      .text(ctx.t('market.staff.btn.editPlace'), CB.editMarket(m.id, 'l'))
      .row();
    kb.text(ctx.t('market.staff.btn.capacities'), CB.capacities(m.id))
      .text(ctx.t('market.staff.btn.cancelMarket'), CB.cancelMarket(m.id))
      .row();
  }
  return kb.text(ctx.t('market.btn.back'), CB.admin);
}

export const confirmKeyboard = (ctx: BotContext, yes: string, back: string) =>
  new InlineKeyboard().text(ctx.t('common.confirm'), yes).text(ctx.t('market.btn.back'), back);

export function dayKeyboard(ctx: BotContext, m: MarketRow, offers: OfferView[]): InlineKeyboard {
  return choices(
    offers.map((o) => ({ text: nameOf(ctx, o), data: CB.serviceQueue(o.id, 0) })),
    2,
  )
    .row()
    .text(ctx.t('market.btn.back'), CB.panel(m.id));
}

const mark: Record<string, string> = { booked: '⏳', waiting: '🕒', served: '✅', no_show: '🚫' };

export function queueKeyboard(ctx: BotContext, offer: OfferView, entries: QueueEntry[], page: number) {
  const { keyboard } = paged(
    entries,
    page,
    8,
    (e) => ({
      text: `${mark[e.status] ?? ''} ${e.ticket ?? ctx.t('market.status.waiting')} ${e.walkIn ? ctx.t('market.staff.walkInShort') : (e.name ?? '')}`.trim(),
      data: CB.ticket(e.id),
    }),
    (n) => CB.serviceQueue(offer.id, n),
  );
  return keyboard
    .row()
    .text(ctx.t('market.staff.btn.walkIn'), CB.walkIn(offer.id))
    .text(ctx.t('market.btn.back'), CB.queue(offer.market_id));
}

export function ticketKeyboard(
  ctx: BotContext,
  entry: QueueEntry,
  offer: OfferView,
  outcomes: Outcome[],
): InlineKeyboard {
  const kb = new InlineKeyboard();
  if (entry.status === 'booked') {
    outcomes.forEach((o, i) => {
      kb.text(ctx.t(`market.outcome.${o}`), CB.outcome(entry.id, OUTCOME_CODES[o]));
      if (i % 2 === 1) kb.row();
    });
    kb.row();
  }
  return kb.text(ctx.t('market.btn.back'), CB.serviceQueue(offer.id, 0));
}
