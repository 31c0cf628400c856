import { Composer } from 'grammy';
import type { BotContext } from '../../../../telegram/context';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { CB, RX } from '../../callbacks';
import { REPORT_MONTHS } from '../../policy';
import type { ReliefService } from '../../service';
import { inquiriesCard, reportMonthsCard } from '../../views/work';

/** What the workbench opens here: the requests to be contacted, and the month of a report picked by buttons. */
export function workBot(relief: ReliefService) {
  const bot = new Composer<BotContext>();
  const staff = requireRole('staff');
  const tz = relief.policy.timezone;

  const inquiries = async (ctx: BotContext, page: number) =>
    inquiriesCard(ctx.t, ctx.locale, tz, await relief.openInquiries(page));

  bot.callbackQuery(RX.inquiries, staff, async (ctx) => {
    const card = await inquiries(ctx, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  // From the list the page is edited to what is still open; from the staff message its buttons go (the outbox then
  // edits every staff copy to say who answered).
  bot.callbackQuery(RX.inquiryDone, staff, async (ctx) => {
    const { by } = await relief.answerInquiry(ctx.user.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery({ text: ctx.t('relief.inquiries.marked', { by }) });
    if (ctx.match[2] === undefined) return void (await ctx.editMessageReplyMarkup().catch(() => {}));
    const card = await inquiries(ctx, Number(ctx.match[2]));
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(CB.reportMonths, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    const card = reportMonthsCard(ctx.t, ctx.locale, relief.recentMonths(REPORT_MONTHS));
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  return bot;
}
