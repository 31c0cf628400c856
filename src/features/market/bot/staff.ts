import { Composer } from 'grammy';
import type { FlowDef } from '../../../identity';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { type EditCode, parse, RX } from '../callbacks';
import { DateInPast, DraftIncomplete, NoServices } from '../errors';
import { capacityFlow, completeDraft, editFlow, newMarketFlow } from '../flows';
import { exampleDate, parseCapacities, parseDate, parseHours, parseLocation } from '../input';
import type { MarketChange, MarketService } from '../service';
import type { Card } from '../views/common';
import {
  adminCard,
  askCapacitiesCard,
  askMapCard,
  askNewCapacitiesText,
  capacitiesNotedCard,
  compoundCard,
  confirmCancelMarketCard,
  confirmPublishCard,
  panelCard,
  servicesCard,
} from '../views/staff';

const send = (ctx: BotContext, card: Card, edit = false) =>
  edit
    ? ctx.editMessageText(card.text, { reply_markup: card.markup })
    : ctx.reply(card.text, { reply_markup: card.markup });

const ASK_EDIT = { d: 'market.staff.askDate', h: 'market.staff.askHours', l: 'market.staff.askLocation' } as const;

/** Scheduling, publishing, changing and cancelling market days. Every command, button and flow step is staff-only. */
export function staffBot(market: MarketService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staffCb = (re: RegExp) => bot.callbackQuery(re, requireRole('staff'));
  /** Flow steps check the role again: someone who lost it mid-flow (or forged their way in) gets no further. */
  const staffIn = <D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) =>
    pm.filter(inFlow(def, ...steps), requireRole('staff'));
  const example = () => exampleDate(market.today());

  const showAdmin = async (ctx: BotContext) => send(ctx, adminCard(ctx, await market.recentMarkets()));
  const showPanel = async (ctx: BotContext, marketId: number) => send(ctx, panelCard(ctx, await market.day(marketId)));

  pm.command('market', requireRole('staff'), showAdmin);
  staffCb(RX.admin).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showAdmin(ctx);
  });
  staffCb(RX.panel).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await showPanel(ctx, parse.id(ctx.match));
  });

  // ── a new market day, step by step ─────────────────────────────────────
  staffCb(RX.create).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(newMarketFlow, 'date', {});
    await ctx.reply(ctx.t('market.staff.askDate', { example: example() }));
  });

  staffIn(newMarketFlow, 'date').on('message:text', async (ctx) => {
    const date = parseDate(ctx.message.text, market.today());
    if (date < market.today()) throw new DateInPast(example());
    await ctx.setFlow(newMarketFlow, 'hours', { date });
    await ctx.reply(ctx.t('market.staff.askHours'));
  });

  staffIn(newMarketFlow, 'hours').on('message:text', async (ctx) => {
    const [start, end] = parseHours(ctx.message.text);
    await ctx.setFlow(newMarketFlow, 'compound', { ...ctx.flow.data, start, end });
    await send(ctx, compoundCard(ctx, await market.compounds(), await market.proposeCompound()));
  });

  staffCb(RX.newCompound).filter(inFlow(newMarketFlow, 'compound'), async (ctx) => {
    const compoundId = parse.id(ctx.match);
    if (!(await market.compounds()).some((c) => c.id === compoundId))
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(newMarketFlow, 'location', { ...ctx.flow.data, compoundId });
    await ctx.reply(ctx.t('market.staff.askLocation'));
  });

  staffIn(newMarketFlow, 'location').on('message:text', async (ctx) => {
    const location = parseLocation(ctx.message.text);
    await ctx.setFlow(newMarketFlow, 'map', { ...ctx.flow.data, location });
    await send(ctx, askMapCard(ctx));
  });

  const askServices = async (ctx: BotContext, chosen: number[], edit: boolean) =>
    send(ctx, servicesCard(ctx, await market.services(), new Set(chosen)), edit);

  staffIn(newMarketFlow, 'map').on('message:location', async (ctx) => {
    const { latitude, longitude } = ctx.message.location;
    await ctx.setFlow(newMarketFlow, 'services', { ...ctx.flow.data, latitude, longitude, services: [] });
    await askServices(ctx, [], false);
  });
  staffIn(newMarketFlow, 'map').on('message:text', (ctx) => send(ctx, askMapCard(ctx)));
  staffCb(RX.skipMap).filter(inFlow(newMarketFlow, 'map'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(newMarketFlow, 'services', { ...ctx.flow.data, latitude: null, longitude: null, services: [] });
    await askServices(ctx, [], false);
  });

  staffCb(RX.toggleService).filter(inFlow(newMarketFlow, 'services'), async (ctx) => {
    const id = parse.id(ctx.match);
    const chosen = new Set(ctx.flow.data.services ?? []);
    if (chosen.has(id)) chosen.delete(id);
    else chosen.add(id);
    await ctx.setFlow(newMarketFlow, 'services', { ...ctx.flow.data, services: [...chosen] });
    await ctx.answerCallbackQuery();
    await askServices(ctx, [...chosen], true);
  });

  staffCb(RX.allServices).filter(inFlow(newMarketFlow, 'services'), async (ctx) => {
    const all = (await market.services()).map((s) => s.id);
    await ctx.setFlow(newMarketFlow, 'services', { ...ctx.flow.data, services: all });
    await ctx.answerCallbackQuery();
    await askServices(ctx, all, true);
  });

  const chosenServices = async (chosen: number[] = []) =>
    (await market.services()).filter((s) => chosen.includes(s.id));

  staffCb(RX.servicesDone).filter(inFlow(newMarketFlow, 'services'), async (ctx) => {
    const chosen = await chosenServices(ctx.flow.data.services);
    if (chosen.length === 0) throw new NoServices();
    await ctx.answerCallbackQuery();
    await ctx.setFlow(newMarketFlow, 'capacity', { ...ctx.flow.data, capacities: {} });
    await send(ctx, askCapacitiesCard(ctx, chosen));
  });

  staffIn(newMarketFlow, 'capacity').on('message:text', async (ctx) => {
    const caps = parseCapacities(ctx.message.text, await chosenServices(ctx.flow.data.services));
    const capacities = { ...ctx.flow.data.capacities, ...Object.fromEntries(caps) };
    await ctx.setFlow(newMarketFlow, 'capacity', { ...ctx.flow.data, capacities });
    await send(ctx, capacitiesNotedCard(ctx, caps.size));
  });

  staffCb(RX.capacitiesDone).filter(inFlow(newMarketFlow, 'capacity'), async (ctx) => {
    const d = completeDraft(ctx.flow.data);
    if (!d) throw new DraftIncomplete();
    const input = {
      date: d.date,
      startsAt: d.start,
      endsAt: d.end,
      compoundId: d.compoundId,
      location: d.location,
      latitude: d.latitude,
      longitude: d.longitude,
      services: d.services.map((serviceId) => ({ serviceId, capacity: d.capacities[String(serviceId)] })),
    };
    const id = await market.createMarket(ctx.user.id, input, ctx.flowEnd());
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('market.staff.created'), { reply_markup: ctx.mainMenu() });
    await showPanel(ctx, id);
  });

  // ── publish, change, capacities, cancel ────────────────────────────────
  staffCb(RX.publish).use(async (ctx) => {
    const d = await market.day(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmPublishCard(ctx, d));
  });

  // Checked again on the confirmation: the staff member may have lost the role since the first tap.
  staffCb(RX.publishYes).use(async (ctx) => {
    const n = await market.publishMarket(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('market.staff.published', { count: n }));
  });

  staffCb(RX.editMarket).use(async (ctx) => {
    const m = await market.market(parse.id(ctx.match));
    const what = parse.edit(ctx.match);
    await ctx.answerCallbackQuery();
    await ctx.setFlow(editFlow, what, { marketId: m.id });
    await ctx.reply(ctx.t(ASK_EDIT[what], { example: example() }));
  });

  async function change(ctx: BotContext, marketId: number, what: MarketChange, panel: boolean) {
    const told = await market.changeMarket(ctx.user.id, marketId, what, ctx.flowEnd());
    await ctx.reply(ctx.t('market.staff.changed', { count: told }), { reply_markup: ctx.mainMenu() });
    if (panel) await showPanel(ctx, marketId);
  }

  /** What staff typed at each step of the edit flow, as a change. */
  const typed: Record<EditCode, (text: string) => MarketChange> = {
    d: (text) => ({ date: parseDate(text, market.today()) }),
    h: (text) => {
      const [startsAt, endsAt] = parseHours(text);
      return { startsAt, endsAt };
    },
    l: (text) => ({ location: text }),
  };

  staffIn(editFlow).on('message:text', async (ctx) => {
    await change(ctx, ctx.flow.data.marketId, typed[ctx.flow.step](ctx.message.text), true);
  });

  staffIn(editFlow, 'l').on('message:location', async (ctx) => {
    const { latitude, longitude } = ctx.message.location;
    await change(ctx, ctx.flow.data.marketId, { latitude, longitude }, false);
  });

  staffCb(RX.capacities).use(async (ctx) => {
    const d = await market.day(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await ctx.setFlow(capacityFlow, 'lines', { marketId: d.market.id });
    await ctx.reply(askNewCapacitiesText(ctx, d.offers));
  });

  staffIn(capacityFlow, 'lines').on('message:text', async (ctx) => {
    const { marketId } = ctx.flow.data;
    const offers = await market.offers(marketId);
    const caps = parseCapacities(
      ctx.message.text,
      offers.map((o) => ({ ...o, id: o.serviceId })),
    );
    const promoted = await market.setCapacities(ctx.user.id, marketId, caps, ctx.flowEnd());
    await ctx.reply(ctx.t('market.staff.capacitiesSaved', { promoted }), { reply_markup: ctx.mainMenu() });
    await showPanel(ctx, marketId);
  });

  staffCb(RX.cancelMarket).use(async (ctx) => {
    const d = await market.day(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmCancelMarketCard(ctx, d));
  });

  staffCb(RX.cancelMarketYes).use(async (ctx) => {
    const told = await market.cancelMarket(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('market.staff.cancelled', { count: told }));
  });

  return bot;
}
