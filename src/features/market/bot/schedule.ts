import { Composer } from 'grammy';
import { dateLabel } from '../../../core/calendar';
import { inLocale } from '../../../core/names';
import { isDate } from '../../../core/time';
import type { FlowDef } from '../../../identity';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { parse, RX } from '../callbacks';
import { DateInPast, DraftIncomplete, NoServices } from '../errors';
import { completeDraft, newMarketFlow } from '../flows';
import { exampleDate, parseCapacities, parseDate, parseHours } from '../input';
import type { MarketService } from '../service';
import { placeText } from '../views/common';
import { askCapacitiesCard, capacitiesNotedCard, datesCard, panelCard, servicesCard } from '../views/staff';
import { noVenuesCard, pickVenueCard } from '../views/venues';
import { closeHeld, post, send, tappedId } from './cards';

/** A new market day, step by step: staff only, every button and step checked. */
export function scheduleBot(market: MarketService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staffCb = (re: RegExp) => bot.callbackQuery(re, requireRole('staff'));
  /** Flow steps check the role again: someone who lost it mid-flow (or forged their way in) gets no further. */
  const staffIn = <D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) =>
    pm.filter(inFlow(def, ...steps), requireRole('staff'));
  const example = () => exampleDate(market.today());

  /** The venues as buttons, the one next in rotation first; a page of them edits the card it was asked on. */
  async function venueCard(ctx: BotContext, page: number, moving?: number) {
    const [venues, compounds] = await Promise.all([market.activeVenues(), market.compoundsById()]);
    return pickVenueCard(ctx, venues, compounds, await market.proposeVenue(), page, moving);
  }

  // A market day is held at a venue: with none yet, staff are offered to add one first, before typing anything.
  staffCb(RX.create).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    if (!(await market.hasVenues())) return send(ctx, noVenuesCard(ctx));
    const asked = await post(ctx, datesCard(ctx, market.today(), example()));
    await ctx.setFlow(newMarketFlow, 'date', { card: asked.message_id });
  });

  /** The date, tapped or typed: the date buttons go, and the hours are asked. */
  async function dateChosen(ctx: BotContext, date: string) {
    if (date < market.today()) throw new DateInPast(example());
    await closeHeld(ctx, inFlow(newMarketFlow)(ctx) ? ctx.flow.data.card : undefined);
    await ctx.setFlow(newMarketFlow, 'hours', { date });
    await ctx.reply(ctx.t('market.staff.dateNoted', { date: dateLabel(date)[ctx.locale] }));
  }
  staffIn(newMarketFlow, 'date').on('message:text', (ctx) =>
    dateChosen(ctx, parseDate(ctx.message.text, market.today())),
  );
  staffCb(RX.newDate)
    .filter(inFlow(newMarketFlow, 'date'))
    .use(async (ctx) => {
      const date = ctx.match?.[1] ?? '';
      if (!isDate(date)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
      await ctx.answerCallbackQuery();
      await dateChosen(ctx, date);
    });

  staffIn(newMarketFlow, 'hours').on('message:text', async (ctx) => {
    const [start, end] = parseHours(ctx.message.text);
    const asked = await post(ctx, await venueCard(ctx, 0));
    await ctx.setFlow(newMarketFlow, 'venue', { ...ctx.flow.data, start, end, card: asked.message_id });
  });

  staffCb(RX.newVenuePage).filter(inFlow(newMarketFlow, 'venue'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await send(ctx, await venueCard(ctx, parse.page(ctx.match)), true);
  });

  staffCb(RX.newVenue).filter(inFlow(newMarketFlow, 'venue'), async (ctx) => {
    const venue = (await market.activeVenues()).find((v) => v.id === parse.id(ctx.match));
    if (!venue) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    const place = placeText(ctx, { location: venue.nameZh, locationEn: venue.nameEn, address: venue.address });
    await send(ctx, { text: ctx.t('market.staff.venueChosen', { name: place }) }, true);
    const asked = await post(ctx, servicesCard(ctx, await market.services(), new Set()));
    const next = { ...ctx.flow.data, venueId: venue.id, services: [], card: asked.message_id };
    await ctx.setFlow(newMarketFlow, 'services', next);
  });

  const showChosen = async (ctx: BotContext, chosen: number[]) =>
    send(ctx, servicesCard(ctx, await market.services(), new Set(chosen)), true);

  staffCb(RX.toggleService).filter(inFlow(newMarketFlow, 'services'), async (ctx) => {
    const id = parse.id(ctx.match);
    const chosen = new Set(ctx.flow.data.services ?? []);
    if (chosen.has(id)) chosen.delete(id);
    else chosen.add(id);
    await ctx.setFlow(newMarketFlow, 'services', { ...ctx.flow.data, services: [...chosen] });
    await ctx.answerCallbackQuery();
    await showChosen(ctx, [...chosen]);
  });

  staffCb(RX.allServices).filter(inFlow(newMarketFlow, 'services'), async (ctx) => {
    const all = (await market.services()).map((s) => s.id);
    await ctx.setFlow(newMarketFlow, 'services', { ...ctx.flow.data, services: all });
    await ctx.answerCallbackQuery();
    await showChosen(ctx, all);
  });

  const chosenServices = async (chosen: number[] = []) =>
    (await market.services()).filter((s) => chosen.includes(s.id));

  staffCb(RX.servicesDone).filter(inFlow(newMarketFlow, 'services'), async (ctx) => {
    const chosen = await chosenServices(ctx.flow.data.services);
    if (chosen.length === 0) throw new NoServices();
    await ctx.answerCallbackQuery();
    const names = chosen.map((s) => inLocale(s, ctx.locale)).join(ctx.locale === 'en' ? ', ' : '、');
    await send(ctx, { text: ctx.t('market.staff.servicesChosen', { names }) }, true);
    const asked = await post(ctx, askCapacitiesCard(ctx, chosen));
    await ctx.setFlow(newMarketFlow, 'capacity', { ...ctx.flow.data, capacities: {}, card: asked.message_id });
  });

  staffIn(newMarketFlow, 'capacity').on('message:text', async (ctx) => {
    const caps = parseCapacities(ctx.message.text, await chosenServices(ctx.flow.data.services));
    const capacities = { ...ctx.flow.data.capacities, ...Object.fromEntries(caps) };
    await closeHeld(ctx, ctx.flow.data.card);
    const asked = await post(ctx, capacitiesNotedCard(ctx, caps.size));
    await ctx.setFlow(newMarketFlow, 'capacity', { ...ctx.flow.data, capacities, card: asked.message_id });
  });

  staffCb(RX.capacitiesDone).filter(inFlow(newMarketFlow, 'capacity'), async (ctx) => {
    const d = completeDraft(ctx.flow.data);
    if (!d) throw new DraftIncomplete();
    const input = {
      date: d.date,
      startsAt: d.start,
      endsAt: d.end,
      venueId: d.venueId,
      services: d.services.map((serviceId) => ({ serviceId, capacity: d.capacities[String(serviceId)] })),
    };
    const id = await market.createMarket(ctx.user.id, input, ctx.flowEnd());
    await ctx.answerCallbackQuery();
    await closeHeld(ctx, tappedId(ctx));
    await ctx.reply(ctx.t('market.staff.created'), { reply_markup: ctx.mainMenu() });
    await send(ctx, panelCard(ctx, await market.day(id)));
  });

  return { bot, venueCard };
}
