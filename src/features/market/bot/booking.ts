import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { finished, inFlow } from '../../../telegram/middlewares/match';
import { parse, RX } from '../callbacks';
import { MarketFull } from '../errors';
import { bookFlow, bookResult } from '../flows';
import { parseDetails } from '../input';
import type { BookingInput, MarketService } from '../service';
import {
  alreadyText,
  askDetailsText,
  askPhotoCard,
  bookedText,
  fullCard,
  marketCard,
  photoAnsweredCard,
} from '../views/resident';
import { editHeld, post, send, tappedId } from './cards';

type Mode = 'book' | 'wait';
/** Where the booking stands in the chat: the market card it began on and the photo question, if any. */
type Held = { card?: number; photoCard?: number };

/** Booking a service (or joining its line): from the market card, through a description and a photo if needed. */
export function bookingBot(market: MarketService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  /** The market card as it is now for this resident: places left, and their ticket where the button was. */
  async function refreshCard(ctx: BotContext, marketId: number, messageId: number | undefined) {
    const h = await market.residentDay(ctx.user.id, marketId);
    if (h) await editHeld(ctx, messageId, marketCard(ctx, h));
  }

  /**
   * Books (or joins the line) and answers with the ticket. Inside the booking flow the change and the end of the flow
   * commit together, the flow keeping the service so a confirmation arriving again finds the ticket instead.
   */
  async function finish(ctx: BotContext, offerId: number, mode: Mode, input: BookingInput, held: Held) {
    const done = inFlow(bookFlow)(ctx) ? ctx.flowEnd({ offerId }) : undefined;
    try {
      const v =
        mode === 'wait'
          ? await market.joinWaitlist(ctx.user.id, offerId, input, done)
          : await market.book(ctx.user.id, offerId, input, done);
      await refreshCard(ctx, v.market.id, held.card);
      await ctx.reply(bookedText(ctx, v), { reply_markup: ctx.mainMenu() });
    } catch (err) {
      // Not an error to show: the last place went while they typed. What they typed is kept, so joining the line
      // does not ask for it again.
      if (!(err instanceof MarketFull)) throw err;
      const data = { offerId, mode: 'wait' as const, details: input.details ?? null, photo: input.photo ?? null };
      await ctx.setFlow(bookFlow, 'full', { ...data, card: held.card });
      await send(ctx, fullCard(ctx, offerId));
    }
  }

  /** A service button of a market card: book at once, or ask for a description first. */
  async function start(ctx: BotContext, offerId: number, mode: Mode) {
    // Pressed again (or from an older card): the ticket they hold, in their language, and nothing booked.
    const mine = await market.activeBooking(ctx.user.id, offerId);
    if (mine) return ctx.answerCallbackQuery({ text: alreadyText(ctx, mine), show_alert: true });
    const { offer, market: m, full } = await market.checkBookable(ctx.user.id, offerId);
    const card = tappedId(ctx);
    if (full && mode === 'book') {
      // The card showed a place that has gone meanwhile: say so, and show the card as it is now (with the line).
      await ctx.answerCallbackQuery({ text: ctx.t('market.errors.full'), show_alert: true });
      return refreshCard(ctx, m.id, card);
    }
    await ctx.answerCallbackQuery();
    if (!offer.needsDetails && !offer.needsPhoto) return finish(ctx, offerId, mode, {}, { card });
    if (!offer.needsDetails) return askPhoto(ctx, { offerId, mode, card, details: null });
    await ctx.setFlow(bookFlow, 'details', { offerId, mode, card, askPhoto: offer.needsPhoto });
    await ctx.reply(askDetailsText(ctx, offer), { reply_markup: { force_reply: true } });
  }

  /** The photo question (with "skip"), its message kept so its button goes once it is answered. */
  async function askPhoto(
    ctx: BotContext,
    data: { offerId: number; mode: Mode; card?: number; details: string | null },
  ) {
    const asked = await post(ctx, askPhotoCard(ctx, data.details === null ? 'market.book.askPhotoOnly' : undefined));
    await ctx.setFlow(bookFlow, 'photo', { ...data, photoCard: asked.message_id });
  }

  /** The service a finished booking flow was for, if this resident still holds a place in it. */
  async function alreadyHeld(ctx: BotContext & { finished: { result: Record<string, unknown> } }) {
    const r = bookResult.safeParse(ctx.finished.result);
    return r.success ? market.activeBooking(ctx.user.id, r.data.offerId) : null;
  }

  // A confirmation arriving again after the booking was made (a second tap, or Telegram redelivering it after a
  // crash): the ticket they have, and nothing booked twice.
  bot.callbackQuery(RX.skipPhoto).filter(finished(bookFlow), async (ctx, next) => {
    const v = await alreadyHeld(ctx);
    if (!v) return next();
    await ctx.answerCallbackQuery({ text: alreadyText(ctx, v), show_alert: true });
    await editHeld(ctx, tappedId(ctx), photoAnsweredCard(ctx, false));
  });
  pm.on('message:photo').filter(finished(bookFlow), async (ctx, next) => {
    const v = await alreadyHeld(ctx);
    if (!v) return next();
    await ctx.reply(alreadyText(ctx, v), { reply_markup: ctx.mainMenu() });
  });
  bot.callbackQuery(RX.wait).filter(finished(bookFlow), async (ctx, next) => {
    const v = await alreadyHeld(ctx);
    if (v?.offer.id !== parse.id(ctx.match)) return next();
    await ctx.answerCallbackQuery({ text: alreadyText(ctx, v), show_alert: true });
  });

  bot.callbackQuery(RX.book, (ctx) => start(ctx, parse.id(ctx.match), 'book'));

  // After "full": what they typed is in the flow, and joining the line needs nothing more.
  bot.callbackQuery(RX.wait).filter(inFlow(bookFlow, 'full'), async (ctx, next) => {
    const offerId = parse.id(ctx.match);
    const { details, photo, card } = ctx.flow.data;
    if (ctx.flow.data.offerId !== offerId || details === undefined) return next();
    await ctx.answerCallbackQuery();
    await finish(ctx, offerId, 'wait', { details, photo: photo ?? null }, { card });
    await editHeld(ctx, tappedId(ctx), { text: ctx.t('market.book.full'), markup: { inline_keyboard: [] } });
  });
  bot.callbackQuery(RX.wait, (ctx) => start(ctx, parse.id(ctx.match), 'wait'));

  pm.on('message:text').filter(inFlow(bookFlow, 'details'), async (ctx) => {
    const details = parseDetails(ctx.message.text);
    const { offerId, mode, card } = ctx.flow.data;
    if (ctx.flow.data.askPhoto === false) return finish(ctx, offerId, mode, { details }, { card });
    await askPhoto(ctx, { ...ctx.flow.data, details });
  });
  pm.on('message:photo').filter(inFlow(bookFlow, 'details'), (ctx) =>
    ctx.reply(ctx.t('market.book.photoInsteadOfText')),
  );

  pm.on('message:photo').filter(inFlow(bookFlow, 'photo'), async (ctx) => {
    const { offerId, mode, details, card, photoCard } = ctx.flow.data;
    const photo = ctx.message.photo.at(-1)?.file_id ?? null;
    await finish(ctx, offerId, mode, { details, photo }, { card });
    await editHeld(ctx, photoCard, photoAnsweredCard(ctx, true));
  });
  // Text where a photo was asked for: ask again, and the earlier question loses its button (one live question).
  pm.on('message:text').filter(inFlow(bookFlow, 'photo'), async (ctx) => {
    const { photoCard } = ctx.flow.data;
    const asked = await post(ctx, askPhotoCard(ctx, 'market.book.textInsteadOfPhoto'));
    await ctx.setFlow(bookFlow, 'photo', { ...ctx.flow.data, photoCard: asked.message_id });
    await editHeld(ctx, photoCard, { text: ctx.t('market.book.askPhoto'), markup: { inline_keyboard: [] } });
  });

  bot.callbackQuery(RX.skipPhoto).filter(inFlow(bookFlow, 'photo'), async (ctx) => {
    const { offerId, mode, details, card } = ctx.flow.data;
    await ctx.answerCallbackQuery();
    await finish(ctx, offerId, mode, { details, photo: null }, { card });
    await editHeld(ctx, tappedId(ctx), photoAnsweredCard(ctx, false));
  });

  return bot;
}
