import { Composer, Keyboard } from 'grammy';
import { inLocale } from '../../../core/names';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { inFlow, isKeyText } from '../../../telegram/middlewares/match';
import { switchLocale } from '../../../telegram/middlewares/session';
import { CB, RX } from '../callbacks';
import { phoneFlow } from '../flows';
import type { ResidentsService } from '../service';
import { communityChoice, compoundChoice, languageChoice, profileCard } from '../views';

const phoneKeyboard = (ctx: BotContext) =>
  new Keyboard()
    .requestContact(ctx.t('residents.phone.share'))
    .row()
    .text(ctx.t('residents.phone.skip'))
    .resized()
    .oneTime();

/** Onboarding (home and phone), /me and /lang: what a resident tells us about themself. */
export function residentBot(residents: ResidentsService, { i18n, telegram }: Pick<Platform, 'i18n' | 'telegram'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');

  // With nowhere to choose yet the resident is told so and stays a newcomer: the question comes at their next
  // /start, once there are places (never skipped in silence).
  async function askCommunity(ctx: BotContext, edit = false) {
    const communities = await residents.homeCommunities();
    if (communities.length === 0) {
      await ctx.reply(ctx.t('residents.onboard.noPlaces'));
      return;
    }
    const card = communityChoice(ctx.t, ctx.locale, communities);
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  async function askPhone(ctx: BotContext) {
    await ctx.setFlow(phoneFlow, 'ask', {});
    await ctx.reply(ctx.t('residents.phone.ask'), { reply_markup: phoneKeyboard(ctx) });
  }

  /** Greeting plus, for a newcomer, the first onboarding question. What a plain /start shows. */
  async function greet(ctx: BotContext): Promise<void> {
    const name = ctx.from?.first_name ?? '';
    if (ctx.user.onboarded) {
      await ctx.reply(ctx.t('residents.start.welcomeBack', { name }), { reply_markup: ctx.mainMenu() });
      return;
    }
    const subdistrict = await residents.subdistrict();
    const welcome = subdistrict ? 'residents.start.welcome' : 'residents.start.welcomeNoPlace';
    await ctx.reply(ctx.t(welcome, { name, subdistrict }), { reply_markup: ctx.mainMenu() });
    await askCommunity(ctx);
  }

  bot.callbackQuery(RX.community, async (ctx) => {
    const community = await residents.community(Number(ctx.match[1]));
    if (!community || community.retired) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    const card = compoundChoice(ctx.t, ctx.locale, community, await residents.homeCompounds(community.id));
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.back, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askCommunity(ctx, true);
  });

  bot.callbackQuery(RX.later, async (ctx) => {
    await residents.finishOnboarding(ctx.user.id);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('residents.onboard.later_done'));
  });

  bot.callbackQuery(RX.compound, async (ctx) => {
    const chosen = await residents.compound(Number(ctx.match[1]));
    if (!chosen || chosen.retired) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    const compound = await residents.setHome(ctx.user.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('residents.onboard.homeSaved', { compound: inLocale(compound, ctx.locale) }));
    if (ctx.user.phone) {
      await ctx.reply(ctx.t('residents.onboard.done'), { reply_markup: ctx.mainMenu() });
      return;
    }
    await askPhone(ctx);
  });

  // Only a contact card of the sender themself is taken: a forwarded card of someone else is not their number.
  pm.on('message:contact').filter(inFlow(phoneFlow), async (ctx) => {
    const c = ctx.message.contact;
    if (c.user_id !== ctx.from.id) {
      await ctx.reply(ctx.t('residents.phone.notYours'), { reply_markup: phoneKeyboard(ctx) });
      return;
    }
    await residents.setPhone(ctx.from.id, c.phone_number);
    await ctx.endFlow();
    await ctx.reply(ctx.t('residents.phone.saved'), { reply_markup: ctx.mainMenu() });
  });

  pm.filter(inFlow(phoneFlow))
    .filter(isKeyText('residents.phone.skip'))
    .use(async (ctx) => {
      await ctx.endFlow();
      await ctx.reply(ctx.t('residents.onboard.done'), { reply_markup: ctx.mainMenu() });
    });

  pm.on('message:contact', (ctx) =>
    ctx.reply(ctx.t('residents.phone.useMe'), {
      reply_markup: { inline_keyboard: [[{ text: ctx.t('residents.me.editPhone'), callback_data: CB.editPhone }]] },
    }),
  );

  const showLanguages = async (ctx: BotContext) => {
    const card = languageChoice(ctx.t);
    await ctx.reply(card.text, { reply_markup: card.markup });
  };
  pm.command('lang', showLanguages);

  bot.callbackQuery(RX.lang, async (ctx) => {
    const lang = ctx.match[1] as 'zh-CN' | 'en';
    await residents.setLanguage(ctx.user.id, lang);
    switchLocale(ctx, lang, i18n);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('residents.lang.done'));
    await ctx.reply(ctx.t('residents.lang.menu'), { reply_markup: ctx.mainMenu() });
    // The ☰ menu follows: Telegram's default menu is in the app's language, not the one chosen here.
    await telegram.publishCommandsFor(ctx.user.id);
  });

  async function showProfile(ctx: BotContext) {
    const card = profileCard(ctx.t, ctx.locale, ctx.user, ctx.roles, await residents.homeOf(ctx.user));
    await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('me', showProfile);
  pm.filter(isKeyText('residents.menu.me'), showProfile);

  bot.callbackQuery(RX.editHome, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askCommunity(ctx);
  });
  bot.callbackQuery(RX.editPhone, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askPhone(ctx);
  });
  bot.callbackQuery(RX.deletePhone, async (ctx) => {
    await residents.setPhone(ctx.user.id, null);
    ctx.user = { ...ctx.user, phone: null };
    await ctx.answerCallbackQuery({ text: ctx.t('residents.me.phoneDeleted') });
    await showProfile(ctx);
  });
  bot.callbackQuery(RX.toggleNotices, async (ctx) => {
    const optOut = !ctx.user.noticesOptOut;
    await residents.setNoticesOptOut(ctx.user.id, optOut);
    ctx.user = { ...ctx.user, noticesOptOut: optOut };
    await ctx.answerCallbackQuery({ text: ctx.t(optOut ? 'residents.me.noticesNowOff' : 'residents.me.noticesNowOn') });
    await showProfile(ctx);
  });
  bot.callbackQuery(RX.langMenu, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showLanguages(ctx);
  });

  return { composer: bot, greet };
}
