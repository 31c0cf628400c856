import { Composer } from 'grammy';
import { inLocale } from '../../../core/names';
import type { BotContext } from '../../../telegram/context';
import { inFlow, isKeyText } from '../../../telegram/middlewares/match';
import { parse, RX } from '../callbacks';
import { MarketFull } from '../errors';
import { bookFlow, changeFlow } from '../flows';
import { parseDetails } from '../input';
import type { BookingInput, MarketService } from '../service';
import type { Card } from '../views/common';
import {
  askDetailsText,
  askPhotoCard,
  bookedText,
  confirmCancelCard,
  fullCard,
  marketCard,
  myBookingsCard,
  noMarketCard,
  subscriptionCard,
  venueText,
} from '../views/resident';

const send = (ctx: BotContext, card: Card, edit = false) =>
  edit
    ? ctx.editMessageText(card.text, { reply_markup: card.markup })
    : ctx.reply(card.text, { reply_markup: card.markup });

/** Residents: the next market day, booking (with the waitlist), their bookings, subscriptions, "did it hold?". */
export function residentBot(market: MarketService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  /** "市集预约": the next market day, what it offers and how many places are left. */
  async function showNext(ctx: BotContext, edit = false) {
    const d = await market.nextDay();
    await send(ctx, d ? marketCard(ctx, d) : noMarketCard(ctx), edit);
  }

  pm.filter(isKeyText('market.menu.main'), (ctx) => showNext(ctx));
  bot.callbackQuery(RX.home, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showNext(ctx, true);
  });

  // From the announcement: an older market's button says what became of it instead of booking the new one.
  bot.callbackQuery(RX.open, async (ctx) => {
    const d = await market.findDay(parse.id(ctx.match));
    if (!d || d.state === 'draft') return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    if (d.state === 'over' || d.state === 'cancelled')
      return ctx.answerCallbackQuery({ text: ctx.t(`market.errors.${d.state}`), show_alert: true });
    await ctx.answerCallbackQuery();
    await send(ctx, marketCard(ctx, d));
  });

  bot.callbackQuery(RX.map, async (ctx) => {
    const d = await market.findDay(parse.id(ctx.match));
    if (d?.market.status !== 'published' || d.market.latitude === null || d.market.longitude === null)
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.reply(venueText(ctx, d));
    await ctx.replyWithLocation(d.market.latitude, d.market.longitude);
  });

  /** Books (or joins the line) and answers with the ticket; the change and the end of the flow commit together. */
  async function finish(ctx: BotContext, offerId: number, mode: 'book' | 'wait', input: BookingInput) {
    try {
      const v =
        mode === 'wait'
          ? await market.joinWaitlist(ctx.user.id, offerId, input, ctx.flowEnd())
          : await market.book(ctx.user.id, offerId, input, ctx.flowEnd());
      await ctx.reply(bookedText(ctx, v), { reply_markup: ctx.mainMenu() });
    } catch (err) {
      // Not an error to show: the last place went while they typed. What they typed is kept, so joining the line
      // does not ask for it again.
      if (!(err instanceof MarketFull)) throw err;
      await ctx.setFlow(bookFlow, 'full', {
        offerId,
        mode: 'wait',
        details: input.details ?? null,
        photo: input.photo ?? null,
      });
      await send(ctx, fullCard(ctx, offerId));
    }
  }

  async function start(ctx: BotContext, offerId: number, mode: 'book' | 'wait') {
    const { offer, full } = await market.checkBookable(ctx.user.id, offerId);
    await ctx.answerCallbackQuery();
    if (full && mode === 'book') return send(ctx, fullCard(ctx, offerId));
    if (!offer.needsDetails) return finish(ctx, offerId, mode, {});
    await ctx.setFlow(bookFlow, 'details', { offerId, mode });
    await ctx.reply(askDetailsText(ctx, offer), { reply_markup: { force_reply: true } });
  }

  bot.callbackQuery(RX.book, (ctx) => start(ctx, parse.id(ctx.match), 'book'));

  // After "full": what they typed is in the flow, and joining the line needs nothing more.
  bot.callbackQuery(RX.wait).filter(inFlow(bookFlow, 'full'), async (ctx, next) => {
    const offerId = parse.id(ctx.match);
    const { details, photo } = ctx.flow.data;
    if (ctx.flow.data.offerId !== offerId || typeof details !== 'string') return next();
    await ctx.answerCallbackQuery();
    await finish(ctx, offerId, 'wait', { details, photo: photo ?? null });
  });
  bot.callbackQuery(RX.wait, (ctx) => start(ctx, parse.id(ctx.match), 'wait'));

  pm.on('message:text').filter(inFlow(bookFlow, 'details'), async (ctx) => {
    const details = parseDetails(ctx.message.text);
    await ctx.setFlow(bookFlow, 'photo', { ...ctx.flow.data, details });
    await send(ctx, askPhotoCard(ctx));
  });
  pm.on('message:photo').filter(inFlow(bookFlow, 'details'), (ctx) =>
    ctx.reply(ctx.t('market.book.photoInsteadOfText')),
  );

  pm.on('message:photo').filter(inFlow(bookFlow, 'photo'), async (ctx) => {
    const { offerId, mode, details } = ctx.flow.data;
    await finish(ctx, offerId, mode, { details, photo: ctx.message.photo.at(-1)?.file_id ?? null });
  });
  pm.on('message:text').filter(inFlow(bookFlow, 'photo'), (ctx) =>
    send(ctx, askPhotoCard(ctx, 'market.book.textInsteadOfPhoto')),
  );

  bot.callbackQuery(RX.skipPhoto).filter(inFlow(bookFlow, 'photo'), async (ctx) => {
    const { offerId, mode, details } = ctx.flow.data;
    await ctx.answerCallbackQuery();
    await finish(ctx, offerId, mode, { details, photo: null });
  });

  async function showMine(ctx: BotContext) {
    await send(ctx, myBookingsCard(ctx, await market.myBookings(ctx.user.id)));
  }
  bot.callbackQuery(RX.mine, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMine(ctx);
  });
  pm.command('mybookings', showMine);

  bot.callbackQuery(RX.cancel, async (ctx) => {
    const v = await market.ownBooking(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmCancelCard(ctx, v));
  });

  bot.callbackQuery(RX.cancelYes, async (ctx) => {
    const { view } = await market.cancelBooking(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('market.cancel.done', { service: inLocale(view.offer, ctx.locale) }));
  });

  bot.callbackQuery(RX.keep, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('market.cancel.kept'));
  });

  bot.callbackQuery(RX.edit, async (ctx) => {
    const v = await market.ownBooking(ctx.user.id, parse.id(ctx.match));
    if (!v.offer.needsDetails) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(changeFlow, 'details', { bookingId: v.id });
    await ctx.reply(ctx.t('market.change.ask', { service: inLocale(v.offer, ctx.locale), details: v.details ?? '' }));
  });

  pm.on('message:text').filter(inFlow(changeFlow, 'details'), async (ctx) => {
    const input = { details: ctx.message.text };
    const v = await market.changeDetails(ctx.user.id, ctx.flow.data.bookingId, input, ctx.flowEnd());
    await ctx.reply(ctx.t('market.change.done', { service: inLocale(v.offer, ctx.locale), details: v.details ?? '' }), {
      reply_markup: ctx.mainMenu(),
    });
  });
  pm.on('message:photo').filter(inFlow(changeFlow, 'details'), (ctx) =>
    ctx.reply(ctx.t('market.book.photoInsteadOfText')),
  );

  bot.callbackQuery(RX.subMenu, async (ctx) => {
    await ctx.answerCallbackQuery();
    await send(ctx, subscriptionCard(ctx, await market.subscriptionOf(ctx.user.id)));
  });

  bot.callbackQuery(RX.sub, async (ctx) => {
    const result = await market.subscribe(ctx.user.id, parse.subscription(ctx.match));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t(`market.sub.now.${result}`));
  });

  bot.callbackQuery(RX.hold, async (ctx) => {
    const held = parse.yes(ctx.match);
    await market.answerHold(ctx.user.id, parse.id(ctx.match), held);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t(held ? 'market.hold.thanksYes' : 'market.hold.thanksNo'));
  });

  return bot;
}
