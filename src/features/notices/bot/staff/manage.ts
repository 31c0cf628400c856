import { Composer } from 'grammy';
import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { RX } from '../../callbacks';
import type { NoticesService } from '../../service';
import { listCard, paramText, stopConfirmCard } from '../../views';

/** /broadcasts: what was sent and what is running or scheduled, with stop (or cancel) buttons. */
export function manageBot(notices: NoticesService, { config, clock }: Pick<Platform, 'config' | 'clock'>) {
  const bot = new Composer<BotContext>();
  const staff = requireRole('staff');

  async function page(ctx: BotContext, n: number) {
    const list = await notices.list(n);
    const items = [];
    for (const summary of list.items) {
      const audience = paramText(ctx.t, ctx.locale, await notices.describe(summary.broadcast.audience));
      items.push({ summary, audience });
    }
    return listCard(ctx.t, { ...list, items }, config.TIMEZONE, clock.now());
  }

  bot.chatType('private').command('broadcasts', staff, async (ctx) => {
    const card = await page(ctx, 0);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.page, staff, async (ctx) => {
    const card = await page(ctx, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  // Stopping cannot be undone, so the button only asks; the answer is checked for the role again.
  bot.callbackQuery(RX.stop, staff, async (ctx) => {
    const asked = await notices.stopRequest(Number(ctx.match[1]));
    if (!asked) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    const card = stopConfirmCard(ctx.t, asked.broadcast.id, asked.scheduled, asked.left);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.stopYes, staff, async (ctx) => {
    const id = Number(ctx.match[1]);
    const r = await notices.stopBroadcast(id, ctx.user.id);
    await ctx.answerCallbackQuery();
    const key = r.kind === 'cancelled' ? 'notices.manage.cancelled' : 'notices.manage.stopped';
    await ctx.editMessageText(ctx.t(key, { id, rows: r.rows }));
  });

  bot.callbackQuery(RX.stopNo, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('notices.manage.kept'));
  });

  return bot;
}
