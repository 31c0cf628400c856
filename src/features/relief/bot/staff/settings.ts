import { Composer } from 'grammy';
import { localDate } from '../../../../core/time';
import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { inFlow } from '../../../../telegram/middlewares/match';
import { CB, RX } from '../../callbacks';
import { holidayFlow, settingsFlow } from '../../flows';
import type { SettingField } from '../../policy';
import type { ReliefService } from '../../service';
import { confirmHolidayDelete, holidaysCard, settingsCard } from '../../views/settings';

/** The pickup settings and the festival table. */
export function settingsBot(relief: ReliefService, { clock }: Pick<Platform, 'clock'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const thisYear = () => Number(localDate(clock.now(), relief.policy.timezone).slice(0, 4));

  async function showSettings(ctx: BotContext) {
    const card = settingsCard(ctx.t, ctx.locale, await relief.settings(), relief.policy, thisYear());
    await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('relief_settings', staff, showSettings);
  bot.callbackQuery(CB.settings, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showSettings(ctx);
  });

  bot.callbackQuery(RX.setField, staff, async (ctx) => {
    const field = ctx.match[1] as SettingField;
    await ctx.answerCallbackQuery();
    await ctx.setFlow(settingsFlow, 'value', { field });
    await ctx.reply(ctx.t(`relief.settings.ask.${field}`));
  });

  pm.on('message:text').filter(inFlow(settingsFlow, 'value'), staff, async (ctx) => {
    await relief.updateSetting(ctx.user.id, ctx.flow.data.field, ctx.message.text, ctx.flowEnd());
    await ctx.reply(ctx.t('relief.settings.saved'), { reply_markup: ctx.mainMenu() });
    await showSettings(ctx);
  });

  // ---- festival table

  async function showHolidays(ctx: BotContext, year: number) {
    const card = holidaysCard(ctx.t, ctx.locale, year, await relief.holidaysOfYear(year));
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  bot.callbackQuery(RX.holidays, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showHolidays(ctx, Number(ctx.match[1]));
  });

  bot.callbackQuery(CB.holidayAdd, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(holidayFlow, 'add', {});
    await ctx.reply(ctx.t('relief.holidays.ask'));
  });

  pm.on('message:text').filter(inFlow(holidayFlow, 'add'), staff, async (ctx) => {
    const { added, holiday: h } = await relief.addHoliday(ctx.user.id, ctx.message.text, ctx.flowEnd());
    const key = added ? 'relief.holidays.added' : 'relief.holidays.exists';
    await ctx.reply(ctx.t(key, { name: h.nameZh, date: h.date }), { reply_markup: ctx.mainMenu() });
    await showHolidays(ctx, Number(h.date.slice(0, 4)));
  });

  bot.callbackQuery(RX.holidayDelete, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    const card = confirmHolidayDelete(ctx.t, Number(ctx.match[1]), thisYear());
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  // The confirmation is checked for the role again: it may have been revoked since the first tap.
  bot.callbackQuery(RX.holidayDeleteYes, staff, async (ctx) => {
    const h = await relief.deleteHoliday(ctx.user.id, Number(ctx.match[1]));
    if (!h) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('relief.holidays.deleted', { name: h.nameZh, date: h.date }));
  });

  return bot;
}
