import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { can } from '../../../telegram/middlewares/guard';
import { isKeyText } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { nextMonth, previousMonth } from '../ledger';
import { incomePicture, moneyWentPicture, statementPicture } from '../pictures/fund';
import { fundPolicy } from '../policy';
import type { FundService } from '../service';
import { donorsText, fundButtons, summaryText } from '../views/summary';
import { sendPicture } from './picture';

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

  // The pictures are drawn from the same books the text is written from, so the two cannot disagree.
  bot.callbackQuery(RX.chart, async (ctx) => {
    const s = await fund.summary();
    await ctx.answerCallbackQuery();
    if (!s.since) return ctx.reply(ctx.t('fund.summary.empty'));
    await sendPicture(ctx, moneyWentPicture(ctx, s), 'fund');
  });

  // Income by kind over the last twelve months (or since the start, when that is shorter).
  bot.callbackQuery(RX.income, async (ctx) => {
    const books = await fund.books();
    await ctx.answerCallbackQuery();
    if (!books.since) return ctx.reply(ctx.t('fund.summary.empty'));
    const to = nextMonth(fund.lastStatementMonth());
    let from = to;
    for (let i = 1; i < 12 && from > books.since.slice(0, 7); i++) from = previousMonth(from);
    await sendPicture(ctx, incomePicture(ctx, books, from, to), 'fund-income');
  });

  // A month's statement as a picture, to forward as it is; anyone may ask (the statement is public).
  bot.callbackQuery(RX.statementImage, async (ctx) => {
    const month = ctx.match[1]!;
    await ctx.answerCallbackQuery();
    await sendPicture(ctx, statementPicture(ctx, await fund.statement(month)), `fund-${month}`);
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
