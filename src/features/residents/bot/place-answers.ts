import { Composer } from 'grammy';
import { inLocale } from '../../../core/names';
import { isMenuLabel } from '../../../i18n/match';
import type { BotContext, InFlow } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { type PlaceDraft, placeFlow } from '../flows';
import type { ResidentsService } from '../service';
import { checkName } from '../service/places';

type Step = (typeof placeFlow.steps)[number];
type Ctx = InFlow<PlaceDraft, Step>;
type Point = { latitude: number; longitude: number };
const named = (ctx: BotContext, p: { nameZh: string; nameEn: string }) => ({ name: inLocale(p, ctx.locale) });

/** What the answers lead to: the next question, or the card of the place that was made or changed. */
export interface PlaceScreens {
  ask(ctx: BotContext, step: Step, draft: PlaceDraft): Promise<unknown>;
  community(ctx: BotContext, id: number): Promise<unknown>;
  compound(ctx: BotContext, id: number): Promise<unknown>;
}

/**
 * The admin's typed answers while adding or editing a place: the Chinese name, the English one (or "the same"), the
 * address (or none), the point on the map (a location message, or none). A new place is saved at the last answer,
 * with the end of the flow, in one transaction; a wrong answer is asked again with its example.
 */
export function placeAnswers(residents: ResidentsService, screens: PlaceScreens) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const admin = requireRole('admin');

  async function communityNamed(ctx: Ctx, nameEn: string) {
    const { mode, communityId, nameZh = '' } = ctx.flow.data;
    const names = { nameZh, nameEn };
    const c =
      mode === 'add' || communityId === undefined
        ? await residents.addCommunity(ctx.user.id, names, ctx.flowEnd())
        : await residents.renameCommunity(ctx.user.id, communityId, names, ctx.flowEnd());
    await ctx.reply(ctx.t(mode === 'add' ? 'residents.setup.community.added' : 'residents.setup.saved', named(ctx, c)));
    await screens.community(ctx, c.id);
  }

  async function compoundNamed(ctx: Ctx, nameEn: string) {
    const { mode, compoundId } = ctx.flow.data;
    if (mode === 'edit' && compoundId !== undefined) {
      const names = { nameZh: ctx.flow.data.nameZh ?? '', nameEn };
      const c = await residents.renameCompound(ctx.user.id, compoundId, names, ctx.flowEnd());
      await ctx.reply(ctx.t('residents.setup.saved', named(ctx, c)));
      return screens.compound(ctx, c.id);
    }
    await screens.ask(ctx, 'address', { ...ctx.flow.data, nameEn });
  }

  async function addressGiven(ctx: Ctx, address: string | null) {
    const { mode, compoundId } = ctx.flow.data;
    if (mode === 'edit' && compoundId !== undefined) {
      const c = await residents.setCompoundAddress(ctx.user.id, compoundId, address, ctx.flowEnd());
      await ctx.reply(ctx.t('residents.setup.saved', named(ctx, c)));
      return screens.compound(ctx, c.id);
    }
    await screens.ask(ctx, 'location', { ...ctx.flow.data, address });
  }

  async function locationGiven(ctx: Ctx, location: Point | null) {
    const { mode, compoundId, communityId, nameZh = '', nameEn = '', address = null } = ctx.flow.data;
    if (mode === 'edit' && compoundId !== undefined) {
      const c = await residents.setCompoundLocation(ctx.user.id, compoundId, location, ctx.flowEnd());
      await ctx.reply(ctx.t('residents.setup.saved', named(ctx, c)));
      return screens.compound(ctx, c.id);
    }
    const place = { nameZh, nameEn, address, location };
    const c = await residents.addCompound(ctx.user.id, communityId ?? 0, place, ctx.flowEnd());
    await ctx.reply(ctx.t('residents.setup.compound.added', named(ctx, c)));
    await screens.community(ctx, c.communityId);
  }

  const text = (ctx: BotContext) => ctx.message?.text ?? '';
  // A main-menu button tapped in the middle is that button, not an answer (its area handles it).
  const typed = (step: Step) =>
    pm
      .on('message:text')
      .filter((ctx) => !isMenuLabel(ctx.message.text))
      .filter(inFlow(placeFlow, step))
      .use(admin);

  typed('communityZh').use(async (ctx) => {
    const nameZh = await residents.checkPlaceName(text(ctx), 'community', ctx.flow.data);
    await screens.ask(ctx, 'communityEn', { ...ctx.flow.data, nameZh });
  });
  typed('communityEn').use((ctx) => communityNamed(ctx, checkName(text(ctx))));
  typed('compoundZh').use(async (ctx) => {
    const nameZh = await residents.checkPlaceName(text(ctx), 'compound', ctx.flow.data);
    await screens.ask(ctx, 'compoundEn', { ...ctx.flow.data, nameZh });
  });
  typed('compoundEn').use((ctx) => compoundNamed(ctx, checkName(text(ctx))));
  typed('address').use((ctx) => addressGiven(ctx, text(ctx)));
  typed('location').use((ctx) => ctx.reply(ctx.t('residents.setup.ask.locationAgain')));
  pm.on('message:location')
    .filter(inFlow(placeFlow, 'location'))
    .use(admin, (ctx) => {
      const { latitude, longitude } = ctx.message.location;
      return locationGiven(ctx, { latitude, longitude });
    });

  // The buttons under a question: the role first, whatever the flow's state (a forged tap is refused and recorded).
  bot.callbackQuery([RX.sameName, RX.skip], admin);
  bot
    .callbackQuery(RX.sameName)
    .filter(inFlow(placeFlow, 'communityEn', 'compoundEn'))
    .use(async (ctx) => {
      await ctx.answerCallbackQuery();
      const nameZh = ctx.flow.data.nameZh ?? '';
      if (ctx.flow.step === 'communityEn') await communityNamed(ctx, nameZh);
      else await compoundNamed(ctx, nameZh);
    });
  bot
    .callbackQuery(RX.skip)
    .filter(inFlow(placeFlow, 'address', 'location'))
    .use(async (ctx) => {
      await ctx.answerCallbackQuery();
      if (ctx.flow.step === 'address') await addressGiven(ctx, null);
      else await locationGiven(ctx, null);
    });

  return bot;
}
