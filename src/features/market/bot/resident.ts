import { Composer } from 'grammy';
import { inLocale } from '../../../core/names';
import type { BotContext } from '../../../telegram/context';
import { inFlow, isKeyText } from '../../../telegram/middlewares/match';
import { parse, RX } from '../callbacks';
import { changeFlow } from '../flows';
import type { MarketService } from '../service';
import { confirmCancelCard, marketCard, myBookingsCard, subscriptionCard, venueText } from '../views/resident';
import { bookingBot } from './booking';
import { send } from './cards';

/** Residents: the market days, booking (with the waitlist), their bookings, subscriptions, "did it hold?". */
export function residentBot(market: MarketService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  /** "市集预约": today's market day while it lasts, and the next one to book, with the places left. */
  const showHome = async (ctx: BotContext, edit = false) =>
    send(ctx, marketCard(ctx, await market.residentHome(ctx.user.id)), edit);

  pm.filter(isKeyText('market.menu.main'), (ctx) => showHome(ctx));
  bot.callbackQuery(RX.home, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showHome(ctx, true);
  });

  // From the announcement: an older market's button says what became of it instead of booking the new one.
  bot.callbackQuery(RX.open, async (ctx) => {
    const h = await market.residentDay(ctx.user.id, parse.id(ctx.match));
    const d = h && [h.current, h.next].find((x) => x?.market.id === parse.id(ctx.match));
    if (!h || !d || d.state === 'draft') return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    if (d.state === 'over' || d.state === 'cancelled')
      return ctx.answerCallbackQuery({ text: ctx.t(`market.errors.${d.state}`), show_alert: true });
    await ctx.answerCallbackQuery();
    await send(ctx, marketCard(ctx, h));
  });

  bot.callbackQuery(RX.map, async (ctx) => {
    const d = await market.findDay(parse.id(ctx.match));
    if (d?.market.status !== 'published' || d.market.latitude === null || d.market.longitude === null)
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.reply(venueText(ctx, d));
    await ctx.replyWithLocation(d.market.latitude, d.market.longitude);
  });

  bot.use(bookingBot(market));

  /** "我的预约", as a card of its own (from a notice or /mybookings) or in place of the market card. */
  const showMine = async (ctx: BotContext, edit = false, notice?: string) =>
    send(ctx, myBookingsCard(ctx, await market.myBookings(ctx.user.id), notice), edit);
  bot.callbackQuery(RX.mine, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMine(ctx);
  });
  bot.callbackQuery(RX.mineHere, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMine(ctx, true);
  });
  pm.command('mybookings', (ctx) => showMine(ctx));

  // Cancelling happens in the list itself: it asks, then shows the list as it is now, without the cancelled one.
  bot.callbackQuery(RX.cancel, async (ctx) => {
    const v = await market.ownBooking(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmCancelCard(ctx, v), true);
  });

  bot.callbackQuery(RX.cancelYes, async (ctx) => {
    const { view } = await market.cancelBooking(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await showMine(ctx, true, ctx.t('market.cancel.done', { service: inLocale(view.offer, ctx.locale) }));
  });

  bot.callbackQuery(RX.keep, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMine(ctx, true, ctx.t('market.cancel.kept'));
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
