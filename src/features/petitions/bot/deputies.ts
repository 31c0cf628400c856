import { Composer } from 'grammy';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { type Button, grid, markup } from '../../../telegram/markup';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import type { ResidentsService } from '../../residents/service';
import { CB, RX } from '../callbacks';
import { UnknownAssignment } from '../errors';
import { inviteFlow } from '../flows';
import type { PetitionsService } from '../service';
import { deputiesCard, deputyCard, deputyCategoriesCard, nameOf } from '../views';
import { show } from './show';

/**
 * Admins give deputies their areas by picking: the deputies' list → a deputy → tap a community (all of it) or 🏷 its
 * categories one by one. Or invite a new deputy whose invitation carries the areas. No typed id anywhere.
 */
export function deputiesBot(
  petitions: PetitionsService,
  residents: ResidentsService,
  platform: Pick<Platform, 'telegram'>,
) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const admin = requireRole('admin');
  const reader = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, tz: petitions.policy.timezone });

  const edit = show;
  const community = async (id: number) => {
    const c = await residents.community(id);
    if (!c) throw new UnknownAssignment();
    return c;
  };
  const deputyView = async (ctx: BotContext, userId: number) =>
    deputyCard(
      reader(ctx),
      await petitions.deputy(userId),
      await residents.communities(),
      await petitions.categories(),
    );
  const categoriesView = async (ctx: BotContext, userId: number, communityId: number) =>
    deputyCategoriesCard(
      reader(ctx),
      await petitions.deputy(userId),
      await community(communityId),
      await petitions.categories(),
    );

  pm.command('deputies', admin, async (ctx) => {
    const card = deputiesCard(reader(ctx), await petitions.deputyList(), 0);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });
  bot.callbackQuery(RX.deputies, admin, async (ctx) =>
    edit(ctx, deputiesCard(reader(ctx), await petitions.deputyList(), Number(ctx.match[1]))),
  );
  bot.callbackQuery(RX.deputy, admin, async (ctx) => edit(ctx, await deputyView(ctx, Number(ctx.match[1]))));
  bot.callbackQuery(RX.toggleCommunity, admin, async (ctx) => {
    const [userId, communityId] = [Number(ctx.match[1]), Number(ctx.match[2])];
    await petitions.toggleArea(ctx.user.id, userId, { communityId, category: null });
    await edit(ctx, await deputyView(ctx, userId));
  });
  bot.callbackQuery(RX.deputyCategories, admin, async (ctx) =>
    edit(ctx, await categoriesView(ctx, Number(ctx.match[1]), Number(ctx.match[2]))),
  );
  bot.callbackQuery(RX.toggleCategory, admin, async (ctx) => {
    const [userId, communityId] = [Number(ctx.match[1]), Number(ctx.match[2])];
    await petitions.toggleArea(ctx.user.id, userId, { communityId, category: ctx.match[3]! });
    await edit(ctx, await categoriesView(ctx, userId, communityId));
  });

  // An invitation with areas: communities (one or more), then categories (none: all of them), then the link.
  async function inviteCard(ctx: BotContext, step: 'communities' | 'categories', picked: (string | number)[]) {
    const r = reader(ctx);
    const items =
      step === 'communities'
        ? (await residents.communities()).map((c) => ({
            key: c.id,
            text: nameOf(r, c),
            data: CB.inviteCommunity(c.id),
          }))
        : (await petitions.categories()).map((k) => ({
            key: k.code,
            text: nameOf(r, k),
            data: CB.inviteCategory(k.code),
          }));
    const rows: Button[][] = grid(
      items.map((i) => ({ text: `${picked.includes(i.key) ? '✅' : '⬜'} ${i.text}`, data: i.data })),
      2,
    );
    const next = step === 'communities' ? CB.inviteNext : CB.inviteCreate;
    if (step === 'categories' || picked.length)
      rows.push([{ text: ctx.t(`petitions.invite.${step}Next`), data: next }]);
    return { text: ctx.t(`petitions.invite.${step}`), markup: markup(rows) };
  }

  bot.callbackQuery(RX.invite, admin, async (ctx) => {
    await ctx.setFlow(inviteFlow, 'communities', { communities: [], categories: [] });
    await edit(ctx, await inviteCard(ctx, 'communities', []));
  });
  bot.callbackQuery(RX.inviteCommunity, admin).filter(inFlow(inviteFlow, 'communities'), async (ctx) => {
    const id = (await community(Number(ctx.match[1]))).id;
    const had = ctx.flow.data.communities;
    const communities = had.includes(id) ? had.filter((x) => x !== id) : [...had, id];
    await ctx.setFlow(inviteFlow, 'communities', { ...ctx.flow.data, communities });
    await edit(ctx, await inviteCard(ctx, 'communities', communities));
  });
  bot.callbackQuery(RX.inviteNext, admin).filter(inFlow(inviteFlow, 'communities'), async (ctx) => {
    await ctx.setFlow(inviteFlow, 'categories', ctx.flow.data);
    await edit(ctx, await inviteCard(ctx, 'categories', []));
  });
  bot.callbackQuery(RX.inviteCategory, admin).filter(inFlow(inviteFlow, 'categories'), async (ctx) => {
    const code = (await petitions.category(ctx.match[1]!)).code;
    const had = ctx.flow.data.categories;
    const categories = had.includes(code) ? had.filter((x) => x !== code) : [...had, code];
    await ctx.setFlow(inviteFlow, 'categories', { ...ctx.flow.data, categories });
    await edit(ctx, await inviteCard(ctx, 'categories', categories));
  });
  bot.callbackQuery(RX.inviteCreate, admin).filter(inFlow(inviteFlow, 'categories'), async (ctx) => {
    const { communities, categories } = ctx.flow.data;
    const kinds = categories.length ? categories : [null];
    const areas = communities.flatMap((communityId) => kinds.map((category) => ({ communityId, category })));
    const { code, expiresAt } = await petitions.inviteDeputy(ctx.user.id, areas);
    await ctx.endFlow();
    const link = `https://t.me/${platform.telegram.botUsername()}?start=inv_${code}`;
    await edit(ctx, { text: ctx.t('petitions.invite.created', { link, expires: expiresAt.slice(0, 10) }) });
  });

  return bot;
}
