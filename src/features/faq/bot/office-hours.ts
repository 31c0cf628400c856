import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { officeHoursFlow } from '../flows';
import type { FaqService } from '../service';
import { type Card, officeCloseCard, officeDaysCard, officeOpenCard, officeSavedCard } from '../views';

const adminOnly = requireRole('admin');

/**
 * Office hours, set by an admin with buttons (a set-up step, and redone from ⚙️ 设置): the weekdays, toggled on one
 * card that edits itself, then the opening and the closing time. Residents who hand a question off after hours are
 * told when staff are back from what is saved here.
 */
export function officeHoursBot(faq: FaqService) {
  const bot = new Composer<BotContext>();
  const hours = faq.officeHours;

  async function show(ctx: BotContext, card: Card) {
    if (ctx.callbackQuery?.message) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  /** Starts the step in the admin's chat, from the days in force. */
  async function start(ctx: BotContext) {
    const now = hours.current();
    await ctx.setFlow(officeHoursFlow, 'days', { days: now.days });
    await show(ctx, officeDaysCard(ctx.t, ctx.locale, now.days, now));
  }

  bot.callbackQuery(RX.hours, adminOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    await start(ctx);
  });

  // A button of a card whose flow has moved on (or was never started) is expired, and nothing changes.
  const expired = (ctx: BotContext) => ctx.answerCallbackQuery({ text: ctx.t('common.expired') });

  bot.callbackQuery(RX.hoursDay, adminOnly, async (ctx) => {
    if (!inFlow(officeHoursFlow, 'days')(ctx)) return expired(ctx);
    const day = Number(ctx.match[1]);
    const had = ctx.flow.data.days;
    const days = had.includes(day) ? had.filter((d) => d !== day) : [...had, day];
    await ctx.setFlow(officeHoursFlow, 'days', { days });
    await ctx.answerCallbackQuery();
    await show(ctx, officeDaysCard(ctx.t, ctx.locale, days, hours.current()));
  });

  bot.callbackQuery(RX.hoursDaysDone, adminOnly, async (ctx) => {
    if (!inFlow(officeHoursFlow, 'days')(ctx)) return expired(ctx);
    const { days } = ctx.flow.data;
    if (days.length === 0)
      return ctx.answerCallbackQuery({ text: ctx.t('faq.setup.officeHours.noDays'), show_alert: true });
    await ctx.setFlow(officeHoursFlow, 'open', { days });
    await ctx.answerCallbackQuery();
    await show(ctx, officeOpenCard(ctx.t, ctx.locale, days, hours.current()));
  });

  bot.callbackQuery(RX.hoursOpen, adminOnly, async (ctx) => {
    if (!inFlow(officeHoursFlow, 'open')(ctx)) return expired(ctx);
    const open = `${ctx.match[1]}:${ctx.match[2]}`;
    await ctx.setFlow(officeHoursFlow, 'close', { ...ctx.flow.data, open });
    await ctx.answerCallbackQuery();
    await show(ctx, officeCloseCard(ctx.t, open, hours.current()));
  });

  bot.callbackQuery(RX.hoursClose, adminOnly, async (ctx) => {
    if (!inFlow(officeHoursFlow, 'close')(ctx)) return expired(ctx);
    const { days, open } = ctx.flow.data;
    const close = `${ctx.match[1]}:${ctx.match[2]}`;
    if (!open || close <= open) return expired(ctx);
    const saved = await hours.set(ctx.user.id, { days, open, close }, ctx.flowEnd());
    await ctx.answerCallbackQuery();
    await show(ctx, officeSavedCard(ctx.t, ctx.locale, saved));
  });

  return { composer: bot, start };
}
