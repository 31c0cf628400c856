import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { cancelKeyboard } from '../../../telegram/keyboards';
import { requireRole } from '../../../telegram/middlewares/guard';
import { finished, inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { pledgeFlow } from '../flows';
import { parseYuan, formatYuan as yuan } from '../money';
import { fundPolicy } from '../policy';
import type { FundService } from '../service';
import { askPledgeDay, askPledgeName, existingPledge, pendingPledges, pledgeIntro } from '../views/pledge';

/** Monthly giving: a resident pledges or cancels; staff confirm the months whose money arrived. */
export function pledgeBot(fund: FundService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');

  bot.callbackQuery(RX.pledge, async (ctx) => {
    await ctx.answerCallbackQuery();
    const existing = await fund.activePledgeOf(ctx.user.id);
    const card = existing ? existingPledge(ctx.t, existing) : pledgeIntro(ctx.t);
    if (!existing) await ctx.setFlow(pledgeFlow, 'amount', {});
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  async function askDay(ctx: BotContext, amountFen: number) {
    await ctx.setFlow(pledgeFlow, 'day', { amountFen });
    const card = askPledgeDay(ctx.t, amountFen);
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  bot.callbackQuery(RX.pledgeAmount).filter(inFlow(pledgeFlow, 'amount'), async (ctx) => {
    const fen = Number(ctx.match[1]);
    if (!fundPolicy.pledgeAmountsFen.includes(fen)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await askDay(ctx, fen);
  });

  pm.on('message:text').filter(inFlow(pledgeFlow, 'amount'), async (ctx) => {
    const fen = parseYuan(ctx.message.text);
    if (fen === null) return ctx.reply(ctx.t('fund.pledge.badAmount'), { reply_markup: cancelKeyboard(ctx) });
    await askDay(ctx, fen);
  });

  bot.callbackQuery(RX.pledgeDay).filter(inFlow(pledgeFlow, 'day'), async (ctx) => {
    const day = Number(ctx.match[1]);
    if (!fundPolicy.pledgeDays.includes(day)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(pledgeFlow, 'name', { ...ctx.flow.data, day });
    const card = askPledgeName(ctx.t);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.pledgeName).filter(inFlow(pledgeFlow, 'name'), async (ctx) => {
    const { amountFen, day } = ctx.flow.data;
    if (amountFen === undefined || day === undefined) {
      await ctx.endFlow();
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    }
    const showName = ctx.match[1] === '1';
    const p = { amountFen, dayOfMonth: day, showName };
    await fund.createPledge(ctx.user.id, p, (trx, made) => ctx.flowEnd({ id: made.id, amountFen, day })(trx));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('fund.pledge.created', { amount: yuan(amountFen), day }));
  });

  // The last tap arriving again after the pledge was made: it is there once, and the resident is told so.
  bot.callbackQuery(RX.pledgeName).filter(finished(pledgeFlow), async (ctx) => {
    const { amountFen, day } = ctx.finished.result;
    const amount = typeof amountFen === 'number' ? yuan(amountFen) : '';
    await ctx.answerCallbackQuery({ text: ctx.t('fund.pledge.alreadyCreated', { amount, day: String(day) }) });
  });

  bot.callbackQuery(RX.pledgeCancel, async (ctx) => {
    await fund.cancelPledge(ctx.user.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('fund.pledge.cancelled'));
  });

  async function showPending(ctx: BotContext) {
    const card = pendingPledges(ctx.t, await fund.pendingMonths());
    await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('pledges', staff, showPending);
  bot.callbackQuery(RX.pledges, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showPending(ctx);
  });

  // The list is edited to what is still pending: the month just confirmed leaves it. A second press on it (or the
  // same press redelivered) is refused by the service naming the entry already made.
  bot.callbackQuery(RX.confirmPledge, staff, async (ctx) => {
    const month = ctx.match[2]!;
    const entryId = await fund.confirmMonth(ctx.user.id, Number(ctx.match[1]), month);
    await ctx.answerCallbackQuery({ text: ctx.t('fund.pledge.confirmed', { id: entryId }) });
    const card = pendingPledges(ctx.t, await fund.pendingMonths());
    await ctx.editMessageText(card.text, { reply_markup: card.markup }).catch(() => {});
    await ctx.reply(ctx.t('fund.pledge.confirmedText', { id: entryId, month }));
  });

  return bot;
}
