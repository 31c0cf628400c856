import { type CallbackQueryContext, Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { requireRole } from '../../telegram/middlewares/guard';
import { splitText } from '../../telegram/text';
import { CB, stopConfirmKeyboard } from './keyboards';
import type { AreaAudiences } from './service';
import * as notices from './service';
import { listItemText, paramText, statusOf } from './views';

const PAGE_SIZE = 5;
type Cb = CallbackQueryContext<BotContext>;
const num = (ctx: Cb) => Number((ctx.match as RegExpMatchArray)[1]);

export function manageBot(areas: () => AreaAudiences): Composer<BotContext> {
  const bot = new Composer<BotContext>();
  const staff = requireRole('staff');

  async function page(ctx: BotContext, n: number) {
    const { db, clock, config } = ctx.deps;
    const now = clock.now();
    const list = await notices.listBroadcasts(db, n, PAGE_SIZE);
    if (list.items.length === 0) return { text: ctx.t('notices.list.none'), keyboard: undefined };
    const kb = new InlineKeyboard();
    const blocks: string[] = [];
    for (const s of list.items) {
      const audience = paramText(ctx.t, ctx.locale, await notices.describeAudience(db, s.row.audience, areas()));
      blocks.push(listItemText(ctx.t, s, audience, config.TIMEZONE, now));
      const status = statusOf(s.row, now);
      if (status === 'scheduled' || (status === 'sending' && s.row.stopped_by === null)) {
        kb.text(
          ctx.t(status === 'scheduled' ? 'notices.manage.cancelButton' : 'notices.manage.stopButton', { id: s.row.id }),
          CB.stop(s.row.id),
        ).row();
      }
    }
    if (list.pages > 1) {
      if (list.page > 0) kb.text('◀', CB.page(list.page - 1));
      kb.text(ctx.t('common.page', { page: list.page + 1, pages: list.pages }), CB.page(list.page));
      if (list.page < list.pages - 1) kb.text('▶', CB.page(list.page + 1));
    }
    // Five items of at most ~400 characters each stay far below Telegram's limit; split only guards the worst case.
    const text = splitText(`${ctx.t('notices.list.title')}\n\n${blocks.join('\n\n')}`)[0]!;
    return { text, keyboard: kb };
  }

  bot.chatType('private').command('broadcasts', staff, async (ctx) => {
    const p = await page(ctx, 0);
    await ctx.reply(p.text, { reply_markup: p.keyboard });
  });

  bot.callbackQuery(/^nt:p:(\d{1,4})$/, staff, async (ctx) => {
    const p = await page(ctx, num(ctx));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(p.text, { reply_markup: p.keyboard });
  });

  // Stopping cannot be undone, so the button only asks; the answer is checked for the role again.
  bot.callbackQuery(/^nt:s:(\d{1,9})$/, staff, async (ctx) => {
    const { db, clock } = ctx.deps;
    const b = await notices.findBroadcast(db, num(ctx));
    if (!b) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    const status = statusOf(b, clock.now());
    if ((status !== 'scheduled' && status !== 'sending') || b.stopped_by !== null) {
      return ctx.answerCallbackQuery({ text: ctx.t('notices.errors.notRunning'), show_alert: true });
    }
    const left = notices.leftOf(await notices.progressOf(db, b.id));
    await ctx.answerCallbackQuery();
    const scheduled = status === 'scheduled';
    await ctx.reply(ctx.t(scheduled ? 'notices.manage.askCancel' : 'notices.manage.askStop', { id: b.id, left }), {
      reply_markup: stopConfirmKeyboard(ctx, b.id, scheduled),
    });
  });

  bot.callbackQuery(/^nt:sy:(\d{1,9})$/, staff, async (ctx) => {
    let r: Awaited<ReturnType<typeof notices.stopBroadcast>>;
    try {
      r = await notices.stopBroadcast(ctx.deps.db, num(ctx), ctx.user.id, ctx.deps.clock.now());
    } catch (e) {
      return replyDomainError(ctx, e);
    }
    ctx.deps.forgetBroadcast(num(ctx));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(
      ctx.t(r.kind === 'cancelled' ? 'notices.manage.cancelled' : 'notices.manage.stopped', {
        id: num(ctx),
        rows: r.rows,
      }),
    );
  });

  bot.callbackQuery(/^nt:sn$/, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('notices.manage.kept'));
  });

  return bot;
}
