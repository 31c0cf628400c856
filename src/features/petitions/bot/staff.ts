import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { splitText } from '../../../telegram/text';
import type { ResidentsService } from '../../residents/service';
import { RX } from '../callbacks';
import { isCategory } from '../policy';
import type { PetitionsService } from '../service';
import { assignmentsText, deputyRatesPage, filterChoice, ratesText } from '../views';

const ASSIGN = /^(add|remove)\s+(\d{1,15})\s+(\d{1,9})(?:\s+([a-z]+))?$/;

/** Staff: the three rates, and which deputy answers for which community. */
export function staffBot(petitions: PetitionsService, residents: ResidentsService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const reader = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, tz: petitions.policy.timezone });

  // This month and all time, then the deputies five to a page: every rate with what it counts.
  pm.command('petitionstats', staff, async (ctx) => {
    const { month, thisMonth, all } = await petitions.current();
    const parts = [
      ratesText(ctx.t, ctx.t('petitions.stats.thisMonth', { month }), thisMonth.overall),
      ratesText(ctx.t, ctx.t('petitions.stats.allTime'), all.overall),
    ];
    for (const c of splitText(parts.join('\n\n'))) await ctx.reply(c);
    if (all.deputies.length) {
      const page = deputyRatesPage(ctx.t, all.deputies, 0);
      await ctx.reply(page.text, { reply_markup: page.markup });
    }
    const filters = filterChoice(reader(ctx), await residents.communities());
    await ctx.reply(filters.text, { reply_markup: filters.markup });
  });

  bot.callbackQuery(RX.stats, staff, async (ctx) => {
    const page = deputyRatesPage(ctx.t, (await petitions.current()).all.deputies, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(page.text, { reply_markup: page.markup });
  });

  // /deputies — the list; /deputies add|remove <user id> <community id> [category]
  pm.command('deputies', staff, async (ctx) => {
    const args = ctx.match.trim();
    const m = ASSIGN.exec(args);
    if (m) {
      const category = m[4] ?? null;
      if (category !== null && !isCategory(category)) return ctx.reply(ctx.t('petitions.deputies.usage'));
      const change = m[1] === 'add' ? petitions.assignDeputy : petitions.unassignDeputy;
      const changed = await change(ctx.user.id, Number(m[2]), Number(m[3]), category);
      const done = m[1] === 'add' ? 'petitions.deputies.added' : 'petitions.deputies.removed';
      return ctx.reply(ctx.t(changed ? done : 'petitions.deputies.unchanged'));
    }
    if (args) return ctx.reply(ctx.t('petitions.deputies.usage'));
    const text = assignmentsText(reader(ctx), await petitions.assignments(), await residents.communities());
    await ctx.reply(text);
  });

  return bot;
}
