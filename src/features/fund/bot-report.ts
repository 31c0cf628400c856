import { Composer, InputFile } from 'grammy';
import { localDate } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import { requireRole } from '../../telegram/middlewares/guard';
import { periodBars, renderChart } from './chart';
import { yuan } from './keyboards';
import { communityReport, parsePeriod, type ReportSources } from './report';

export function reportBot(sources: ReportSources): Composer<BotContext> {
  const reportBot = new Composer<BotContext>();
  const pm = reportBot.chatType('private');

  const pct = (x: number | null) => (x === null ? '—' : `${Math.round(x * 100)}%`);

  // /report [YYYY-MM | YYYY]: this month by default.
  pm.command('report', requireRole('staff'), async (ctx) => {
    const { db, clock, config } = ctx.deps;
    const arg = ctx.match.trim() || localDate(clock.now(), config.TIMEZONE).slice(0, 7);
    const period = parsePeriod(arg);
    if (!period) return ctx.reply(ctx.t('fund.report.badPeriod'));
    const r = await communityReport(db, sources, period, clock.now(), config.TIMEZONE);
    await ctx.reply(
      ctx.t('fund.report.text', {
        period: period.label,
        marketDays: r.market.held,
        served: r.market.served,
        residents: r.market.residents,
        solved: r.market.solved,
        reliefCollected: r.relief.collected,
        reliefExpected: r.relief.expected,
        festivalExtras: r.relief.festivalExtras,
        petitions: r.petitions.filed,
        resolution: pct(r.petitions.resolutionRate),
        satisfaction: r.petitions.satisfaction === null ? '—' : r.petitions.satisfaction.toFixed(1),
        rated: r.petitions.rated,
        income: yuan(r.fund.incomeTotal),
        selfGenerated: yuan(r.fund.selfGenerated),
        spending: yuan(r.fund.expenseTotal),
        hours: (r.volunteers.minutes / 60).toFixed(1),
        volunteers: r.volunteers.people,
      }),
    );
    const bars = periodBars(r.fund);
    const legend = bars.map((b) =>
      ctx.t('fund.chart.legendLine', {
        square: b.square,
        label: ctx.t(`fund.chart.bar.${b.key}`),
        amount: yuan(b.fen),
      }),
    );
    await ctx.replyWithPhoto(new InputFile(renderChart(bars), `report-${period.label}.png`), {
      caption: [ctx.t('fund.report.chartTitle', { period: period.label }), ...legend].join('\n'),
    });
  });
  return reportBot;
}
