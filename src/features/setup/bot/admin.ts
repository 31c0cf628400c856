import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { can, requireRole } from '../../../telegram/middlewares/guard';
import { isKeyText } from '../../../telegram/middlewares/match';
import type { SetupStep } from '../../../telegram/workbench';
import { RX } from '../callbacks';
import type { SetupService } from '../service';
import { doneCard, introCard, menuCard, stepHeader } from '../views';

/**
 * The walk-through and ⚙️ 设置. Each step is its area's own conversation; this only says where the admin is, starts
 * the step, and moves on when the step's "➡️ 下一步" is tapped. Until the set-up is finished, residents who write are
 * told it is being prepared, and greeted (through the outbox) when it is.
 */
export function setupBot(setup: SetupService, greetResident: (ctx: BotContext) => Promise<void>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const admin = requireRole('admin');

  async function startStep(ctx: BotContext, step: SetupStep) {
    const all = setup.steps();
    const walking = !setup.isComplete();
    const at = walking ? { index: all.findIndex((s) => s.key === step.key) + 1, total: all.length } : null;
    const header = stepHeader(ctx.t, step, at);
    await ctx.reply(header.text, { reply_markup: header.markup });
    await step.start(ctx);
  }

  async function showMenu(ctx: BotContext) {
    const card = menuCard(ctx.t, await setup.states(), setup.isComplete());
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  async function finish(ctx: BotContext) {
    const { greeted, already } = await setup.complete(ctx.user.id);
    if (already) return showMenu(ctx);
    await ctx.reply(doneCard(ctx.t, greeted).text, { reply_markup: ctx.mainMenu() });
  }

  /**
   * Where the walk-through goes from here: the next step not done (nor skipped); else finished, or ⚙️ 设置 when a
   * skipped step is left (the admin opens to residents from there, or does it first).
   */
  async function carryOn(ctx: BotContext) {
    const step = await setup.next();
    if (step) return startStep(ctx, step);
    if (setup.isComplete() || (await setup.anyLeft())) return showMenu(ctx);
    await finish(ctx);
  }

  /** What a plain /start shows: residents once the sub-district is set up; before that, the admin's walk-through. */
  async function greet(ctx: BotContext): Promise<void> {
    if (await setup.isReady()) return greetResident(ctx);
    if (can(ctx, 'admin')) {
      await setup.begin(ctx.user.id);
      const intro = introCard(ctx.t, ctx.from?.first_name ?? '', setup.steps().length);
      await ctx.reply(intro.text, { reply_markup: ctx.mainMenu() });
      return carryOn(ctx);
    }
    await setup.wait(ctx.user.id);
    await ctx.reply(ctx.t('setup.preparing', { name: ctx.from?.first_name ?? '' }));
  }

  // The button of "it is ready" (sent to those who wrote before): their greeting, as /start would give it now.
  bot.callbackQuery(RX.hello, async (ctx) => {
    await ctx.answerCallbackQuery();
    await greet(ctx);
  });

  // A step's last message offers "➡️ 下一步": its buttons go (the step is done with), the next step begins.
  bot.callbackQuery(RX.next, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => {});
    await carryOn(ctx);
  });
  bot.callbackQuery(RX.skip, admin, async (ctx) => {
    await setup.skip(ctx.user.id, ctx.match[1]!);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => {});
    if (ctx.flow) await ctx.endFlow();
    await carryOn(ctx);
  });
  bot.callbackQuery(RX.step, admin, async (ctx) => {
    const step = setup.step(ctx.match[1]!);
    await ctx.answerCallbackQuery();
    await startStep(ctx, step);
  });
  bot.callbackQuery(RX.open, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await finish(ctx);
  });

  pm.command('setup', admin, showMenu);
  pm.filter(isKeyText('setup.menu.button')).use(admin, showMenu);
  bot.callbackQuery(RX.menu, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMenu(ctx);
  });

  return { composer: bot, greet };
}
