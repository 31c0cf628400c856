import { Composer, InputFile } from 'grammy';
import { localDate } from '../../../core/time';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { RX } from '../callbacks';
import { periodBars, renderChart } from '../chart';
import { type Period, parsePeriod } from '../report';
import type { FundService } from '../service';
import { reportCaption, reportChoice, reportText } from '../views/report';

/**
 * The community report for staff: /report [YYYY-MM | YYYY] (this month by default) or the period buttons; one
 * message and a chart of the fund's part. A period that cannot be read gets the buttons, not a format to type.
 */
export function reportBot(fund: FundService, { clock, config }: Pick<Platform, 'clock' | 'config'>) {
  const bot = new Composer<BotContext>();
  const staff = requireRole('staff');
  const today = () => localDate(clock.now(), config.TIMEZONE);

  async function sendReport(ctx: BotContext, period: Period) {
    const r = await fund.report(period);
    await ctx.reply(reportText(ctx.t, r));
    const bars = periodBars(r.fund);
    await ctx.replyWithPhoto(new InputFile(renderChart(bars), `report-${period.label}.png`), {
      caption: reportCaption(ctx.t, period.label, bars),
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

  bot.callbackQuery(RX.report, staff, async (ctx) => {
    const period = parsePeriod(ctx.match[1]!);
    if (!period) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await sendReport(ctx, period);
  });

  return bot;
}
