import { Composer } from 'grammy';
import { NotAllowed } from '../../../../core/errors';
import type { BotContext } from '../../../../telegram/context';
import { can, requireRole } from '../../../../telegram/middlewares/guard';
import { inFlow } from '../../../../telegram/middlewares/match';
import { CB } from '../../callbacks';
import { FlowIncomplete } from '../../errors';
import { supermarketFlow } from '../../flows';
import { isComplete, parseSetting, SUPERMARKET_FIELDS, settingOf } from '../../policy';
import type { ReliefService } from '../../service';
import type { SettingsPatch } from '../../store';
import { supermarketDoneCard, supermarketQuestion } from '../../views/settings';

type Field = (typeof SUPERMARKET_FIELDS)[number];
type Answers = SettingsPatch & { setup: boolean };

/**
 * The charity supermarket's set-up step (issue 15): its name in both languages, address, pickup day and hours, one
 * question each; what is already set can be kept with a tap. Nothing is written until the last answer, then all of
 * it at once with the end of the flow. Started by the set-up walk-through (`start`) or from the relief settings.
 */
export function supermarketBot(relief: ReliefService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');

  async function ask(ctx: BotContext, field: Field, answers: Answers) {
    await ctx.setFlow(supermarketFlow, field, answers);
    const card = supermarketQuestion(ctx.t, ctx.locale, field, await relief.settings());
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  async function start(ctx: BotContext, setup: boolean) {
    if (!can(ctx, 'staff')) throw new NotAllowed();
    await ctx.reply(ctx.t('relief.supermarket.intro'));
    await ask(ctx, 'place', { setup });
  }

  /** The answer to the step the flow is at: the next question, or everything written and the summary. */
  async function answered(ctx: BotContext, field: Field, patch: SettingsPatch, answers: Answers) {
    const next = SUPERMARKET_FIELDS[SUPERMARKET_FIELDS.indexOf(field) + 1];
    const all = { ...answers, ...patch };
    if (next) return ask(ctx, next, all);
    const { setup, ...values } = all;
    if (!isComplete(values)) throw new FlowIncomplete();
    const s = await relief.setSupermarket(ctx.user.id, values, ctx.flowEnd({ setup }));
    const card = supermarketDoneCard(ctx.t, ctx.locale, s, setup);
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  bot.callbackQuery(CB.supermarket, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await start(ctx, false);
  });

  pm.on('message:text').filter(inFlow(supermarketFlow), staff, async (ctx) => {
    const field = ctx.flow.step;
    await answered(ctx, field, parseSetting(field, ctx.message.text), ctx.flow.data);
  });

  // "Keep": what is set now stands for this answer (the button only shows when something was set).
  bot.callbackQuery(CB.supermarketKeep, staff, async (ctx) => {
    if (!inFlow(supermarketFlow)(ctx)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    const field = ctx.flow.step;
    await answered(ctx, field, settingOf(field, await relief.settings()), ctx.flow.data);
  });

  return { composer: bot, start: (ctx: BotContext) => start(ctx, true) };
}
