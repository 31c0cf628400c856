import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { requireRole } from '../../telegram/middlewares/guard';
import { inFlow } from '../../telegram/middlewares/match';
import { CB, RX } from './callbacks';
import { InvalidInput } from './errors';
import {
  addHoliday,
  deleteHoliday,
  getSettings,
  holidaysOfYear,
  parseHoliday,
  type SettingField,
  updateSetting,
} from './settings';
import { dateText, hoursText, now, placeText, thisYear } from './views';

export const settingsBot = new Composer<BotContext>();
const pm = settingsBot.chatType('private');
const staff = requireRole('staff');
const FIELDS: SettingField[] = ['day', 'hours', 'place', 'makeup'];

async function showSettings(ctx: BotContext) {
  const s = await getSettings(ctx.deps.db);
  const c = ctx.deps.config;
  const kb = new InlineKeyboard();
  FIELDS.forEach((f, i) => {
    kb.text(ctx.t(`relief.settings.edit.${f}`), CB.setField(f));
    if (i % 2 === 1) kb.row();
  });
  kb.text(ctx.t('relief.btn.holidays'), CB.holidays(thisYear(ctx)));
  await ctx.reply(
    ctx.t('relief.settings.text', {
      day: s.pickup_day,
      hours: hoursText(s),
      place: placeText(ctx, s),
      makeup: s.makeup_days,
      announce: `${c.RELIEF_ANNOUNCE_DAYS_BEFORE}`,
      announceTime: c.RELIEF_ANNOUNCE_TIME,
      morning: c.RELIEF_MORNING_TIME,
      afternoon: c.RELIEF_AFTERNOON_TIME,
      evening: c.RELIEF_EVENING_TIME,
      summary: c.RELIEF_SUMMARY_TIME,
    }),
    { reply_markup: kb },
  );
}

pm.command('relief_settings', staff, showSettings);
settingsBot.callbackQuery(CB.settings, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showSettings(ctx);
});

settingsBot.callbackQuery(RX.setField, staff, async (ctx) => {
  const field = ctx.match[1] as SettingField;
  await ctx.answerCallbackQuery();
  await ctx.setFlow('relief.settings', 'value', { field });
  await ctx.reply(ctx.t(`relief.settings.ask.${field}`));
});

pm.on('message:text').filter(inFlow('relief.settings', 'value'), staff, async (ctx) => {
  const field = ctx.flow!.data.field as SettingField;
  try {
    await updateSetting(ctx.deps.db, ctx.user.id, field, ctx.message.text, now(ctx));
  } catch (e) {
    if (e instanceof InvalidInput) return void (await ctx.reply(ctx.t(`relief.settings.ask.${field}`)));
    throw e;
  }
  await ctx.endFlow();
  await ctx.reply(ctx.t('relief.settings.saved'), { reply_markup: ctx.mainMenu() });
  await showSettings(ctx);
});

// ---- holiday table

async function showHolidays(ctx: BotContext, year: number) {
  const list = await holidaysOfYear(ctx.deps.db, year);
  const en = ctx.locale === 'en';
  const lines = list.map(
    (h) => `${dateText(ctx, h.date)} ${en ? h.name_en : h.name_zh} — ${en ? h.extras_en : h.extras_zh}`,
  );
  const kb = new InlineKeyboard();
  for (const h of list) kb.text(`✖ ${h.date} ${en ? h.name_en : h.name_zh}`, CB.holidayDelete(h.id)).row();
  kb.text('◀', CB.holidays(year - 1))
    .text(ctx.t('relief.btn.holidayAdd'), CB.holidayAdd)
    .text('▶', CB.holidays(year + 1));
  // Festival names are staff-typed text: passed as a parameter, so they are escaped.
  await ctx.reply(ctx.t('relief.holidays.list', { year, lines: lines.join('\n') || '—' }), { reply_markup: kb });
}

settingsBot.callbackQuery(RX.holidays, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showHolidays(ctx, Number(ctx.match[1]));
});

settingsBot.callbackQuery(CB.holidayAdd, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.setFlow('relief.holiday', 'add', {});
  await ctx.reply(ctx.t('relief.holidays.ask'));
});

pm.on('message:text').filter(inFlow('relief.holiday', 'add'), staff, async (ctx) => {
  let h;
  try {
    h = parseHoliday(ctx.message.text);
  } catch {
    return void (await ctx.reply(ctx.t('relief.holidays.askAgain')));
  }
  const added = await addHoliday(ctx.deps.db, ctx.user.id, h, now(ctx));
  await ctx.endFlow();
  await ctx.reply(ctx.t(added ? 'relief.holidays.added' : 'relief.holidays.exists', { name: h.nameZh, date: h.date }), {
    reply_markup: ctx.mainMenu(),
  });
  await showHolidays(ctx, Number(h.date.slice(0, 4)));
});

settingsBot.callbackQuery(RX.holidayDelete, staff, async (ctx) => {
  const id = Number(ctx.match[1]);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('relief.holidays.confirmDelete'), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('common.confirm'), CB.holidayDeleteYes(id))
      .text(ctx.t('common.cancel'), CB.holidays(thisYear(ctx))),
  });
});

// The confirmation is checked for the role again: it may have been revoked since the first tap.
settingsBot.callbackQuery(RX.holidayDeleteYes, staff, async (ctx) => {
  const h = await deleteHoliday(ctx.deps.db, ctx.user.id, Number(ctx.match[1]), now(ctx));
  if (!h) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('relief.holidays.deleted', { name: h.name_zh, date: h.date }));
});
