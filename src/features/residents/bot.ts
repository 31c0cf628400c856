import { Composer } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { inFlow, isKeyText } from '../../telegram/middlewares/match';
import { switchLocale } from '../../telegram/middlewares/session';
import {
  CB,
  communityKeyboard,
  compoundKeyboard,
  languageKeyboard,
  phoneKeyboard,
  placeName,
  profileKeyboard,
} from './keyboards';
import * as residents from './service';

export const residentsBot = new Composer<BotContext>();
const pm = residentsBot.chatType('private');

/** Greeting plus, for a newcomer, the first onboarding question. Also used by /start without a payload. */
export async function greet(ctx: BotContext): Promise<void> {
  const name = ctx.from?.first_name ?? '';
  if (ctx.user.onboarded) {
    await ctx.reply(ctx.t('residents.start.welcomeBack', { name }), { reply_markup: ctx.mainMenu() });
    return;
  }
  await ctx.reply(ctx.t('residents.start.welcome', { name }), { reply_markup: ctx.mainMenu() });
  await askCommunity(ctx);
}

async function askCommunity(ctx: BotContext, edit = false) {
  const communities = await residents.listCommunities(ctx.deps.db);
  if (communities.length === 0) {
    await residents.finishOnboarding(ctx.deps.db, ctx.user.id);
    return;
  }
  const text = ctx.t('residents.onboard.askCommunity');
  const reply_markup = communityKeyboard(ctx, communities);
  if (edit) await ctx.editMessageText(text, { reply_markup });
  else await ctx.reply(text, { reply_markup });
}

residentsBot.callbackQuery(/^rs:cm:(\d{1,9})$/, async (ctx) => {
  const id = Number(ctx.match[1]);
  const community = await residents.findCommunity(ctx.deps.db, id);
  if (!community) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('residents.onboard.askCompound', { community: placeName(ctx, community) }), {
    reply_markup: compoundKeyboard(ctx, await residents.listCompounds(ctx.deps.db, id)),
  });
});

residentsBot.callbackQuery(CB.back, async (ctx) => {
  await ctx.answerCallbackQuery();
  await askCommunity(ctx, true);
});

residentsBot.callbackQuery(CB.later, async (ctx) => {
  await residents.finishOnboarding(ctx.deps.db, ctx.user.id);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('residents.onboard.later_done'));
});

residentsBot.callbackQuery(/^rs:cp:(\d{1,9})$/, async (ctx) => {
  const compound = await residents.findCompound(ctx.deps.db, Number(ctx.match[1]));
  if (!compound) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await residents.setHome(ctx.deps.db, ctx.user.id, compound.id);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('residents.onboard.homeSaved', { compound: placeName(ctx, compound) }));
  if (ctx.user.phone) {
    await ctx.reply(ctx.t('residents.onboard.done'), { reply_markup: ctx.mainMenu() });
    return;
  }
  await ctx.setFlow('residents.phone', 'ask');
  await ctx.reply(ctx.t('residents.phone.ask'), { reply_markup: phoneKeyboard(ctx) });
});

// Only a contact card of the sender themself is taken: a forwarded card of someone else is not their number.
pm.on('message:contact').filter(inFlow('residents.phone'), async (ctx) => {
  const c = ctx.message.contact;
  if (c.user_id !== ctx.from.id) {
    await ctx.reply(ctx.t('residents.phone.notYours'), { reply_markup: phoneKeyboard(ctx) });
    return;
  }
  await residents.setPhone(ctx.deps.db, ctx.from.id, c.phone_number.replace(/[^\d+]/g, '').slice(0, 20));
  await ctx.endFlow();
  await ctx.reply(ctx.t('residents.phone.saved'), { reply_markup: ctx.mainMenu() });
});

pm.filter(inFlow('residents.phone')).filter(isKeyText('residents.phone.skip'), async (ctx) => {
  await ctx.endFlow();
  await ctx.reply(ctx.t('residents.onboard.done'), { reply_markup: ctx.mainMenu() });
});

pm.on('message:contact', async (ctx) => {
  await ctx.reply(ctx.t('residents.phone.useMe'));
});

async function showLanguages(ctx: BotContext) {
  await ctx.reply(ctx.t('residents.lang.ask'), { reply_markup: languageKeyboard() });
}
pm.command('lang', showLanguages);

residentsBot.callbackQuery(/^rs:lang:(zh-CN|en)$/, async (ctx) => {
  const lang = ctx.match[1] as 'zh-CN' | 'en';
  await residents.setLanguage(ctx.deps.db, ctx.user.id, lang);
  switchLocale(ctx, lang);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('residents.lang.done'));
  await ctx.reply(ctx.t('residents.lang.menu'), { reply_markup: ctx.mainMenu() });
  if (ctx.roles.size) await ctx.deps.publishCommandsFor(ctx.user.id);
});

async function showProfile(ctx: BotContext) {
  const db = ctx.deps.db;
  const user = (await residents.getUser(db, ctx.user.id))!;
  const compound = user.compound_id ? await residents.findCompound(db, user.compound_id) : undefined;
  const community = user.community_id ? await residents.findCommunity(db, user.community_id) : undefined;
  const unset = ctx.t('residents.me.unset');
  const roles =
    [...ctx.roles].map((r) => ctx.t(`residents.roles.${r}`)).join('、') || ctx.t('residents.roles.resident');
  await ctx.reply(
    ctx.t('residents.me.card', {
      name: [user.first_name, user.last_name].filter(Boolean).join(' '),
      community: community ? placeName(ctx, community) : unset,
      compound: compound ? placeName(ctx, compound) : unset,
      phone: user.phone ?? unset,
      language: ctx.locale === 'en' ? 'English' : '中文',
      notices: ctx.t(user.notices_opt_out ? 'residents.me.noticesAreOff' : 'residents.me.noticesAreOn'),
      roles,
    }),
    { reply_markup: profileKeyboard(ctx, user.phone !== null, user.notices_opt_out === 1) },
  );
}
pm.command('me', showProfile);
pm.filter(isKeyText('residents.menu.me'), showProfile);

residentsBot.callbackQuery(CB.editHome, async (ctx) => {
  await ctx.answerCallbackQuery();
  await askCommunity(ctx);
});
residentsBot.callbackQuery(CB.editPhone, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.setFlow('residents.phone', 'ask');
  await ctx.reply(ctx.t('residents.phone.ask'), { reply_markup: phoneKeyboard(ctx) });
});
residentsBot.callbackQuery(CB.deletePhone, async (ctx) => {
  await residents.setPhone(ctx.deps.db, ctx.user.id, null);
  await ctx.answerCallbackQuery({ text: ctx.t('residents.me.phoneDeleted') });
  await showProfile(ctx);
});
residentsBot.callbackQuery(CB.toggleNotices, async (ctx) => {
  const optOut = ctx.user.notices_opt_out === 0;
  await residents.setNoticesOptOut(ctx.deps.db, ctx.user.id, optOut);
  await ctx.answerCallbackQuery({ text: ctx.t(optOut ? 'residents.me.noticesNowOff' : 'residents.me.noticesNowOn') });
  ctx.user = { ...ctx.user, notices_opt_out: optOut ? 1 : 0 };
  await showProfile(ctx);
});
residentsBot.callbackQuery(CB.langMenu, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showLanguages(ctx);
});
