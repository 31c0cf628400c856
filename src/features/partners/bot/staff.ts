import { Composer } from 'grammy';
import { dateLabel } from '../../../core/calendar';
import { parseDate } from '../../../core/dates';
import { addDays, localDate } from '../../../core/time';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { cancelKeyboard } from '../../../telegram/keyboards';
import { requireRole } from '../../../telegram/middlewares/guard';
import { finished, inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { ENDS_FLOW, TeamNotFound } from '../errors';
import { messageFlow, shiftFlow, shiftOf, teamFlow } from '../flows';
import { parseShiftHours, parseSlots, parseTeam, partnersPolicy } from '../policy';
import type { PartnersService } from '../service';
import { confirmLogCard, decidedText, deskCard, messagePreview, shiftPreview } from '../views';

/** The volunteers desk: applications, team messages, offering shifts, logging hours, founding teams. */
export function staffBot(partners: PartnersService, { clock, config }: Pick<Platform, 'clock' | 'config'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const today = () => localDate(clock.now(), config.TIMEZONE);
  const limits = partnersPolicy;

  async function showDesk(ctx: BotContext, edit: boolean) {
    const [pending, toLog, teams] = await Promise.all([
      partners.pendingApplications(),
      partners.shiftsToLog(),
      partners.teamsWithSizes(),
    ]);
    const card = deskCard(ctx.t, pending, toLog, teams);
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup }).catch(() => {});
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('volunteers', staff, (ctx) => showDesk(ctx, false));
  // The same desk from the workbench's button (issue 15): no command needed.
  bot.callbackQuery(RX.desk, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showDesk(ctx, ctx.callbackQuery.message !== undefined);
  });

  // A sign-up card: it says at once who decided what (every other staff member's card follows through the outbox).
  bot.callbackQuery(RX.decide, staff, async (ctx) => {
    const approve = ctx.match[1] === 'ok';
    const d = await partners.decide(ctx.user.id, Number(ctx.match[2]), Number(ctx.match[3]), approve);
    await ctx.answerCallbackQuery({
      text: ctx.t(approve ? 'partners.staff.approved' : 'partners.staff.rejected', { team: d.team.name }),
    });
    await ctx.editMessageText(decidedText(ctx.t, d)).catch(() => {});
  });

  // The same from the desk: the desk is shown again without the sign-up just decided.
  bot.callbackQuery(RX.deskDecide, staff, async (ctx) => {
    const approve = ctx.match[1] === 'ok';
    const d = await partners.decide(ctx.user.id, Number(ctx.match[2]), Number(ctx.match[3]), approve);
    await ctx.answerCallbackQuery({
      text: ctx.t(approve ? 'partners.staff.approved' : 'partners.staff.rejected', { team: d.team.name }),
    });
    await showDesk(ctx, true);
  });

  // Team message: text → preview → send.
  bot.callbackQuery(RX.message, staff, async (ctx) => {
    const team = await partners.team(Number(ctx.match[1]));
    if (!team) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(messageFlow, 'text', { teamId: team.id });
    await ctx.reply(ctx.t('partners.staff.askMessage', { team: team.name }), { reply_markup: cancelKeyboard(ctx) });
  });

  pm.on('message:text').filter(inFlow(messageFlow, 'text'), staff, async (ctx) => {
    const text = ctx.message.text.trim();
    if (text.length > limits.teamMessage.max)
      return ctx.reply(ctx.t('common.tooLong', { max: limits.teamMessage.max }));
    const { teamId } = ctx.flow.data;
    await ctx.setFlow(messageFlow, 'confirm', { teamId, text });
    const team = await partners.team(teamId);
    if (!team) throw new TeamNotFound(ENDS_FLOW);
    const card = messagePreview(ctx.t, team, text);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.messageSend, staff).filter(inFlow(messageFlow, 'confirm'), async (ctx) => {
    const { teamId, text } = ctx.flow.data;
    const n = await partners.messageTeam(ctx.user.id, teamId, text ?? '', ctx.flowEnd({ teamId }));
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {}); // sent: the preview keeps no 📤 button
    await ctx.reply(ctx.t('partners.staff.messageQueued', { count: n }), { reply_markup: ctx.mainMenu() });
  });
  // 📤 pressed again (or Telegram delivering the press again): it went out once.
  bot
    .callbackQuery(RX.messageSend, staff)
    .filter(finished(messageFlow), (ctx) =>
      ctx.answerCallbackQuery({ text: ctx.t('partners.staff.alreadySent'), show_alert: true }),
    );

  // Offering a shift: date → what to do → hours → places → preview → send.
  bot.callbackQuery(RX.offer, staff, async (ctx) => {
    const team = await partners.team(Number(ctx.match[1]));
    if (!team) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(shiftFlow, 'date', { teamId: team.id });
    const example = addDays(today(), limits.exampleDaysAhead);
    await ctx.reply(ctx.t('partners.staff.askShiftDate', { team: team.name, example }), {
      reply_markup: cancelKeyboard(ctx),
    });
  });

  // The one date parser: 明天, 下周六, 3月20日, 2025-03-20 …; the day understood is said back in words.
  pm.on('message:text').filter(inFlow(shiftFlow, 'date'), staff, async (ctx) => {
    const date = parseDate(ctx.message.text, today(), 'future');
    if (date === null || date < today())
      return ctx.reply(ctx.t('partners.staff.badShiftDate', { example: addDays(today(), limits.exampleDaysAhead) }));
    await ctx.setFlow(shiftFlow, 'description', { ...ctx.flow.data, date });
    await ctx.reply(ctx.t('partners.staff.askShiftWhat', { date: dateLabel(date)[ctx.locale] }));
  });

  pm.on('message:text').filter(inFlow(shiftFlow, 'description'), staff, async (ctx) => {
    const description = ctx.message.text.trim();
    const { min, max } = limits.shiftDescription;
    if (description.length < min || description.length > max) return ctx.reply(ctx.t('partners.staff.badShiftWhat'));
    await ctx.setFlow(shiftFlow, 'hours', { ...ctx.flow.data, description });
    await ctx.reply(ctx.t('partners.staff.askShiftHours'));
  });

  pm.on('message:text').filter(inFlow(shiftFlow, 'hours'), staff, async (ctx) => {
    const minutes = parseShiftHours(ctx.message.text);
    if (minutes === null) return ctx.reply(ctx.t('partners.staff.badShiftHours'));
    await ctx.setFlow(shiftFlow, 'slots', { ...ctx.flow.data, minutes });
    await ctx.reply(ctx.t('partners.staff.askShiftSlots'));
  });

  pm.on('message:text').filter(inFlow(shiftFlow, 'slots'), staff, async (ctx) => {
    const slots = parseSlots(ctx.message.text);
    if (slots === null) return ctx.reply(ctx.t('partners.staff.badShiftSlots'));
    const draft = { ...ctx.flow.data, slots };
    await ctx.setFlow(shiftFlow, 'confirm', draft);
    const shift = shiftOf(draft);
    const team = await partners.team(draft.teamId);
    if (!shift || !team) throw new TeamNotFound(ENDS_FLOW);
    const card = shiftPreview(ctx.t, team, shift);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.offerSend, staff).filter(inFlow(shiftFlow, 'confirm'), async (ctx) => {
    const shift = shiftOf(ctx.flow.data);
    if (!shift) {
      await ctx.endFlow();
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    }
    await partners.offer(ctx.user.id, shift, ctx.flowEnd({ teamId: shift.teamId }));
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {}); // offered: the preview keeps no 📤 button
    await ctx.reply(ctx.t('partners.staff.shiftOffered', { date: shift.date }), { reply_markup: ctx.mainMenu() });
  });
  bot
    .callbackQuery(RX.offerSend, staff)
    .filter(finished(shiftFlow), (ctx) =>
      ctx.answerCallbackQuery({ text: ctx.t('partners.staff.alreadyOffered'), show_alert: true }),
    );

  // Logging hours: confirm, then every member who took the shift is credited once.
  bot.callbackQuery(RX.log, staff, async (ctx) => {
    const shift = await partners.shift(Number(ctx.match[1]));
    if (shift?.status !== 'open') return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    const card = confirmLogCard(ctx.t, shift);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.logYes, staff, async (ctx) => {
    const n = await partners.log(ctx.user.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('partners.staff.logged', { count: n }));
  });

  bot.callbackQuery(RX.newTeam, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(teamFlow, 'name', {});
    await ctx.reply(ctx.t('partners.staff.askTeamName'), { reply_markup: cancelKeyboard(ctx) });
  });

  pm.on('message:text').filter(inFlow(teamFlow, 'name'), staff, async (ctx) => {
    const team = parseTeam(ctx.message.text);
    if (!team) return ctx.reply(ctx.t('partners.staff.badTeamName'));
    await partners.createTeam(ctx.user.id, team.name, team.description, ctx.flowEnd());
    await ctx.reply(ctx.t('partners.staff.teamCreated', { name: team.name }), { reply_markup: ctx.mainMenu() });
  });

  return bot;
}
