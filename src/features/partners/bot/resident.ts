import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { can } from '../../../telegram/middlewares/guard';
import { RX } from '../callbacks';
import { isPartnerType } from '../policy';
import type { PartnersService } from '../service';
import {
  directoryCard,
  hoursText,
  partnerCard,
  partnerListCard,
  shiftsCard,
  shiftTaken,
  teamCard,
  teamsCard,
} from '../views';

/** The partner directory and, for residents, volunteer teams: joining, shifts and hours. */
export function residentBot(partners: PartnersService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  async function showTypes(ctx: BotContext) {
    const card = directoryCard(ctx.t, await partners.typeCounts());
    await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('partners', showTypes);
  bot.callbackQuery(RX.types, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showTypes(ctx);
  });

  bot.callbackQuery(RX.type, async (ctx) => {
    const type = ctx.match[1]!;
    if (!isPartnerType(type)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    const card = partnerListCard(ctx.t, type, await partners.partners(type), Number(ctx.match[2]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.partner, async (ctx) => {
    const { partner, offers } = await partners.card(Number(ctx.match[1]));
    const card = partnerCard(ctx.t, partner, offers, can(ctx, 'staff'));
    await ctx.answerCallbackQuery();
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  async function showTeams(ctx: BotContext) {
    const card = teamsCard(ctx.t, await partners.teamsWithSizes());
    await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('volunteer', showTeams);
  bot.callbackQuery(RX.teams, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showTeams(ctx);
  });

  bot.callbackQuery(RX.team, async (ctx) => {
    const team = await partners.team(Number(ctx.match[1]));
    if (!team?.active) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    const card = teamCard(ctx.t, team, await partners.statusIn(team.id, ctx.user.id), can(ctx, 'staff'));
    await ctx.answerCallbackQuery();
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  /** The team card pressed, in its new state: "waiting for staff" after signing up, "sign up" after leaving. */
  async function showTeamAgain(ctx: BotContext, teamId: number) {
    const team = await partners.team(teamId);
    if (!team) return;
    const card = teamCard(ctx.t, team, await partners.statusIn(team.id, ctx.user.id), can(ctx, 'staff'));
    await ctx.editMessageText(card.text, { reply_markup: card.markup }).catch(() => {});
  }

  bot.callbackQuery(RX.apply, async (ctx) => {
    const team = await partners.apply(ctx.user.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery({ text: ctx.t('partners.volunteer.applied', { team: team.name }) });
    await showTeamAgain(ctx, team.id);
  });

  bot.callbackQuery(RX.leave, async (ctx) => {
    const teamId = Number(ctx.match[1]);
    await partners.leave(ctx.user.id, teamId);
    await ctx.answerCallbackQuery({ text: ctx.t('partners.volunteer.left') });
    await showTeamAgain(ctx, teamId);
  });

  async function showShifts(ctx: BotContext, edit = false) {
    const card = shiftsCard(ctx.t, await partners.shiftsFor(ctx.user.id));
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup }).catch(() => {});
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('shifts', (ctx) => showShifts(ctx));
  bot.callbackQuery(RX.shifts, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showShifts(ctx);
  });

  // The card pressed (the offer, or the list of shifts) becomes the list of shifts as they stand now: the one just
  // taken with its drop button, the one just dropped with its take button (while places are left).
  bot.callbackQuery(RX.take, async (ctx) => {
    const shift = await partners.take(ctx.user.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery({ text: shiftTaken(ctx.t, shift) });
    await showShifts(ctx, true);
  });

  bot.callbackQuery(RX.drop, async (ctx) => {
    await partners.drop(ctx.user.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery({ text: ctx.t('partners.shift.dropped') });
    await showShifts(ctx, true);
  });

  const showHours = async (ctx: BotContext) => ctx.reply(hoursText(ctx.t, await partners.hoursOf(ctx.user.id)));
  pm.command('hours', showHours);
  bot.callbackQuery(RX.hours, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showHours(ctx);
  });

  return bot;
}
