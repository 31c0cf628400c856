import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { choices } from '../../telegram/keyboards';
import { can } from '../../telegram/middlewares/guard';
import { CB } from './callbacks';
import {
  applyToTeam,
  dropShift,
  findTeam,
  formatHours,
  hoursOf,
  leaveTeam,
  membershipsOf,
  shiftsFor,
  takeShift,
  teamsWithSizes,
} from './volunteers';

export const volunteersBot = new Composer<BotContext>();
const pm = volunteersBot.chatType('private');

async function showTeams(ctx: BotContext) {
  const teams = await teamsWithSizes(ctx.deps.db);
  const kb = choices(
    teams.map((t) => ({
      text: ctx.t('partners.teams.button', { name: t.name, count: t.members }),
      data: CB.team(t.id),
    })),
    1,
  )
    .row()
    .text(ctx.t('partners.teams.myShifts'), CB.shifts)
    .text(ctx.t('partners.teams.myHours'), CB.hours);
  await ctx.reply(ctx.t(teams.length ? 'partners.teams.title' : 'partners.teams.none'), { reply_markup: kb });
}
pm.command('volunteer', showTeams);
volunteersBot.callbackQuery(CB.teams, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showTeams(ctx);
});

volunteersBot.callbackQuery(/^pa:v:(\d{1,9})$/, async (ctx) => {
  const team = await findTeam(ctx.deps.db, Number(ctx.match[1]));
  if (team?.active !== 1) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  const status = (await membershipsOf(ctx.deps.db, ctx.user.id)).find((m) => m.team_id === team.id)?.status;
  const kb = new InlineKeyboard();
  if (status === 'approved') kb.text(ctx.t('partners.teams.leave'), CB.leave(team.id));
  else if (status !== 'pending') kb.text(ctx.t('partners.teams.apply'), CB.apply(team.id));
  if (can(ctx, 'staff'))
    kb.row()
      .text(ctx.t('partners.staff.message'), CB.message(team.id))
      .text(ctx.t('partners.staff.offer'), CB.offer(team.id));
  const state =
    status === 'approved'
      ? 'partners.teams.youAreMember'
      : status === 'pending'
        ? 'partners.teams.youApplied'
        : 'partners.teams.youCanApply';
  await ctx.answerCallbackQuery();
  await ctx.reply(
    [ctx.t('partners.teams.card', { name: team.name, description: team.description }), ctx.t(state)].join('\n\n'),
    { reply_markup: kb },
  );
});

volunteersBot.callbackQuery(/^pa:ap:(\d{1,9})$/, async (ctx) => {
  const teamId = Number(ctx.match[1]);
  try {
    await applyToTeam(ctx.deps.db, ctx.user.id, teamId, ctx.deps.clock.now());
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  ctx.deps.wakeDelivery();
  const team = (await findTeam(ctx.deps.db, teamId))!;
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('partners.volunteer.applied', { team: team.name }));
});

volunteersBot.callbackQuery(/^pa:lv:(\d{1,9})$/, async (ctx) => {
  try {
    await leaveTeam(ctx.deps.db, ctx.user.id, Number(ctx.match[1]), ctx.deps.clock.now());
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('partners.volunteer.left'));
});

async function showShifts(ctx: BotContext) {
  const shifts = await shiftsFor(ctx.deps.db, ctx.user.id, ctx.deps.clock.now(), ctx.deps.config.TIMEZONE);
  if (shifts.length === 0) return ctx.reply(ctx.t('partners.shift.none'));
  const lines = shifts.map((s) =>
    ctx.t(s.mine ? 'partners.shift.lineMine' : 'partners.shift.line', {
      date: s.date,
      team: s.team_name,
      description: s.description,
      hours: formatHours(s.minutes),
      taken: s.taken,
      slots: s.slots,
    }),
  );
  const kb = choices(
    shifts.flatMap((s) =>
      s.mine
        ? [{ text: ctx.t('partners.shift.dropButton', { date: s.date }), data: CB.drop(s.id) }]
        : s.taken < s.slots
          ? [{ text: ctx.t('partners.shift.takeButton', { date: s.date }), data: CB.take(s.id) }]
          : [],
    ),
    1,
  );
  await ctx.reply([ctx.t('partners.shift.title'), ...lines].join('\n'), { reply_markup: kb });
}
pm.command('shifts', showShifts);
volunteersBot.callbackQuery(CB.shifts, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showShifts(ctx);
});

volunteersBot.callbackQuery(/^pa:tk:(\d{1,9})$/, async (ctx) => {
  let shift;
  try {
    shift = await takeShift(
      ctx.deps.db,
      ctx.user.id,
      Number(ctx.match[1]),
      ctx.deps.clock.now(),
      ctx.deps.config.TIMEZONE,
    );
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(
    ctx.t('partners.shift.taken', {
      date: shift.date,
      description: shift.description,
      hours: formatHours(shift.minutes),
    }),
  );
});

volunteersBot.callbackQuery(/^pa:dr:(\d{1,9})$/, async (ctx) => {
  try {
    await dropShift(ctx.deps.db, ctx.user.id, Number(ctx.match[1]), ctx.deps.clock.now(), ctx.deps.config.TIMEZONE);
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('partners.shift.dropped'));
});

async function showHours(ctx: BotContext) {
  const h = await hoursOf(ctx.deps.db, ctx.user.id);
  if (h.totalMinutes === 0) return ctx.reply(ctx.t('partners.hours.none'));
  const lines = [
    ctx.t('partners.hours.total', { hours: formatHours(h.totalMinutes) }),
    ...h.byTeam.map((t) => ctx.t('partners.hours.team', { team: t.team, hours: formatHours(t.minutes) })),
    '',
    ctx.t('partners.hours.recent'),
    ...h.recent.map((r) =>
      ctx.t('partners.hours.line', { date: r.date, team: r.team, hours: formatHours(r.minutes), note: r.note }),
    ),
  ];
  await ctx.reply(lines.join('\n'));
}
pm.command('hours', showHours);
volunteersBot.callbackQuery(CB.hours, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showHours(ctx);
});
