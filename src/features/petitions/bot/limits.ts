import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { type Button, markup } from '../../../telegram/markup';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { SETUP_NEXT } from '../../../telegram/workbench';
import { CB, RX } from '../callbacks';
import { BadLimit } from '../errors';
import { limitsFlow } from '../flows';
import { LIMIT_BOUNDS } from '../policy';
import type { PetitionsService } from '../service';

const ACK_CHOICES = [1, 2, 3, 5, 7];
const ANSWER_CHOICES = [7, 10, 15, 30, 60];

/**
 * The set-up step (and ⚙️) for the petition time limits: days to acknowledge, then days to answer, each a button or a
 * typed number. Stored as settings (audited), read when a petition is filed; petitions already filed keep theirs.
 */
export function limitsBot(petitions: PetitionsService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const admin = requireRole('admin');

  const choices = (ns: number[], data: (n: number) => string, min: number): Button[][] => [
    ns.filter((n) => n >= min).map((n) => ({ text: String(n), data: data(n) })),
  ];

  async function start(ctx: BotContext) {
    const { ackDays, answerDays } = petitions.limits();
    await ctx.setFlow(limitsFlow, 'ack', {});
    await ctx.reply(ctx.t('petitions.limits.askAck', { ackDays, answerDays }), {
      reply_markup: markup(choices(ACK_CHOICES, CB.ackDays, 1)),
    });
  }

  async function ack(ctx: BotContext, days: number) {
    const [min, max] = LIMIT_BOUNDS.ack;
    if (!Number.isInteger(days) || days < min || days > max) throw new BadLimit(min, max);
    await ctx.setFlow(limitsFlow, 'answer', { ackDays: days });
    await ctx.reply(ctx.t('petitions.limits.askAnswer', { ackDays: days }), {
      reply_markup: markup(choices(ANSWER_CHOICES, CB.answerDays, days)),
    });
  }

  async function answer(ctx: BotContext, ackDays: number | undefined, days: number) {
    if (ackDays === undefined) throw new BadLimit(LIMIT_BOUNDS.ack[0], LIMIT_BOUNDS.ack[1]);
    await petitions.setLimits(ctx.user.id, ackDays, days, ctx.flowEnd());
    await ctx.reply(ctx.t('petitions.limits.saved', { ackDays, answerDays: days }), {
      reply_markup: markup([[{ text: ctx.t('petitions.limits.next'), data: SETUP_NEXT }]]),
    });
  }

  // The same from ⚙️ or the workbench: a button.
  bot.callbackQuery(RX.limits, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await start(ctx);
  });

  const typed = (text: string) => (/^\s*\d{1,3}\s*$/.test(text) ? Number(text) : Number.NaN);

  bot.callbackQuery(RX.ackDays, admin).filter(inFlow(limitsFlow, 'ack'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await ack(ctx, Number(ctx.match[1]));
  });
  pm.on('message:text').filter(inFlow(limitsFlow, 'ack'), admin, (ctx) => ack(ctx, typed(ctx.message.text)));
  bot.callbackQuery(RX.answerDays, admin).filter(inFlow(limitsFlow, 'answer'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await answer(ctx, ctx.flow.data.ackDays, Number(ctx.match[1]));
  });
  pm.on('message:text').filter(inFlow(limitsFlow, 'answer'), admin, (ctx) =>
    answer(ctx, ctx.flow.data.ackDays, typed(ctx.message.text)),
  );

  return { composer: bot, start };
}
