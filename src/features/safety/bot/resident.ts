import { Composer } from 'grammy';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { RX } from '../callbacks';
import type { SafetyService } from '../service';
import { alarmCard } from '../views';

/** Marks an update handed back by "carry on": it has been screened already. */
const REPLAYED = 'emergency';

/**
 * The one emergency check: every text and caption in a private chat, in any state, is read for danger before any
 * command, flow or question handler sees it. A danger gets the alarm at once and goes no further.
 */
export function safetyScreen(safety: SafetyService): Composer<BotContext> {
  const screen = new Composer<BotContext>();
  screen.chatType('private').on(['message:text', 'message:caption'], async (ctx, next) => {
    if ((ctx.update as { replay?: string }).replay === REPLAYED) return next();
    const text = ctx.message.text ?? ctx.message.caption ?? '';
    if (text.startsWith('/')) return next();
    const danger = safety.detect(text);
    if (!danger) return next();
    const alert = await safety.record(ctx.user.id, ctx.chat.id, danger, text, ctx.message, ctx.flow !== null);
    const card = alarmCard(ctx.t, alert);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });
  return screen;
}

/** The alarm card's buttons: tell the community; not an emergency after all, carry on. */
export function safetyBot(safety: SafetyService, { telegram }: Pick<Platform, 'telegram'>): Composer<BotContext> {
  const bot = new Composer<BotContext>();

  bot.callbackQuery(RX.notify, async (ctx) => {
    const alert = await safety.notifyStaff(ctx.user.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery({ text: ctx.t('safety.notifiedToast') });
    const card = alarmCard(ctx.t, alert);
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.carryOn, async (ctx) => {
    const { alert, message } = await safety.carryOn(ctx.user.id, Number(ctx.match[1]));
    if (!message) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery({ text: ctx.t('safety.continued') });
    const card = alarmCard(ctx.t, alert);
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
    telegram.replay({ update_id: ctx.update.update_id, message, replay: REPLAYED });
  });

  return bot;
}
