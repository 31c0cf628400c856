import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { parse, RX } from '../callbacks';
import { noteFlow } from '../flows';
import { type MarketService, outcomesFor } from '../service';
import type { Card } from '../views/common';
import {
  askNoteCard,
  chooseServiceCard,
  confirmWalkInCard,
  noteDoneCard,
  queueCard,
  recordedCard,
  recordedText,
  summaryCard,
  ticketCard,
  walkInAddedCard,
} from '../views/day';

const send = (ctx: BotContext, card: Card, edit = false) =>
  edit
    ? ctx.editMessageText(card.text, { reply_markup: card.markup })
    : ctx.reply(card.text, { reply_markup: card.markup });

/** The market day itself and the summary after it: staff only, every button and step checked. */
export function dayBot(market: MarketService) {
  const bot = new Composer<BotContext>();
  const staffCb = (re: RegExp) => bot.callbackQuery(re, requireRole('staff'));

  staffCb(RX.queue).use(async (ctx) => {
    const d = await market.day(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, chooseServiceCard(ctx, d));
  });

  staffCb(RX.serviceQueue).use(async (ctx) => {
    const { offer, entries } = await market.serviceQueue(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, queueCard(ctx, offer, entries, parse.id(ctx.match, 2)));
  });

  /** One ticket: who, what the resident wrote (and their photo), and the buttons to record how it went. */
  staffCb(RX.ticket).use(async (ctx) => {
    const { offer, entry } = await market.queueEntry(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    const card = ticketCard(ctx, offer, entry, outcomesFor(offer));
    if (card.photo) await ctx.replyWithPhoto(card.photo, { caption: card.text, reply_markup: card.markup });
    else await send(ctx, card);
  });

  staffCb(RX.outcome).use(async (ctx) => {
    const bookingId = parse.id(ctx.match);
    const outcome = parse.outcome(ctx.match);
    await market.recordOutcome(ctx.user.id, bookingId, outcome);
    const { offer, entry } = await market.queueEntry(bookingId);
    await ctx.answerCallbackQuery({ text: recordedText(ctx, entry, outcome) });
    // A repair's result may need a note for the provider (which part to bring next time).
    if (outcome === 'fixed' || outcome === 'not_fixable' || outcome === 'needs_parts') {
      await ctx.setFlow(noteFlow, 'text', { bookingId });
      await send(ctx, askNoteCard(ctx, entry));
      return;
    }
    await send(ctx, recordedCard(ctx, offer, entry, outcome));
  });

  bot
    .chatType('private')
    .filter(inFlow(noteFlow, 'text'), requireRole('staff'))
    .on('message:text', async (ctx) => {
      const { bookingId } = ctx.flow.data;
      await market.addNote(ctx.user.id, bookingId, ctx.message.text, ctx.flowEnd());
      const { offer } = await market.queueEntry(bookingId);
      await send(ctx, noteDoneCard(ctx, 'market.day.noteSaved', offer.id));
    });

  staffCb(RX.skipNote).filter(inFlow(noteFlow, 'text'), async (ctx) => {
    const { offer } = await market.queueEntry(ctx.flow.data.bookingId);
    await ctx.endFlow();
    await ctx.answerCallbackQuery();
    await send(ctx, noteDoneCard(ctx, 'market.day.noteSkipped', offer.id), true);
  });

  staffCb(RX.walkIn).use(async (ctx) => {
    const { offer } = await market.serviceQueue(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmWalkInCard(ctx, offer));
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
    await send(ctx, summaryCard(ctx, m, s));
  });

  return bot;
}
