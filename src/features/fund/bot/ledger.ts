import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { cancelKeyboard } from '../../../telegram/keyboards';
import { requireRole } from '../../../telegram/middlewares/guard';
import { finished, inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { reverseFlow } from '../flows';
import { formatYuan as yuan } from '../money';
import { fundPolicy } from '../policy';
import type { FundService } from '../service';
import { confirmReversal, ledgerCard } from '../views/ledger';

/** Staff read the ledger page by page and correct a mistake with a reversing entry. */
export function ledgerBot(fund: FundService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');

  async function showLedger(ctx: BotContext, page: number, edit: boolean) {
    const card = ledgerCard(ctx.t, await fund.ledgerPage(page));
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('fundlog', staff, (ctx) => showLedger(ctx, 0, false));
  bot.callbackQuery(RX.ledger, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showLedger(ctx, Number(ctx.match[1]), ctx.match[1] !== '0');
  });

  bot.callbackQuery(RX.reverse, staff, async (ctx) => {
    const entry = await fund.entry(Number(ctx.match[1]));
    if (!entry || entry.reversesId !== null) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(reverseFlow, 'reason', { id: entry.id });
    await ctx.reply(ctx.t('fund.reverse.askReason', { id: entry.id, amount: yuan(entry.amountFen) }), {
      reply_markup: cancelKeyboard(ctx),
    });
  });

  pm.on('message:text').filter(inFlow(reverseFlow, 'reason'), staff, async (ctx) => {
    const reason = ctx.message.text.trim();
    const { min, max } = fundPolicy.reverseReason;
    if (reason.length < min || reason.length > max) return ctx.reply(ctx.t('fund.reverse.badReason'));
    const { id } = ctx.flow.data;
    await ctx.setFlow(reverseFlow, 'confirm', { id, reason });
    const card = confirmReversal(ctx.t, id, reason);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.reverseYes, staff).filter(inFlow(reverseFlow, 'confirm'), async (ctx) => {
    const { id, reason = '' } = ctx.flow.data;
    const rev = await fund.reverse(ctx.user.id, id, reason, (trx, made) => ctx.flowEnd({ id, rev: made.id })(trx));
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await ctx.reply(ctx.t('fund.reverse.done', { id, rev }), { reply_markup: ctx.mainMenu() });
  });

  // The confirmation arriving again after the reversal was made: named, and nothing reversed twice.
  bot.callbackQuery(RX.reverseYes, staff).filter(finished(reverseFlow), async (ctx) => {
    const { id, rev } = ctx.finished.result;
    await ctx.answerCallbackQuery({ text: ctx.t('fund.reverse.already', { id: String(id), rev: String(rev) }) });
  });

  return bot;
}
