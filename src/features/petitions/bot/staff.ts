import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { parsePeriod, RX } from '../callbacks';
import type { StatsPeriod } from '../policy';
import type { PetitionsService } from '../service';
import { breakdownCard, deputiesPage, monthChoice, periodCard, periodChoice } from '../views';
import { show } from './show';

/**
 * Staff: the three rates for a period picked with buttons (this month, last month, a month of the last year, this
 * year), then per deputy and per category and community. /petitionstats opens this month's.
 */
export function staffBot(petitions: PetitionsService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const reader = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, tz: petitions.policy.timezone });
  const thisMonth = () => petitions.today().slice(0, 7);

  const edit = show;
  /** A period later than this month has no figures: a forged button gets this month's. */
  const bounded = (p: StatsPeriod): StatsPeriod =>
    (p.kind === 'month' ? p.month : `${p.year}-01`) > thisMonth() ? petitions.thisMonth() : p;

  // The shortcut: this month's figures (another period is a tap away) and its deputies' first page.
  pm.command('petitionstats', staff, async (ctx) => {
    const p = petitions.thisMonth();
    const figures = await petitions.periodRates(p);
    const card = periodCard(reader(ctx), p, figures);
    await ctx.reply(card.text, { reply_markup: card.markup });
    if (!figures.deputies.length) return;
    const page = deputiesPage(reader(ctx), p, figures.deputies, 0);
    await ctx.reply(page.text, { reply_markup: page.markup });
  });
  bot.callbackQuery(RX.statsHome, staff, (ctx) => edit(ctx, periodChoice(reader(ctx), thisMonth())));
  bot.callbackQuery(RX.statsMonths, staff, (ctx) => edit(ctx, monthChoice(reader(ctx), thisMonth())));

  bot.callbackQuery(RX.statsPeriod, staff, async (ctx) => {
    const p = bounded(parsePeriod(ctx.match[1]!));
    await edit(ctx, periodCard(reader(ctx), p, await petitions.periodRates(p)));
  });
  bot.callbackQuery(RX.statsDeputies, staff, async (ctx) => {
    const p = bounded(parsePeriod(ctx.match[1]!));
    const { deputies } = await petitions.periodRates(p);
    await edit(ctx, deputiesPage(reader(ctx), p, deputies, Number(ctx.match[2])));
  });
  bot.callbackQuery(RX.statsBreakdown, staff, async (ctx) => {
    const p = bounded(parsePeriod(ctx.match[1]!));
    await edit(ctx, breakdownCard(reader(ctx), p, await petitions.breakdown(p)));
  });

  // ◀ ▶ of the deputies' pages sent before periods could be picked: this month's.
  bot.callbackQuery(RX.stats, staff, async (ctx) => {
    const p = petitions.thisMonth();
    const { deputies } = await petitions.periodRates(p);
    await edit(ctx, deputiesPage(reader(ctx), p, deputies, Number(ctx.match[1])));
  });

  return bot;
}
