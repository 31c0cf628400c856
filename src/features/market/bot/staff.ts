import { Composer, InputFile } from 'grammy';
import { dateLabel } from '../../../core/calendar';
import type { FlowDef } from '../../../identity';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { type EditCode, parse, RX } from '../callbacks';
import { capacityFlow, editFlow } from '../flows';
import { exampleDate, parseCapacities, parseDate, parseHours, parsePlace } from '../input';
import type { MarketChange, MarketService } from '../service';
import { placeText } from '../views/common';
import { exportCsv } from '../views/export';
import {
  adminCard,
  askNewCapacitiesText,
  confirmCancelMarketCard,
  confirmPublishCard,
  panelCard,
} from '../views/staff';
import { editHeld, send, tappedId } from './cards';
import { scheduleBot } from './schedule';

const ASK_EDIT = { d: 'market.staff.askDate', h: 'market.staff.askHours', l: 'market.staff.askLocation' } as const;

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

  const showAdmin = async (ctx: BotContext, edit = false) =>
    send(ctx, adminCard(ctx, await market.recentMarkets()), edit);
  const showPanel = async (ctx: BotContext, marketId: number, notice?: string) =>
    send(ctx, panelCard(ctx, await market.day(marketId), notice), true);

  pm.command('market', requireRole('staff'), (ctx) => showAdmin(ctx));
  staffCb(RX.admin).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showAdmin(ctx, true);
  });
  staffCb(RX.panel).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showPanel(ctx, parse.id(ctx.match));
  });

  bot.use(scheduleBot(market));

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

  staffCb(RX.editMarket).use(async (ctx) => {
    const { market: m } = await market.changeable(parse.id(ctx.match));
    const what = parse.edit(ctx.match);
    await ctx.answerCallbackQuery();
    await ctx.setFlow(editFlow, what, { marketId: m.id, card: tappedId(ctx) });
    await ctx.reply(ctx.t(ASK_EDIT[what], { example: exampleDate(market.today()) }));
  });

  /** Saves a change, says what it now is, and edits the panel it began on. */
  async function change(ctx: BotContext, marketId: number, what: MarketChange, card: number | undefined) {
    const told = await market.changeMarket(ctx.user.id, marketId, what, ctx.flowEnd());
    const d = await market.day(marketId);
    const now =
      what.date !== undefined
        ? dateLabel(d.market.date)[ctx.locale]
        : what.startsAt !== undefined
          ? `${d.market.startsAt}–${d.market.endsAt}`
          : placeText(ctx, d.market);
    await ctx.reply(ctx.t('market.staff.changed', { what: now, count: told }), { reply_markup: ctx.mainMenu() });
    await editHeld(ctx, card, panelCard(ctx, d));
  }

  /** What staff typed at each step of the edit flow, as a change. */
  const typed: Record<EditCode, (text: string) => MarketChange> = {
    d: (text) => ({ date: parseDate(text, market.today()) }),
    h: (text) => {
      const [startsAt, endsAt] = parseHours(text);
      return { startsAt, endsAt };
    },
    l: (text) => parsePlace(text),
  };

  staffIn(editFlow).on('message:text', async (ctx) => {
    const { marketId, card } = ctx.flow.data;
    await change(ctx, marketId, typed[ctx.flow.step](ctx.message.text), card);
  });

  staffIn(editFlow, 'l').on('message:location', async (ctx) => {
    const { latitude, longitude } = ctx.message.location;
    await change(ctx, ctx.flow.data.marketId, { latitude, longitude }, ctx.flow.data.card);
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

  // The bookings as a spreadsheet, in the language of the staff member who asked.
  staffCb(RX.exportMarket).use(async (ctx) => {
    const m = await market.market(parse.id(ctx.match));
    const csv = exportCsv(ctx, await market.marketExport(m.id), tz);
    await ctx.answerCallbackQuery();
    await ctx.replyWithDocument(new InputFile(Buffer.from(csv, 'utf8'), `market-${m.date}.csv`), {
      caption: ctx.t('market.staff.exportCaption', { date: dateLabel(m.date)[ctx.locale] }),
    });
  });

  return bot;
}
