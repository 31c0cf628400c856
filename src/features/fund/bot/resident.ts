import { Composer, InputFile } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { can } from '../../../telegram/middlewares/guard';
import { isKeyText } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { renderChart, whereTheMoneyWent } from '../chart';
import { fundPolicy } from '../policy';
import type { FundService } from '../service';
import { chartCaption, donorsText, fundButtons, summaryText } from '../views/summary';

/** What everyone sees of the fund: the balance and totals, where the money went, who gave, the monthly statement. */
export function residentBot(fund: FundService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  async function showFund(ctx: BotContext) {
    const s = await fund.summary();
    const buttons = fundButtons(ctx.t, await fund.isSubscribed(ctx.user.id), can(ctx, 'staff'));
    await ctx.reply(summaryText(ctx.t, s), { reply_markup: buttons });
  }
  pm.command('fund', showFund);
  pm.filter(isKeyText('fund.menu.fund'), showFund);
  bot.callbackQuery(RX.summary, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showFund(ctx);
  });

  // The chart is drawn from the same summary the text shows, so the two cannot disagree.
  bot.callbackQuery(RX.chart, async (ctx) => {
    const s = await fund.summary();
    await ctx.answerCallbackQuery();
    if (!s.since) return ctx.reply(ctx.t('fund.summary.empty'));
    const bars = whereTheMoneyWent(s);
    await ctx.replyWithPhoto(new InputFile(renderChart(bars), 'fund.png'), {
      caption: chartCaption(ctx.t, s.since, bars),
    });
  });

  bot.callbackQuery(RX.donors, async (ctx) => {
    const donors = await fund.publicDonors(fundPolicy.donorsShown);
    await ctx.answerCallbackQuery();
    await ctx.reply(donorsText(ctx.t, donors));
  });

  bot.callbackQuery(RX.subscribe, async (ctx) => {
    const on = ctx.match[1] === 'sub';
    if (on) await fund.subscribe(ctx.user.id);
    else await fund.unsubscribe(ctx.user.id);
    await ctx.answerCallbackQuery({ text: ctx.t(on ? 'fund.statement.subscribed' : 'fund.statement.unsubscribed') });
    // The card may be too old to edit; the toast has already said what changed.
    await ctx.editMessageReplyMarkup({ reply_markup: fundButtons(ctx.t, on, can(ctx, 'staff')) }).catch(() => {});
  });

  return bot;
}
