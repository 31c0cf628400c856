import { Composer, InputFile } from 'grammy';
import QRCode from 'qrcode';
import type { BotContext } from '../../../telegram/context';
import { isKeyText } from '../../../telegram/middlewares/match';
import { CHECKIN_LINK, checkinPayload, parse, RX } from '../callbacks';
import type { ActivitiesService, SignupResult } from '../service';
import type { Activity } from '../store';
import { placeOf } from '../views/common';
import {
  activityCard,
  calendarCard,
  codeCaption,
  confirmCancelCard,
  mineCard,
  sessionsCard,
  signedUpText,
} from '../views/resident';
import { send, tappedId } from './cards';

/** Residents: the calendar, an activity, signing up (self, waitlist, series), cancelling, my activities, the code. */
export function residentBot(service: ActivitiesService, botUsername: () => string) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  const showCalendar = async (ctx: BotContext, page: number, edit: boolean) =>
    send(ctx, calendarCard(ctx, await service.upcoming(ctx.user), page), edit);
  pm.filter(isKeyText('activities.menu.main'), (ctx) => showCalendar(ctx, 0, false));
  pm.command('activities', (ctx) => showCalendar(ctx, 0, false));
  bot.callbackQuery(RX.calendar, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showCalendar(ctx, parse.id(ctx.match), true);
  });

  /** The activity card, as it is now; `edit`: in place of the card whose button was pressed. */
  async function showActivity(ctx: BotContext, id: number, edit: boolean, notice?: string) {
    const v = await service.detail(ctx.user.id, id);
    if (!v) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    if (ctx.callbackQuery) await ctx.answerCallbackQuery();
    return send(ctx, activityCard(ctx, v, notice), edit);
  }
  /** The place on the map, under the card: a venue (its name and address) or, with no address known, the pin. */
  async function sendPlace(ctx: BotContext, a: Activity) {
    if (a.latitude === null || a.longitude === null) return;
    if (a.placeAddress) await ctx.replyWithVenue(a.latitude, a.longitude, placeOf(ctx, a), a.placeAddress);
    else await ctx.replyWithLocation(a.latitude, a.longitude);
  }
  bot.callbackQuery(RX.open, async (ctx) => {
    const v = await service.detail(ctx.user.id, parse.id(ctx.match));
    if (!v) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await send(ctx, activityCard(ctx, v));
    await sendPlace(ctx, v.activity);
  });

  bot.callbackQuery(RX.sessions, async (ctx) => {
    const sessions = (await service.sessionsAhead(parse.id(ctx.match))).filter((s) => service.state(s) === 'open');
    await ctx.answerCallbackQuery();
    await send(ctx, sessionsCard(ctx, sessions));
  });

  bot.callbackQuery(RX.map, async (ctx) => {
    const a = await service.activity(parse.id(ctx.match));
    if (a.status !== 'published' || a.latitude === null || a.longitude === null)
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await sendPlace(ctx, a);
  });

  const signedUp = async (ctx: BotContext, results: SignupResult[]) => {
    const id = results[0]?.activity.id ?? parse.id(ctx.match as RegExpMatchArray);
    await showActivity(ctx, id, true, signedUpText(ctx, results));
  };
  bot.callbackQuery(RX.signUp, async (ctx) => signedUp(ctx, [await service.signUp(ctx.user.id, parse.id(ctx.match))]));
  bot.callbackQuery(RX.wait, async (ctx) =>
    signedUp(ctx, [await service.joinWaitlist(ctx.user.id, parse.id(ctx.match))]),
  );
  bot.callbackQuery(RX.series, async (ctx) =>
    signedUp(ctx, await service.signUpSeries(ctx.user.id, parse.id(ctx.match), null)),
  );

  const showMine = async (ctx: BotContext, edit: boolean, notice?: string) => {
    const items = await service.mine(ctx.user.id);
    return send(ctx, mineCard(ctx, items, notice), edit);
  };
  pm.command('myactivities', (ctx) => showMine(ctx, false));
  bot.callbackQuery(RX.mine, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMine(ctx, false);
  });

  bot.callbackQuery(RX.code, async (ctx) => {
    const m = await service.ownSignup(ctx.user.id, parse.id(ctx.match));
    if (m.signup.status !== 'booked' || !m.signup.code)
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    const link = `https://t.me/${botUsername()}?start=${CHECKIN_LINK}${checkinPayload(m.signup.id, m.signup.code)}`;
    const png = await QRCode.toBuffer(link, { type: 'png', width: 360, margin: 2, errorCorrectionLevel: 'M' });
    await ctx.replyWithPhoto(new InputFile(png, `activity-${m.signup.code}.png`), { caption: codeCaption(ctx, m) });
  });

  // Cancelling asks first, in place of the card; then the card as it is now.
  bot.callbackQuery(RX.cancel, async (ctx) => {
    const m = await service.ownSignup(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmCancelCard(ctx, m), true);
  });
  bot.callbackQuery(RX.cancelYes, async (ctx) => {
    const m = await service.ownSignup(ctx.user.id, parse.id(ctx.match));
    const r = await service.cancelSignup(ctx.user.id, m.signup.id, parse.flag(ctx.match));
    await showActivity(ctx, m.activity.id, true, ctx.t('activities.cancel.done', { count: r.cancelled }));
  });
  bot.callbackQuery(RX.keep, (ctx) => showActivity(ctx, parse.id(ctx.match), true));

  return { bot, showActivity, tappedId };
}
