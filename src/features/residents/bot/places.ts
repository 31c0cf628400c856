import { Composer } from 'grammy';
import { isMenuLabel } from '../../../i18n/match';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { type PlaceDraft, placeFlow, subdistrictFlow } from '../flows';
import type { ResidentsService } from '../service';
import {
  askSubdistrict,
  type Card,
  communityCard,
  compoundCard,
  placeQuestion,
  placesCard,
  subdistrictSaved,
} from '../views';
import { placeAnswers } from './place-answers';

type Step = (typeof placeFlow.steps)[number];

/**
 * The sub-district's name and places, set up and edited by an admin (the set-up walk-through starts `askName` and
 * `showPlaces`; ⚙️ 设置 opens them again). Cards edit themselves; typed answers are in place-answers.ts.
 */
export function placesBot(residents: ResidentsService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const admin = requireRole('admin');

  const show = (ctx: BotContext, card: Card, edit: boolean) =>
    edit
      ? ctx.editMessageText(card.text, { reply_markup: card.markup })
      : ctx.reply(card.text, { reply_markup: card.markup });

  // ── the sub-district's name ──────────────────────────────────────────────────────────────────────────────────
  async function askName(ctx: BotContext) {
    await ctx.setFlow(subdistrictFlow, 'name', {});
    const current = residents.subdistrictIsSet() ? await residents.subdistrict() : '';
    await ctx.reply(askSubdistrict(ctx.t, current).text);
  }
  bot.callbackQuery(RX.editName, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askName(ctx);
  });
  const answer = (ctx: { message: { text: string } }) => !isMenuLabel(ctx.message.text);
  pm.on('message:text')
    .filter(answer)
    .filter(inFlow(subdistrictFlow, 'name'), admin, async (ctx) => {
      const name = await residents.setSubdistrict(ctx.user.id, ctx.message.text, ctx.flowEnd());
      await show(ctx, subdistrictSaved(ctx.t, name), false);
    });

  // ── the places: every community, a community, a compound ──────────────────────────────────────────────────────
  async function places(ctx: BotContext, edit: boolean, page = 0) {
    const card = placesCard(
      ctx.t,
      ctx.locale,
      await residents.subdistrict(),
      await residents.communities(),
      await residents.compounds(),
      await residents.hasPlaces(),
      page,
    );
    await show(ctx, card, edit);
  }
  /** A place that is gone (a forged or stale button): "expired", and false. */
  async function gone(ctx: BotContext) {
    if (ctx.callbackQuery) await ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    else await ctx.reply(ctx.t('common.expired'));
    return false;
  }
  async function community(ctx: BotContext, id: number, edit: boolean, page = 0) {
    const c = await residents.community(id);
    if (!c) return gone(ctx);
    await show(ctx, communityCard(ctx.t, ctx.locale, c, await residents.compounds(id), page), edit);
    return true;
  }
  async function compound(ctx: BotContext, id: number, edit: boolean) {
    const c = await residents.compound(id);
    const m = c && (await residents.community(c.communityId));
    if (!c || !m) return gone(ctx);
    await show(ctx, compoundCard(ctx.t, ctx.locale, m, c), edit);
    return true;
  }
  const showPlaces = (ctx: BotContext) => places(ctx, false);

  bot.callbackQuery(RX.places, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await places(ctx, true);
  });
  bot.callbackQuery(RX.placesPage, admin, async (ctx) => {
    await ctx.answerCallbackQuery();
    await places(ctx, true, Number(ctx.match[1]));
  });
  bot.callbackQuery(RX.placesCommunity, admin, async (ctx) => {
    if (await community(ctx, Number(ctx.match[1]), true, Number(ctx.match[2] ?? 0))) await ctx.answerCallbackQuery();
  });
  bot.callbackQuery(RX.placesCompound, admin, async (ctx) => {
    if (await compound(ctx, Number(ctx.match[1]), true)) await ctx.answerCallbackQuery();
  });
  bot.callbackQuery(RX.retireCommunity, admin, async (ctx) => {
    const c = await residents.community(Number(ctx.match[1]));
    if (!c) return gone(ctx);
    await residents.setCommunityRetired(ctx.user.id, c.id, !c.retired);
    await ctx.answerCallbackQuery({
      text: ctx.t(c.retired ? 'residents.setup.restored' : 'residents.setup.retiredNow'),
    });
    await community(ctx, c.id, true);
  });
  bot.callbackQuery(RX.retireCompound, admin, async (ctx) => {
    const c = await residents.compound(Number(ctx.match[1]));
    if (!c) return gone(ctx);
    await residents.setCompoundRetired(ctx.user.id, c.id, !c.retired);
    await ctx.answerCallbackQuery({
      text: ctx.t(c.retired ? 'residents.setup.restored' : 'residents.setup.retiredNow'),
    });
    await compound(ctx, c.id, true);
  });

  // ── starting a question: add a community or compound, rename one, change an address or a map point ───────────
  async function ask(ctx: BotContext, step: Step, draft: PlaceDraft) {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(placeFlow, step, draft);
    await show(ctx, placeQuestion(ctx.t, step, draft), false);
  }
  const exists = async (kind: 'community' | 'compound', id: number) =>
    (kind === 'community' ? await residents.community(id) : await residents.compound(id)) !== undefined;

  bot.callbackQuery(RX.addCommunity, admin, (ctx) => ask(ctx, 'communityZh', { mode: 'add' }));
  bot.callbackQuery(RX.addCompound, admin, async (ctx) => {
    const communityId = Number(ctx.match[1]);
    if (!(await exists('community', communityId))) return gone(ctx);
    await ask(ctx, 'compoundZh', { mode: 'add', communityId });
  });
  bot.callbackQuery(RX.renameCommunity, admin, async (ctx) => {
    const communityId = Number(ctx.match[1]);
    if (!(await exists('community', communityId))) return gone(ctx);
    await ask(ctx, 'communityZh', { mode: 'edit', communityId });
  });
  for (const [rx, step] of [
    [RX.renameCompound, 'compoundZh'],
    [RX.editAddress, 'address'],
    [RX.editLocation, 'location'],
  ] as const) {
    bot.callbackQuery(rx, admin, async (ctx) => {
      const compoundId = Number(ctx.match[1]);
      if (!(await exists('compound', compoundId))) return gone(ctx);
      await ask(ctx, step, { mode: 'edit', compoundId });
    });
  }

  bot.use(
    placeAnswers(residents, {
      ask: async (ctx, step, draft) => {
        await ctx.setFlow(placeFlow, step, draft);
        await show(ctx, placeQuestion(ctx.t, step, draft), false);
      },
      community: (ctx, id) => community(ctx, id, false),
      compound: (ctx, id) => compound(ctx, id, false),
    }),
  );

  return { composer: bot, askName, showPlaces };
}
