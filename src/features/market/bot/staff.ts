import { Composer, InputFile } from 'grammy';
import { dateLabel } from '../../../core/calendar';
import { writeCsv, writeXlsx } from '../../../core/sheets';
import type { FlowDef } from '../../../identity';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { type EditCode, parse, RX } from '../callbacks';
import { capacityFlow, editFlow } from '../flows';
import { exampleDate, parseCapacities, parseDate, parseHours } from '../input';
import type { MarketChange, MarketService } from '../service';
import { chooseServiceCard } from '../views/day';
import { exportFileName, exportSheet } from '../views/export';
import {
  adminCard,
  askNewCapacitiesText,
  confirmCancelMarketCard,
  confirmPublishCard,
  panelCard,
} from '../views/staff';
import { editHeld, send, tappedId } from './cards';
import { scheduleBot } from './schedule';

const ASK_EDIT = { d: 'market.staff.askDate', h: 'market.staff.askHours' } as const;
const PAGE_SIZE = 8;

/**
 * Scheduling, publishing, changing and cancelling market days, in one panel card per market day that every action
 * edits to its new state. Every command, button and flow step is staff-only.
 */
export function staffBot(market: MarketService, tz: string) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staffCb = (re: RegExp) => bot.callbackQuery(re, requireRole('staff'));
  const staffIn = <D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) =>
    pm.filter(inFlow(def, ...steps), requireRole('staff'));

  const showAdmin = async (ctx: BotContext, edit = false, page = 0) => {
    const p = await market.marketsPage(page, PAGE_SIZE);
    return send(ctx, adminCard(ctx, p.markets, p.page, p.pages), edit);
  };
  const showPanel = async (ctx: BotContext, marketId: number, notice?: string) =>
    send(ctx, panelCard(ctx, await market.day(marketId), notice), true);

  pm.command('market', requireRole('staff'), (ctx) => showAdmin(ctx));
  staffCb(RX.admin).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showAdmin(ctx, true, parse.page(ctx.match));
  });

  // From the workbench: today's market day's queue (one of them, if two are held today: the list to choose from).
  staffCb(RX.todayQueue).use(async (ctx) => {
    const today = await market.queuesToday();
    if (today.length === 0)
      return ctx.answerCallbackQuery({ text: ctx.t('market.staff.noMarketToday'), show_alert: true });
    await ctx.answerCallbackQuery();
    if (today.length > 1) return showAdmin(ctx, true);
    await send(ctx, chooseServiceCard(ctx, await market.day(today[0]!.market.id)), true);
  });
  staffCb(RX.panel).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showPanel(ctx, parse.id(ctx.match));
  });

  const schedule = scheduleBot(market);
  bot.use(schedule.bot);

  // ── publish, change, capacities, cancel: each asks in the panel and leaves the panel as it is now ──────
  staffCb(RX.publish).use(async (ctx) => {
    const d = await market.publishable(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmPublishCard(ctx, d), true);
  });

  // Checked again on the confirmation: the staff member may have lost the role since the first tap.
  staffCb(RX.publishYes).use(async (ctx) => {
    const id = parse.id(ctx.match);
    const n = await market.publishMarket(ctx.user.id, id);
    await ctx.answerCallbackQuery();
    await showPanel(ctx, id, ctx.t('market.staff.published', { count: n }));
  });

  // The date and hours are typed; the place is one of the venues, picked in the panel itself.
  staffCb(RX.editMarket).use(async (ctx) => {
    const { market: m } = await market.changeable(parse.id(ctx.match));
    const what = parse.edit(ctx.match);
    await ctx.answerCallbackQuery();
    if (what === 'l') return send(ctx, await schedule.venueCard(ctx, 0, m.id), true);
    await ctx.setFlow(editFlow, what, { marketId: m.id, card: tappedId(ctx) });
    await ctx.reply(ctx.t(ASK_EDIT[what], { example: exampleDate(market.today()) }));
  });

  staffCb(RX.moveToPage).use(async (ctx) => {
    const { market: m } = await market.changeable(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, await schedule.venueCard(ctx, parse.page(ctx.match, 2), m.id), true);
  });

  staffCb(RX.moveTo).use(async (ctx) => {
    const marketId = parse.id(ctx.match);
    const told = await market.changeMarket(ctx.user.id, marketId, { venueId: parse.id(ctx.match, 2) });
    const d = await market.day(marketId);
    await ctx.answerCallbackQuery();
    await send(ctx, panelCard(ctx, d, ctx.t('market.staff.moved', { count: told })), true);
  });

  /** Saves a typed change, says what it now is, and edits the panel it began on. */
  async function change(ctx: BotContext, marketId: number, what: MarketChange, card: number | undefined) {
    const told = await market.changeMarket(ctx.user.id, marketId, what, ctx.flowEnd());
    const d = await market.day(marketId);
    const now =
      what.date !== undefined ? dateLabel(d.market.date)[ctx.locale] : `${d.market.startsAt}–${d.market.endsAt}`;
    await ctx.reply(ctx.t('market.staff.changed', { what: now, count: told }), { reply_markup: ctx.mainMenu() });
    await editHeld(ctx, card, panelCard(ctx, d));
  }

  /** What staff typed at each step of the edit flow, as a change. */
  const typed: Record<Exclude<EditCode, 'l'>, (text: string) => MarketChange> = {
    d: (text) => ({ date: parseDate(text, market.today()) }),
    h: (text) => {
      const [startsAt, endsAt] = parseHours(text);
      return { startsAt, endsAt };
    },
  };

  staffIn(editFlow).on('message:text', async (ctx) => {
    const { marketId, card } = ctx.flow.data;
    await change(ctx, marketId, typed[ctx.flow.step](ctx.message.text), card);
  });

  staffCb(RX.capacities).use(async (ctx) => {
    const d = await market.changeable(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await ctx.setFlow(capacityFlow, 'lines', { marketId: d.market.id, card: tappedId(ctx) });
    await ctx.reply(askNewCapacitiesText(ctx, d.offers));
  });

  staffIn(capacityFlow, 'lines').on('message:text', async (ctx) => {
    const { marketId, card } = ctx.flow.data;
    const offers = await market.offers(marketId);
    const caps = parseCapacities(
      ctx.message.text,
      offers.map((o) => ({ ...o, id: o.serviceId })),
    );
    const promoted = await market.setCapacities(ctx.user.id, marketId, caps, ctx.flowEnd());
    await ctx.reply(ctx.t('market.staff.capacitiesSaved', { promoted }), { reply_markup: ctx.mainMenu() });
    await editHeld(ctx, card, panelCard(ctx, await market.day(marketId)));
  });

  staffCb(RX.cancelMarket).use(async (ctx) => {
    const d = await market.changeable(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmCancelMarketCard(ctx, d), true);
  });

  staffCb(RX.cancelMarketYes).use(async (ctx) => {
    const id = parse.id(ctx.match);
    const told = await market.cancelMarket(ctx.user.id, id);
    await ctx.answerCallbackQuery();
    await showPanel(ctx, id, ctx.t('market.staff.cancelled', { count: told }));
  });

  // The bookings as spreadsheets (Excel and CSV), in the language of the staff member who asked; audited.
  staffCb(RX.exportMarket).use(async (ctx) => {
    const m = await market.market(parse.id(ctx.match));
    const sheet = exportSheet(ctx, await market.marketExport(m.id, ctx.user.id), tz, m.date);
    await ctx.answerCallbackQuery({ text: ctx.t('market.staff.exporting') });
    const caption = ctx.t('market.staff.exportCaption', { date: dateLabel(m.date)[ctx.locale] });
    await ctx.replyWithDocument(new InputFile(await writeXlsx([sheet]), `${exportFileName(m.date)}.xlsx`), { caption });
    await ctx.replyWithDocument(new InputFile(writeCsv(sheet), `${exportFileName(m.date)}.csv`));
  });

  return bot;
}
