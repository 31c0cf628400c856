import { Composer, InlineKeyboard } from 'grammy';
import { addDays, isDate, localDate } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { cancelKeyboard } from '../../telegram/keyboards';
import { requireRole } from '../../telegram/middlewares/guard';
import { inFlow } from '../../telegram/middlewares/match';
import { needFlow } from '../fund/keyboards';
import { CB } from './callbacks';
import {
  createTeam,
  decideApplication,
  findShift,
  findTeam,
  formatHours,
  logShift,
  messageTeam,
  offerShift,
  pendingApplications,
  shiftsToLog,
  teamsWithSizes,
} from './volunteers';

export const partnersStaffBot = new Composer<BotContext>();
const pm = partnersStaffBot.chatType('private');
const staff = requireRole('staff');

async function showDesk(ctx: BotContext) {
  const { db, clock, config } = ctx.deps;
  const [pending, toLog, teams] = await Promise.all([
    pendingApplications(db),
    shiftsToLog(db, clock.now(), config.TIMEZONE),
    teamsWithSizes(db),
  ]);
  const kb = new InlineKeyboard();
  for (const a of pending) {
    const name = [a.first_name, a.last_name].filter(Boolean).join(' ');
    kb.text(ctx.t('partners.staff.approveButton', { name, team: a.team_name }), CB.approve(a.team_id, a.user_id))
      .text(ctx.t('partners.staff.reject'), CB.reject(a.team_id, a.user_id))
      .row();
  }
  for (const s of toLog)
    kb.text(ctx.t('partners.staff.logButton', { date: s.date, team: s.team_name }), CB.log(s.id)).row();
  for (const t of teams)
    kb.text(ctx.t('partners.staff.teamButton', { name: t.name, count: t.members }), CB.team(t.id)).row();
  kb.text(ctx.t('partners.staff.newTeam'), CB.newTeam);
  await ctx.reply(ctx.t('partners.staff.desk', { pending: pending.length, toLog: toLog.length }), { reply_markup: kb });
}
pm.command('volunteers', staff, showDesk);

