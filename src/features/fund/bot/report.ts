import { Composer, InputFile } from 'grammy';
import { localDate } from '../../../core/time';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { periodBars, renderChart } from '../chart';
import { parsePeriod } from '../report';
import type { FundService } from '../service';
import { reportCaption, reportText } from '../views/report';

/** /report [YYYY-MM | YYYY] for staff: this month by default, one message and a chart of the fund's part. */
export function reportBot(fund: FundService, { clock, config }: Pick<Platform, 'clock' | 'config'>) {
  const bot = new Composer<BotContext>();

  bot.chatType('private').command('report', requireRole('staff'), async (ctx) => {
    const period = parsePeriod(ctx.match.trim() || localDate(clock.now(), config.TIMEZONE).slice(0, 7));
    if (!period) return ctx.reply(ctx.t('fund.report.badPeriod'));
    const r = await fund.report(period);
    await ctx.reply(reportText(ctx.t, r));
    const bars = periodBars(r.fund);
    await ctx.replyWithPhoto(new InputFile(renderChart(bars), `report-${period.label}.png`), {
      caption: reportCaption(ctx.t, period.label, bars),
    });
  });

  return bot;
}
