import { InlineKeyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { can } from '../../telegram/middlewares/guard';
import { CB as PA } from '../partners/callbacks';
import { CB } from './callbacks';
import { formatYuan } from './money';
import { type FundSummary, INCOME_KINDS, type PeriodTotals, PURPOSES } from './service';

/** Callback middleware: the button belongs to a step of a flow; pressed at any other time it has expired. */
export const needFlow =
  (name: string, ...steps: string[]) =>
  async (ctx: BotContext, next: () => Promise<void>) => {
    if (ctx.flow?.name === name && (steps.length === 0 || steps.includes(ctx.flow.step))) return next();
    await ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  };

export const yuan = (fen: number) => formatYuan(fen);

export function fundKeyboard(ctx: BotContext, subscribed: boolean): InlineKeyboard {
  const kb = new InlineKeyboard()
    .text(ctx.t('fund.buttons.chart'), CB.chart)
    .text(ctx.t('fund.buttons.donors'), CB.donors)
    .row()
    .text(ctx.t('fund.buttons.pledge'), CB.pledge)
    .text(
      ctx.t(subscribed ? 'fund.buttons.unsubscribe' : 'fund.buttons.subscribe'),
      subscribed ? CB.unsubscribe : CB.subscribe,
    )
    .row()
    .text(ctx.t('fund.buttons.partners'), PA.types)
    .text(ctx.t('fund.buttons.volunteers'), PA.teams);
  if (can(ctx, 'staff'))
    kb.row()
      .text(ctx.t('fund.buttons.add'), CB.add)
      .text(ctx.t('fund.buttons.ledger'), CB.ledger(0))
      .row()
      .text(ctx.t('fund.buttons.pledges'), CB.pledges);
  return kb;
}

function periodBlock(ctx: BotContext, title: string, p: PeriodTotals): string {
  const lines = [`<b>${title}</b>`, ctx.t('fund.summary.income', { amount: yuan(p.incomeTotal) })];
  for (const k of INCOME_KINDS)
    if (p.income[k] !== 0)
      lines.push(ctx.t('fund.summary.line', { label: ctx.t(`fund.kind.${k}`), amount: yuan(p.income[k]) }));
  lines.push(ctx.t('fund.summary.expense', { amount: yuan(p.expenseTotal) }));
  for (const u of PURPOSES)
    if (p.expense[u] !== 0)
      lines.push(ctx.t('fund.summary.line', { label: ctx.t(`fund.purpose.${u}`), amount: yuan(p.expense[u]) }));
  if (p.selfGenerated !== 0) lines.push(ctx.t('fund.summary.selfGenerated', { amount: yuan(p.selfGenerated) }));
  return lines.join('\n');
}

/** The /fund message: balance (restricted money named as such), then this month, this year and since the start. */
export function summaryText(ctx: BotContext, s: FundSummary): string {
  const head = [ctx.t('fund.summary.title'), ctx.t('fund.summary.balance', { amount: yuan(s.balance) })];
  if (s.restrictedTotal > 0) {
    const parts = PURPOSES.filter((p) => s.restricted[p] > 0).map((p) =>
      ctx.t('fund.summary.restrictedPart', { purpose: ctx.t(`fund.purpose.${p}`), amount: yuan(s.restricted[p]) }),
    );
    head.push(
      ctx.t('fund.summary.restricted', {
        amount: yuan(s.restrictedTotal),
        parts: parts.join(ctx.t('fund.summary.sep')),
        free: yuan(s.free),
      }),
    );
  }
  if (s.since) head.push(ctx.t('fund.summary.since', { date: s.since }));
  return [
    head.join('\n'),
    periodBlock(ctx, ctx.t('fund.summary.month', { month: s.today.slice(0, 7) }), s.month),
    periodBlock(ctx, ctx.t('fund.summary.year', { year: s.today.slice(0, 4) }), s.year),
    periodBlock(ctx, ctx.t('fund.summary.all'), s.all),
  ].join('\n\n');
}
