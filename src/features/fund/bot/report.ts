import { Composer } from 'grammy';
import { localDate } from '../../../core/time';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { RX } from '../callbacks';
import type { Words } from '../pictures/fund';
import { demandPicture, petitionsPicture, reportPicture } from '../pictures/report';
import { type CommunityReport, type Period, parsePeriod } from '../report';
import type { FundService } from '../service';
import { monthChoice, reportButtons, reportChoice, reportText } from '../views/report';
import { drawAhead, sendPicture } from './picture';

/**
 * The community report for staff: /report [YYYY-MM | YYYY-Qn | YYYY] (this month by default) or the period buttons;
 * one message and one picture (headline figures and the trend), with buttons for the petitions and demand pictures.
 * A period that cannot be read gets the buttons, not a format to type.
 */
export function reportBot(fund: FundService, { clock, config }: Pick<Platform, 'clock' | 'config'>) {
  const bot = new Composer<BotContext>();
  const staff = requireRole('staff');
  const today = () => localDate(clock.now(), config.TIMEZONE);

  async function sendReport(ctx: BotContext, period: Period) {
    const r = await fund.report(period);
    const picture = drawAhead(reportPicture(ctx, r));
    await ctx.reply(reportText(ctx.t, r));
    await sendPicture(ctx, picture, `report-${period.label}`, {
      markup: reportButtons(ctx.t, period.label),
    });
  }

  bot.chatType('private').command('report', staff, async (ctx) => {
    const period = parsePeriod(ctx.match.trim() || today().slice(0, 7));
    if (!period) {
      const card = reportChoice(ctx.t, today(), ctx.t('fund.report.badPeriod'));
      return ctx.reply(card.text, { reply_markup: card.markup });
    }
    await sendReport(ctx, period);
  });

  bot.callbackQuery(RX.reportMenu, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    const card = reportChoice(ctx.t, today());
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.reportMonths, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    const card = monthChoice(ctx.t, today(), Number(ctx.match[1]));
    await ctx
      .editMessageText(card.text, { reply_markup: card.markup })
      .catch(() => ctx.reply(card.text, { reply_markup: card.markup }));
  });

  bot.callbackQuery(RX.report, staff, async (ctx) => {
    const period = parsePeriod(ctx.match[1]!);
    if (!period) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await sendReport(ctx, period);
  });

  const picture =
    (draw: (w: Words, r: CommunityReport) => ReturnType<typeof reportPicture>, name: string) =>
    async (ctx: BotContext) => {
      const period = parsePeriod(String(ctx.match?.[1] ?? ''));
      if (!period) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
      await ctx.answerCallbackQuery();
      await sendPicture(ctx, draw(ctx, await fund.report(period)), `${name}-${period.label}`);
    };
  bot.callbackQuery(RX.reportPetitions, staff, picture(petitionsPicture, 'petitions'));
  bot.callbackQuery(RX.reportDemand, staff, picture(demandPicture, 'demand'));

  return bot;
}