partnersStaffBot.callbackQuery(/^pa:(ok|no):(\d{1,9}):(\d{1,15})$/, staff, async (ctx) => {
  const approve = ctx.match[1] === 'ok';
  const teamId = Number(ctx.match[2]);
  const userId = Number(ctx.match[3]);
  try {
    await decideApplication(ctx.deps.db, ctx.user.id, teamId, userId, approve, ctx.deps.clock.now());
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  ctx.deps.wakeDelivery();
  const team = (await findTeam(ctx.deps.db, teamId))!;
  await ctx.answerCallbackQuery({
    text: ctx.t(approve ? 'partners.staff.approved' : 'partners.staff.rejected', { team: team.name }),
  });
  await ctx.reply(ctx.t(approve ? 'partners.staff.approved' : 'partners.staff.rejected', { team: team.name }));
});

// Team broadcast: text → preview → send.
partnersStaffBot.callbackQuery(/^pa:msg:(\d{1,9})$/, staff, async (ctx) => {
  const team = await findTeam(ctx.deps.db, Number(ctx.match[1]));
  if (!team) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow('partners.message', 'text', { teamId: team.id });
  await ctx.reply(ctx.t('partners.staff.askMessage', { team: team.name }), { reply_markup: cancelKeyboard(ctx) });
});

pm.on('message:text').filter(inFlow('partners.message', 'text'), staff, async (ctx) => {
  const text = ctx.message.text.trim();
  if (text.length > 3000) return ctx.reply(ctx.t('common.tooLong', { max: 3000 }));
  await ctx.setFlow('partners.message', 'confirm', { ...ctx.flow!.data, text });
  const team = (await findTeam(ctx.deps.db, (ctx.flow!.data as { teamId: number }).teamId))!;
  await ctx.reply(ctx.t('partners.staff.previewMessage', { team: team.name, text }), {
    reply_markup: new InlineKeyboard().text(ctx.t('partners.staff.send'), CB.messageSend),
  });
});

partnersStaffBot.callbackQuery(CB.messageSend, staff, needFlow('partners.message', 'confirm'), async (ctx) => {
  const { teamId, text } = ctx.flow!.data as { teamId: number; text: string };
  await ctx.endFlow();
  let n: number;
  try {
    n = await messageTeam(ctx.deps.db, ctx.user.id, teamId, text, ctx.deps.clock.now());
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  ctx.deps.wakeDelivery();
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('partners.staff.messageQueued', { count: n }), { reply_markup: ctx.mainMenu() });
});

// Offering a shift: date → what to do → hours → places → preview → send.
const OFFER = 'partners.shift';
partnersStaffBot.callbackQuery(/^pa:of:(\d{1,9})$/, staff, async (ctx) => {
  const team = await findTeam(ctx.deps.db, Number(ctx.match[1]));
  if (!team) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow(OFFER, 'date', { teamId: team.id });
  const example = addDays(localDate(ctx.deps.clock.now(), ctx.deps.config.TIMEZONE), 7);
  await ctx.reply(ctx.t('partners.staff.askShiftDate', { team: team.name, example }), {
    reply_markup: cancelKeyboard(ctx),
  });
});

pm.on('message:text').filter(inFlow(OFFER, 'date'), staff, async (ctx) => {
  const date = ctx.message.text.trim();
  const today = localDate(ctx.deps.clock.now(), ctx.deps.config.TIMEZONE);
  if (!isDate(date) || date < today)
    return ctx.reply(ctx.t('partners.staff.badShiftDate', { example: addDays(today, 7) }));
  await ctx.setFlow(OFFER, 'description', { ...ctx.flow!.data, date });
  await ctx.reply(ctx.t('partners.staff.askShiftWhat'));
});

pm.on('message:text').filter(inFlow(OFFER, 'description'), staff, async (ctx) => {
  const description = ctx.message.text.trim();
  if (description.length < 2 || description.length > 200) return ctx.reply(ctx.t('partners.staff.badShiftWhat'));
  await ctx.setFlow(OFFER, 'hours', { ...ctx.flow!.data, description });
  await ctx.reply(ctx.t('partners.staff.askShiftHours'));
});

pm.on('message:text').filter(inFlow(OFFER, 'hours'), staff, async (ctx) => {
  const m = /^(\d{1,2})(?:[.。](\d))?$/.exec(ctx.message.text.trim());
  const minutes = m ? Number(m[1]) * 60 + Number(m[2] ?? 0) * 6 : 0;
  if (minutes < 15 || minutes > 1440) return ctx.reply(ctx.t('partners.staff.badShiftHours'));
  await ctx.setFlow(OFFER, 'slots', { ...ctx.flow!.data, minutes });
  await ctx.reply(ctx.t('partners.staff.askShiftSlots'));
});

pm.on('message:text').filter(inFlow(OFFER, 'slots'), staff, async (ctx) => {
  const slots = /^\d{1,3}$/.test(ctx.message.text.trim()) ? Number(ctx.message.text.trim()) : 0;
  if (slots < 1 || slots > 100) return ctx.reply(ctx.t('partners.staff.badShiftSlots'));
  const d = { ...(ctx.flow!.data as { teamId: number; date: string; description: string; minutes: number }), slots };
  await ctx.setFlow(OFFER, 'confirm', d);
  const team = (await findTeam(ctx.deps.db, d.teamId))!;
  await ctx.reply(
    ctx.t('partners.staff.previewShift', {
      team: team.name,
      date: d.date,
      description: d.description,
      hours: formatHours(d.minutes),
      slots,
    }),
    {
      reply_markup: new InlineKeyboard().text(ctx.t('partners.staff.send'), CB.offerSend),
    },
  );
});

partnersStaffBot.callbackQuery(CB.offerSend, staff, needFlow(OFFER, 'confirm'), async (ctx) => {
  const d = ctx.flow!.data as { teamId: number; date: string; description: string; minutes: number; slots: number };
  await ctx.endFlow();
  try {
    await offerShift(ctx.deps.db, ctx.user.id, d, ctx.deps.clock.now(), ctx.deps.config.TIMEZONE);
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  ctx.deps.wakeDelivery();
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('partners.staff.shiftOffered', { date: d.date }), { reply_markup: ctx.mainMenu() });
});

// Logging hours: confirm, then every member who took the shift is credited once.
partnersStaffBot.callbackQuery(/^pa:lg:(\d{1,9})$/, staff, async (ctx) => {
  const shift = await findShift(ctx.deps.db, Number(ctx.match[1]));
  if (shift?.status !== 'open') return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.reply(
    ctx.t('partners.staff.confirmLog', {
      date: shift.date,
      description: shift.description,
      hours: formatHours(shift.minutes),
    }),
    {
      reply_markup: new InlineKeyboard().text(ctx.t('common.confirm'), CB.logYes(shift.id)),
    },
  );
});

partnersStaffBot.callbackQuery(/^pa:lgy:(\d{1,9})$/, staff, async (ctx) => {
  let n: number;
  try {
    n = await logShift(ctx.deps.db, ctx.user.id, Number(ctx.match[1]), ctx.deps.clock.now(), ctx.deps.config.TIMEZONE);
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  ctx.deps.wakeDelivery();
  await ctx.answerCallbackQuery();
  await ctx.editMessageReplyMarkup().catch(() => {});
  await ctx.reply(ctx.t('partners.staff.logged', { count: n }));
});

partnersStaffBot.callbackQuery(CB.newTeam, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.setFlow('partners.team', 'name', {});
  await ctx.reply(ctx.t('partners.staff.askTeamName'), { reply_markup: cancelKeyboard(ctx) });
});

pm.on('message:text').filter(inFlow('partners.team', 'name'), staff, async (ctx) => {
  const [name, ...rest] = ctx.message.text.trim().split('\n');
  if (!name || name.trim().length < 2 || name.trim().length > 40) return ctx.reply(ctx.t('partners.staff.badTeamName'));
  try {
    await createTeam(ctx.deps.db, ctx.user.id, name, rest.join('\n'), ctx.deps.clock.now());
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  await ctx.endFlow();
  await ctx.reply(ctx.t('partners.staff.teamCreated', { name: name.trim() }), { reply_markup: ctx.mainMenu() });
});
