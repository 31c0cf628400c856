import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { parse, RX } from '../callbacks';
import { noteFlow } from '../flows';
import { type MarketService, outcomesFor } from '../service';
import { inReaders } from '../views/common';
import {
  chooseServiceCard,
  confirmNoShowCard,
  confirmWalkInCard,
  noteDoneCard,
  queueCard,
  recordedText,
  summaryCard,
  ticketCard,
  walkInAddedCard,
} from '../views/day';
import { editHeld, send, tappedId } from './cards';

/**
 * The market day itself and the summary after it, worked through in one card that each action edits to its new
 * state: staff only, every button and step checked.
 */
export function dayBot(market: MarketService) {
  const bot = new Composer<BotContext>();
  const staffCb = (re: RegExp) => bot.callbackQuery(re, requireRole('staff'));

  /** The ticket as it is now, in the card that was tapped (or the one asking for a note). */
  async function showTicket(ctx: BotContext, bookingId: number, opts: { askNote?: boolean; card?: number } = {}) {
    const { offer, entry } = await market.queueEntry(bookingId);
    const card = ticketCard(ctx, offer, entry, outcomesFor(offer), opts.askNote);
    if (opts.card !== undefined) await editHeld(ctx, opts.card, card);
    else await send(ctx, card, true);
    return { offer, entry };
  }

  staffCb(RX.queue).use(async (ctx) => {
    const d = await market.day(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, chooseServiceCard(ctx, d), true);
  });

  staffCb(RX.serviceQueue).use(async (ctx) => {
    const { offer, entries } = await market.serviceQueue(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, queueCard(ctx, offer, entries, parse.id(ctx.match, 2)), true);
  });

  /** One ticket: who, what the resident wrote (their photo below it), and the buttons valid now. */
  staffCb(RX.ticket).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    const { entry } = await showTicket(ctx, parse.id(ctx.match));
    if (entry.photo) await ctx.replyWithPhoto(entry.photo, { caption: inReaders(ctx, entry.ticket) });
  });

  staffCb(RX.outcome).use(async (ctx) => {
    const bookingId = parse.id(ctx.match);
    const outcome = parse.outcome(ctx.match);
    if (outcome === 'no_show') {
      // "Did not come" asks first, and only from the ticket's time on.
      const entry = await market.noShowCheck(bookingId);
      await ctx.answerCallbackQuery();
      return send(ctx, confirmNoShowCard(ctx, entry), true);
    }
    await market.recordOutcome(ctx.user.id, bookingId, outcome);
    // A repair's result may need a note for the provider (which part to bring next time).
    const askNote = outcome === 'fixed' || outcome === 'not_fixable' || outcome === 'needs_parts';
    if (askNote) await ctx.setFlow(noteFlow, 'text', { bookingId, card: tappedId(ctx) });
    const { entry } = await showTicket(ctx, bookingId, { askNote });
    await ctx.answerCallbackQuery({ text: recordedText(ctx, entry, outcome) });
  });

  staffCb(RX.noShowYes).use(async (ctx) => {
    const bookingId = parse.id(ctx.match);
    await market.recordOutcome(ctx.user.id, bookingId, 'no_show');
    const { entry } = await showTicket(ctx, bookingId);
    await ctx.answerCallbackQuery({ text: recordedText(ctx, entry, 'no_show') });
  });

  // A result recorded by mistake goes back to waiting, the same day; a note still being asked for is dropped.
  staffCb(RX.undo).use(async (ctx) => {
    const bookingId = parse.id(ctx.match);
    const asking = inFlow(noteFlow)(ctx) && ctx.flow.data.bookingId === bookingId;
    await market.undoOutcome(ctx.user.id, bookingId, asking ? ctx.flowEnd() : undefined);
    await ctx.answerCallbackQuery({ text: ctx.t('market.day.undone') });
    await showTicket(ctx, bookingId);
  });

  bot
    .chatType('private')
    .filter(inFlow(noteFlow, 'text'), requireRole('staff'))
    .on('message:text', async (ctx) => {
      const { bookingId, card } = ctx.flow.data;
      await market.addNote(ctx.user.id, bookingId, ctx.message.text, ctx.flowEnd());
      const { offer } = await showTicket(ctx, bookingId, { card });
      await send(ctx, noteDoneCard(ctx, 'market.day.noteSaved', offer.id));
    });

  staffCb(RX.skipNote).filter(inFlow(noteFlow, 'text'), async (ctx) => {
    const { bookingId } = ctx.flow.data;
    await ctx.endFlow();
    await ctx.answerCallbackQuery({ text: ctx.t('market.day.noteSkipped') });
    await showTicket(ctx, bookingId);
  });

  staffCb(RX.walkIn).use(async (ctx) => {
    const { offer } = await market.serviceQueue(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmWalkInCard(ctx, offer), true);
  });

  staffCb(RX.walkInYes).use(async (ctx) => {
    const offerId = parse.id(ctx.match);
    const w = await market.addWalkIn(ctx.user.id, offerId, parse.id(ctx.match, 2));
    await ctx.answerCallbackQuery();
    await send(ctx, walkInAddedCard(ctx, offerId, w.ticket), true);
  });

  staffCb(RX.summary).use(async (ctx) => {
    const m = await market.market(parse.id(ctx.match));
    const s = await market.summary(m.id);
    await ctx.answerCallbackQuery();
    await send(ctx, summaryCard(ctx, m, s), true);
  });

  return bot;
}
