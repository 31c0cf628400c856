import { Composer } from 'grammy';
import { inLocale } from '../../../core/names';
import type { FlowDef } from '../../../identity';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { SETUP_NEXT } from '../../../telegram/workbench';
import { parse, RX } from '../callbacks';
import { venueEditFlow, venueFlow } from '../flows';
import { parseAddress, parsePlace } from '../input';
import type { MarketService } from '../service';
import type { Card } from '../views/common';
import {
  askVenueMapCard,
  compoundPickCard,
  confirmRetireVenueCard,
  setupVenuesCard,
  venueAddedCard,
  venueCard,
  venuesCard,
} from '../views/venues';
import { closeHeld, editHeld, post, send, tappedId } from './cards';

const ASK = { n: 'market.venues.askName', a: 'market.venues.askAddress', l: 'market.venues.askMapEdit' } as const;

/**
 * The market's venues as staff keep them in the chat: the list, a venue's card, adding one (compound → name →
 * address → map) and changing or retiring it. Every button and step is staff-only; every change is audited.
 */
export function venuesBot(market: MarketService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staffCb = (re: RegExp) => bot.callbackQuery(re, requireRole('staff'));
  const staffIn = <D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) =>
    pm.filter(inFlow(def, ...steps), requireRole('staff'));

  const listCard = async (ctx: BotContext, page: number) =>
    venuesCard(ctx, await market.venues(), await market.compoundsById(), page);
  const cardOf = async (ctx: BotContext, id: number, notice?: string): Promise<Card> => {
    const v = await market.venue(id);
    return venueCard(ctx, v, (await market.compoundsById()).get(v.compoundId), notice);
  };
  const compounds = async (ctx: BotContext, page: number) => compoundPickCard(ctx, await market.compounds(), page);

  /** The add-venue flow's first question: which compound (from the set-up walk-through or the venue list). */
  async function startAdd(ctx: BotContext, setup: boolean) {
    if ((await market.compounds()).length === 0) {
      const next = [[{ text: ctx.t('market.setup.next'), callback_data: SETUP_NEXT }]];
      await ctx.reply(ctx.t('market.errors.noCompounds'), {
        reply_markup: setup ? { inline_keyboard: next } : undefined,
      });
      return;
    }
    const asked = await post(ctx, await compounds(ctx, 0));
    await ctx.setFlow(venueFlow, 'compound', { setup, card: asked.message_id });
  }

  /** The set-up step: with no venue yet, straight to adding one; on a redo, what there is and what to do. */
  async function setupStart(ctx: BotContext) {
    const venues = await market.activeVenues();
    if (venues.length === 0) return startAdd(ctx, true);
    await send(ctx, setupVenuesCard(ctx, venues, await market.compoundsById()));
  }

  staffCb(RX.venues).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await send(ctx, await listCard(ctx, parse.page(ctx.match)), true);
  });
  staffCb(RX.venue).use(async (ctx) => {
    const card = await cardOf(ctx, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, card, true);
  });

  staffCb(RX.addVenue).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await startAdd(ctx, ctx.match?.[1] === ':s');
  });

  // The compound list's pages, in either flow that asks for a compound.
  staffCb(RX.venueCompounds)
    .filter((ctx) => inFlow(venueFlow, 'compound')(ctx) || inFlow(venueEditFlow, 'c')(ctx))
    .use(async (ctx) => {
      await ctx.answerCallbackQuery();
      await send(ctx, await compounds(ctx, parse.page(ctx.match)), true);
    });

  staffCb(RX.venueCompound)
    .filter(inFlow(venueFlow, 'compound'))
    .use(async (ctx) => {
      const c = (await market.compoundsById()).get(parse.id(ctx.match));
      if (!c) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
      await ctx.answerCallbackQuery();
      const chosen = ctx.t('market.venues.compoundChosen', { name: inLocale(c, ctx.locale) });
      await send(ctx, { text: chosen, markup: { inline_keyboard: [] } }, true);
      await ctx.setFlow(venueFlow, 'name', { ...ctx.flow.data, compoundId: c.id, card: undefined });
      await ctx.reply(ctx.t('market.venues.askName'));
    });

  staffIn(venueFlow, 'name').on('message:text', async (ctx) => {
    const { location, locationEn } = parsePlace(ctx.message.text);
    await ctx.setFlow(venueFlow, 'address', { ...ctx.flow.data, nameZh: location, nameEn: locationEn });
    await ctx.reply(ctx.t('market.venues.askAddress'));
  });

  staffIn(venueFlow, 'address').on('message:text', async (ctx) => {
    const address = parseAddress(ctx.message.text);
    const asked = await post(ctx, askVenueMapCard(ctx));
    await ctx.setFlow(venueFlow, 'map', { ...ctx.flow.data, address, card: asked.message_id });
  });

  /** The last step: the venue is saved and the flow ends in one transaction. */
  async function save(ctx: BotContext, latitude: number | null, longitude: number | null) {
    if (!inFlow(venueFlow, 'map')(ctx)) return;
    const { compoundId, nameZh, nameEn, address, setup, card } = ctx.flow.data;
    await closeHeld(ctx, card);
    if (compoundId === undefined || nameZh === undefined) {
      await ctx.endFlow();
      return ctx.reply(ctx.t('market.errors.draftIncomplete'));
    }
    const input = { compoundId, nameZh, nameEn: nameEn ?? null, address: address ?? '', latitude, longitude };
    const v = await market.addVenue(ctx.user.id, input, ctx.flowEnd());
    await send(ctx, venueAddedCard(ctx, v, await market.compoundsById(), setup === true));
  }

  staffIn(venueFlow, 'map').on('message:location', (ctx) =>
    save(ctx, ctx.message.location.latitude, ctx.message.location.longitude),
  );
  staffCb(RX.skipVenueMap)
    .filter(inFlow(venueFlow, 'map'))
    .use(async (ctx) => {
      await ctx.answerCallbackQuery();
      await save(ctx, null, null);
    });
  staffIn(venueFlow, 'map').on('message:text', async (ctx) => {
    await closeHeld(ctx, ctx.flow.data.card);
    const asked = await post(ctx, askVenueMapCard(ctx));
    await ctx.setFlow(venueFlow, 'map', { ...ctx.flow.data, card: asked.message_id });
  });

  // ── changing a venue: the name, address and map are sent, the compound picked ─────────────────────
  staffCb(RX.editVenue).use(async (ctx) => {
    const v = await market.venue(parse.id(ctx.match));
    const what = parse.venueField(ctx.match);
    await ctx.answerCallbackQuery();
    await ctx.setFlow(venueEditFlow, what, { venueId: v.id, card: tappedId(ctx) });
    if (what === 'c') return send(ctx, await compounds(ctx, 0), true);
    await ctx.reply(ctx.t(ASK[what]));
  });

  /** Saves a change, ending the flow with it, and shows the venue card as it now is. */
  async function edit(ctx: BotContext, patch: Parameters<MarketService['editVenue']>[2], card?: number) {
    if (!inFlow(venueEditFlow)(ctx)) return;
    const id = ctx.flow.data.venueId;
    await market.editVenue(ctx.user.id, id, patch, ctx.flowEnd());
    const now = await cardOf(ctx, id, ctx.t('market.venues.saved'));
    if (card === undefined) return send(ctx, now, true);
    await editHeld(ctx, card, now);
    await ctx.reply(ctx.t('market.venues.saved'), { reply_markup: ctx.mainMenu() });
  }

  staffCb(RX.venueCompound)
    .filter(inFlow(venueEditFlow, 'c'))
    .use(async (ctx) => {
      await ctx.answerCallbackQuery();
      await edit(ctx, { compoundId: parse.id(ctx.match) });
    });
  staffIn(venueEditFlow, 'n').on('message:text', async (ctx) => {
    const { location, locationEn } = parsePlace(ctx.message.text);
    await edit(ctx, { nameZh: location, nameEn: locationEn }, ctx.flow.data.card);
  });
  staffIn(venueEditFlow, 'a').on('message:text', async (ctx) =>
    edit(ctx, { address: parseAddress(ctx.message.text) }, ctx.flow.data.card),
  );
  staffIn(venueEditFlow, 'l').on('message:location', async (ctx) => {
    const { latitude, longitude } = ctx.message.location;
    await edit(ctx, { latitude, longitude }, ctx.flow.data.card);
  });
  staffIn(venueEditFlow, 'l').on('message:text', (ctx) => ctx.reply(ctx.t('market.venues.askMapEdit')));

  // ── retiring: asked first; a retired venue is offered for no new market day and can be brought back ──
  staffCb(RX.retireVenue).use(async (ctx) => {
    const v = await market.venue(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmRetireVenueCard(ctx, v), true);
  });
  staffCb(RX.retireVenueYes).use(async (ctx) => {
    const v = await market.retireVenue(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, await cardOf(ctx, v.id, ctx.t('market.venues.retiredNow')), true);
  });
  staffCb(RX.restoreVenue).use(async (ctx) => {
    const v = await market.restoreVenue(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, await cardOf(ctx, v.id, ctx.t('market.venues.restoredNow')), true);
  });

  return { bot, setupStart };
}
