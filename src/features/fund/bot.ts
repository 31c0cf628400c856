import { Composer, InputFile } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { isKeyText } from '../../telegram/middlewares/match';
import { CB } from './callbacks';
import { renderChart, whereTheMoneyWent } from './chart';
import { fundKeyboard, summaryText, yuan } from './keyboards';
import { fundSummary, publicDonors } from './service';
import { isSubscribed, subscribe, unsubscribe } from './statement';

export const fundBot = new Composer<BotContext>();
const pm = fundBot.chatType('private');

async function showFund(ctx: BotContext) {
  const { db, clock, config } = ctx.deps;
  const s = await fundSummary(db, clock.now(), config.TIMEZONE);
  const text = s.since ? summaryText(ctx, s) : ctx.t('fund.summary.empty');
  await ctx.reply(text, { reply_markup: fundKeyboard(ctx, await isSubscribed(db, ctx.user.id)) });
}
pm.command('fund', showFund);
pm.filter(isKeyText('fund.menu.fund'), showFund);
fundBot.callbackQuery(CB.summary, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showFund(ctx);
});

// The chart is drawn from the same summary the text shows, so the two cannot disagree.
fundBot.callbackQuery(CB.chart, async (ctx) => {
  const { db, clock, config } = ctx.deps;
  const s = await fundSummary(db, clock.now(), config.TIMEZONE);
  await ctx.answerCallbackQuery();
  if (!s.since) return ctx.reply(ctx.t('fund.summary.empty'));
  const bars = whereTheMoneyWent(s);
  const legend = bars.map((b) =>
    ctx.t('fund.chart.legendLine', { square: b.square, label: ctx.t(`fund.chart.bar.${b.key}`), amount: yuan(b.fen) }),
  );
  await ctx.replyWithPhoto(new InputFile(renderChart(bars), 'fund.png'), {
    caption: [ctx.t('fund.chart.title', { since: s.since }), ...legend].join('\n'),
  });
});

fundBot.callbackQuery(CB.donors, async (ctx) => {
  const donors = await publicDonors(ctx.deps.db, 30);
  await ctx.answerCallbackQuery();
  const lines = donors.map((d) => ctx.t('fund.donors.line', { name: d.name, amount: yuan(Number(d.fen)) }));
  await ctx.reply(
    [
      ctx.t('fund.donors.title'),
      ...(lines.length ? lines : [ctx.t('fund.donors.none')]),
      '',
      ctx.t('fund.donors.privacy'),
    ].join('\n'),
  );
});

fundBot.callbackQuery([CB.subscribe, CB.unsubscribe], async (ctx) => {
  const on = ctx.callbackQuery.data === CB.subscribe;
  if (on) await subscribe(ctx.deps.db, ctx.user.id, ctx.deps.clock.now());
  else await unsubscribe(ctx.deps.db, ctx.user.id);
  await ctx.answerCallbackQuery({ text: ctx.t(on ? 'fund.statement.subscribed' : 'fund.statement.unsubscribed') });
  await ctx.editMessageReplyMarkup({ reply_markup: fundKeyboard(ctx, on) }).catch(() => {});
});
