import { Composer } from 'grammy';
import { parseDate } from '../../../core/dates';
import { addDays, localDate } from '../../../core/time';
import type { Platform } from '../../../platform';
import type { BotContext, InFlow } from '../../../telegram/context';
import { cancelKeyboard } from '../../../telegram/keyboards';
import { requireRole } from '../../../telegram/middlewares/guard';
import { finished, inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { addFlow, type Draft, entryOfDraft } from '../flows';
import { isIncomeKind, isPurpose } from '../ledger';
import { parseYuan, formatYuan as yuan } from '../money';
import { fundPolicy } from '../policy';
import type { FundService } from '../service';
import * as v from '../views/entry';

type Step = (typeof addFlow.steps)[number];

/** Staff record an income or an expense, one question at a time, and save it after a review. */
export function staffBot(fund: FundService, { clock, config }: Pick<Platform, 'clock' | 'config'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const today = () => localDate(clock.now(), config.TIMEZONE);

  /** Moves the draft to `step` with what was just chosen, keeping what was chosen before. */
  const move = (ctx: InFlow<Draft, Step>, step: Step, patch: Draft) =>
    ctx.setFlow(addFlow, step, { ...ctx.flow.data, ...patch });
  const send = (ctx: BotContext, card: v.Card) => ctx.reply(card.text, { reply_markup: card.markup });

  async function startAdd(ctx: BotContext) {
    await ctx.setFlow(addFlow, 'direction', {});
    await send(ctx, v.askDirection(ctx.t));
  }
  pm.command('fundadd', staff, startAdd);
  bot.callbackQuery(RX.add, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await startAdd(ctx);
  });

  bot.callbackQuery(RX.direction, staff).filter(inFlow(addFlow, 'direction'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const income = ctx.match[1] === 'i';
    await move(ctx, income ? 'kind' : 'purpose', { direction: income ? 'income' : 'expense' });
    const card = income ? v.askKind(ctx.t) : v.askPurpose(ctx.t);
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.kind, staff).filter(inFlow(addFlow, 'kind'), async (ctx) => {
    const kind = ctx.match[1]!;
    if (!isIncomeKind(kind)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await move(ctx, 'donor', { kind });
    const card = v.askDonor(ctx.t, kind);
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.donorKind, staff).filter(inFlow(addFlow, 'donor'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const donorKind = ctx.match[1];
    if (donorKind === 'partner') {
      const list = await fund.donorPartners();
      await move(ctx, 'partner', { donorKind });
      const card = v.askPartner(ctx.t, list);
      await ctx.editMessageText(card.text, { reply_markup: card.markup });
    } else if (donorKind === 'resident') {
      await move(ctx, 'donorName', { donorKind });
      await ctx.reply(ctx.t('fund.add.askDonorName'), { reply_markup: cancelKeyboard(ctx) });
    } else {
      await move(ctx, 'restrict', { donorKind: 'anonymous', public: false });
      await send(ctx, v.askRestriction(ctx.t));
    }
  });

  bot.callbackQuery(RX.donorPartner, staff).filter(inFlow(addFlow, 'partner'), async (ctx) => {
    const partner = await fund.partner(Number(ctx.match[1]));
    if (!partner) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await move(ctx, 'consent', { partnerId: partner.id });
    await send(ctx, v.askConsent(ctx.t, partner.name));
  });

  pm.on('message:text').filter(inFlow(addFlow, 'donorName'), staff, async (ctx) => {
    const name = ctx.message.text.trim();
    if (name.length < 1 || name.length > fundPolicy.donorNameMax) return ctx.reply(ctx.t('fund.add.badDonorName'));
    await move(ctx, 'consent', { donorName: name });
    await send(ctx, v.askConsent(ctx.t, name));
  });

  bot.callbackQuery(RX.consent, staff).filter(inFlow(addFlow, 'consent'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await move(ctx, 'restrict', { public: ctx.match[1] === '1' });
    await send(ctx, v.askRestriction(ctx.t));
  });

  async function askAmount(ctx: InFlow<Draft, Step>, patch: Draft) {
    await move(ctx, 'amount', patch);
    await ctx.reply(ctx.t('fund.add.askAmount'), { reply_markup: cancelKeyboard(ctx) });
  }

  bot.callbackQuery(RX.restrict, staff).filter(inFlow(addFlow, 'restrict'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const p = ctx.match[1] ?? '';
    await askAmount(ctx, { purpose: isPurpose(p) ? p : null });
  });

  bot.callbackQuery(RX.purpose, staff).filter(inFlow(addFlow, 'purpose'), async (ctx) => {
    const purpose = ctx.match[1] ?? '';
    if (!isPurpose(purpose)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await askAmount(ctx, { purpose });
  });

  pm.on('message:text').filter(inFlow(addFlow, 'amount'), staff, async (ctx) => {
    const fen = parseYuan(ctx.message.text);
    if (fen === null) return ctx.reply(ctx.t('fund.add.badAmount'), { reply_markup: cancelKeyboard(ctx) });
    await move(ctx, 'date', { amountFen: fen });
    await send(ctx, v.askDate(ctx.t, ctx.locale, today()));
  });

  /** The date is said back in words with the next question, so a misread day is seen before anything is saved. */
  async function askNote(ctx: InFlow<Draft, Step>, date: string) {
    await move(ctx, 'note', { date });
    await send(ctx, v.askNote(ctx.t, ctx.locale, date, ctx.flow.data.direction === 'income'));
  }

  bot.callbackQuery(RX.today, staff).filter(inFlow(addFlow, 'date'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await askNote(ctx, today());
  });
  bot.callbackQuery(RX.yesterday, staff).filter(inFlow(addFlow, 'date'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await askNote(ctx, addDays(today(), -1));
  });

  // 今天, 昨天, 12月1日, 2025-03-01 … read by the one date parser; money is counted on a day that has come.
  pm.on('message:text').filter(inFlow(addFlow, 'date'), staff, async (ctx) => {
    const date = parseDate(ctx.message.text, today(), 'past');
    if (!date || date > today())
      return send(ctx, { ...v.askDate(ctx.t, ctx.locale, today()), text: ctx.t('fund.add.badDate') });
    await askNote(ctx, date);
  });

  async function showReview(ctx: InFlow<Draft, Step>, note: string) {
    await move(ctx, 'confirm', { note });
    const d = ctx.flow.data;
    const partner = d.partnerId === undefined ? undefined : await fund.partner(d.partnerId);
    await send(ctx, v.review(ctx.t, ctx.locale, d, partner?.name));
  }

  bot.callbackQuery(RX.skipNote, staff).filter(inFlow(addFlow, 'note'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showReview(ctx, '');
  });

  pm.on('message:text').filter(inFlow(addFlow, 'note'), staff, async (ctx) => {
    const note = ctx.message.text.trim();
    if (note.length > fundPolicy.noteMax) return ctx.reply(ctx.t('common.tooLong', { max: fundPolicy.noteMax }));
    await showReview(ctx, note);
  });

  // The role is checked again at the last tap: it may be gone since the flow began.
  bot.callbackQuery(RX.save, staff).filter(inFlow(addFlow, 'confirm'), async (ctx) => {
    const input = entryOfDraft(ctx.flow.data);
    if (!input) {
      await ctx.endFlow();
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    }
    let id: number;
    try {
      id = await fund.record(ctx.user.id, input, { source: 'bot' }, (trx, made) => ctx.flowEnd(made)(trx));
    } catch (e) {
      // Special case: the amount step replaced the main menu, so a refused save gives it back before the error
      // boundary explains the refusal (in an alert) and ends the flow.
      await ctx.reply(ctx.t('fund.add.notSaved'), { reply_markup: ctx.mainMenu() });
      throw e;
    }
    await ctx.answerCallbackQuery();
    const { balance } = await fund.summary();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await ctx.reply(ctx.t('fund.add.saved', { id, balance: yuan(balance) }), { reply_markup: ctx.mainMenu() });
  });

  // The save arriving again after the entry was made (a second tap, or Telegram redelivering it after a crash):
  // the flow ended with the entry's number in the entry's own transaction, so it is named and nothing is recorded.
  bot.callbackQuery(RX.save, staff).filter(finished(addFlow), async (ctx) => {
    const { id } = ctx.finished.result;
    await ctx.answerCallbackQuery({ text: ctx.t('fund.add.alreadySaved', { id: String(id) }) });
  });

  return bot;
}
