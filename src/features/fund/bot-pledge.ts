import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { cancelKeyboard, choices } from '../../telegram/keyboards';
import { requireRole } from '../../telegram/middlewares/guard';
import { inFlow } from '../../telegram/middlewares/match';
import { CB } from './callbacks';
import { needFlow, yuan } from './keyboards';
import { parseYuan } from './money';
import {
  activePledgesOf,
  cancelPledge,
  confirmPledgeMonth,
  createPledge,
  PLEDGE_AMOUNTS_FEN,
  PLEDGE_DAYS,
  unconfirmedMonths,
} from './pledges';

export const pledgeBot = new Composer<BotContext>();
const pm = pledgeBot.chatType('private');
const FLOW = 'fund.pledge';

// Monthly giving: no online payment exists, and the bot says so before anyone promises anything.
pledgeBot.callbackQuery(CB.pledge, async (ctx) => {
  await ctx.answerCallbackQuery();
  const [existing] = await activePledgesOf(ctx.deps.db, ctx.user.id);
  if (existing) {
    await ctx.reply(ctx.t('fund.pledge.existing', { amount: yuan(existing.amount_fen), day: existing.day_of_month }), {
      reply_markup: new InlineKeyboard().text(ctx.t('fund.pledge.cancelButton'), CB.pledgeCancel(existing.id)),
    });
    return;
  }
  await ctx.setFlow(FLOW, 'amount', {});
  const kb = choices(
    PLEDGE_AMOUNTS_FEN.map((fen) => ({
      text: ctx.t('fund.pledge.amountButton', { amount: yuan(fen) }),
      data: CB.pledgeAmount(fen),
    })),
    2,
  );
  await ctx.reply(ctx.t('fund.pledge.intro'), { reply_markup: kb });
});

async function askDay(ctx: BotContext, amountFen: number) {
  await ctx.setFlow(FLOW, 'day', { amountFen });
  const kb = choices(
    PLEDGE_DAYS.map((d) => ({ text: ctx.t('fund.pledge.dayButton', { day: d }), data: CB.pledgeDay(d) })),
    3,
  );
  await ctx.reply(ctx.t('fund.pledge.askDay', { amount: yuan(amountFen) }), { reply_markup: kb });
}

pledgeBot.callbackQuery(/^fd:pa:(\d{1,9})$/, needFlow(FLOW, 'amount'), async (ctx) => {
  const fen = Number(ctx.match[1]);
  if (!(PLEDGE_AMOUNTS_FEN as readonly number[]).includes(fen))
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await askDay(ctx, fen);
});

pm.on('message:text').filter(inFlow(FLOW, 'amount'), async (ctx) => {
  const fen = parseYuan(ctx.message.text);
  if (fen === null) return ctx.reply(ctx.t('fund.pledge.badAmount'), { reply_markup: cancelKeyboard(ctx) });
  await askDay(ctx, fen);
});

pledgeBot.callbackQuery(/^fd:pd:(\d{1,2})$/, needFlow(FLOW, 'day'), async (ctx) => {
  const day = Number(ctx.match[1]);
  if (!(PLEDGE_DAYS as readonly number[]).includes(day))
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow(FLOW, 'name', { ...ctx.flow!.data, day });
  await ctx.reply(ctx.t('fund.pledge.askName'), {
    reply_markup: new InlineKeyboard()
      .text(ctx.t('fund.consent.yes'), CB.pledgeName(1))
      .row()
      .text(ctx.t('fund.consent.no'), CB.pledgeName(0)),
  });
});

pledgeBot.callbackQuery(/^fd:pn:([01])$/, needFlow(FLOW, 'name'), async (ctx) => {
  const { amountFen, day } = ctx.flow!.data as { amountFen: number; day: number };
  try {
    await createPledge(
      ctx.deps.db,
      ctx.user.id,
      { amountFen, dayOfMonth: day, showName: ctx.match[1] === '1' },
      ctx.deps.clock.now(),
      ctx.deps.config.TIMEZONE,
    );
  } catch (e) {
    await ctx.endFlow();
    return replyDomainError(ctx, e);
  }
  await ctx.endFlow();
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('fund.pledge.created', { amount: yuan(amountFen), day }));
});

pledgeBot.callbackQuery(/^fd:pc:(\d{1,9})$/, async (ctx) => {
  try {
    await cancelPledge(ctx.deps.db, ctx.user.id, Number(ctx.match[1]), ctx.deps.clock.now());
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('fund.pledge.cancelled'));
});

// Staff: pledged months reminded but not yet received.
async function showPending(ctx: BotContext) {
  const rows = await unconfirmedMonths(ctx.deps.db, 20);
  if (rows.length === 0) return ctx.reply(ctx.t('fund.pledge.noPending'));
  const kb = choices(
    rows.map((r) => ({
      text: ctx.t('fund.pledge.receivedButton', {
        name: r.partner_name ?? [r.first_name, r.last_name].filter(Boolean).join(' '),
        month: r.month,
        amount: yuan(r.amount_fen),
      }),
      data: CB.confirmPledge(r.pledge_id, r.month),
    })),
    1,
  );
  await ctx.reply(ctx.t('fund.pledge.pendingTitle'), { reply_markup: kb });
}
pm.command('pledges', requireRole('staff'), showPending);
pledgeBot.callbackQuery(CB.pledges, requireRole('staff'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await showPending(ctx);
});

pledgeBot.callbackQuery(/^fd:pk:(\d{1,9}):(\d{4}-(?:0[1-9]|1[0-2]))$/, requireRole('staff'), async (ctx) => {
  const { db, clock, config } = ctx.deps;
  let entryId: number;
  try {
    entryId = await confirmPledgeMonth(
      db,
      ctx.user.id,
      Number(ctx.match[1]),
      ctx.match[2]!,
      clock.now(),
      config.TIMEZONE,
    );
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  ctx.deps.wakeDelivery();
  await ctx.answerCallbackQuery({ text: ctx.t('fund.pledge.confirmed', { id: entryId }) });
  await ctx.reply(ctx.t('fund.pledge.confirmedText', { id: entryId, month: ctx.match[2] }));
});
