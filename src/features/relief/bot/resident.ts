import { Composer, InputFile } from 'grammy';
import { localDate } from '../../../core/time';
import type { Platform } from '../../../platform';
import type { BotContext } from '../../../telegram/context';
import { can } from '../../../telegram/middlewares/guard';
import { inFlow, isKeyText } from '../../../telegram/middlewares/match';
import { CB, monthFromData, RX } from '../callbacks';
import { linkFlow, proxyFlow } from '../flows';
import type { ReliefService } from '../service';
import { dateText } from '../views/common';
import { codeQrPng, laterText, linkWhoCard, notEnrolledCard, reliefCard } from '../views/resident';

/** What a resident does: see the next pickup and the code, promise to come later, name proxies, open a link. */
export function residentBot(relief: ReliefService, { telegram }: Pick<Platform, 'telegram'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const tz = relief.policy.timezone;
  const deepLink = (code: string) => `https://t.me/${telegram.botUsername()}?start=rl_${code}`;

  /** "救助领取": the next pickup and, for each person this user may act for, this month's code or what happened. */
  async function showRelief(ctx: BotContext): Promise<void> {
    const view = await relief.pickupFor(ctx.user.id);
    if (!view) {
      const info = notEnrolledCard(ctx.t, ctx.locale, tz, await relief.notEnrolled(ctx.user.id), can(ctx, 'staff'));
      return void (await ctx.reply(info.text, { reply_markup: info.markup }));
    }
    const card = reliefCard(ctx.t, ctx.locale, tz, view, can(ctx, 'staff'));
    await ctx.reply(card.text, { reply_markup: card.markup });
    for (const c of card.codes)
      await ctx.replyWithPhoto(new InputFile(await codeQrPng(c.code), `code-${c.code}.png`), { caption: c.caption });
  }

  pm.command('relief', showRelief);
  pm.filter(isKeyText('relief.menu.main'), showRelief);
  bot.callbackQuery(CB.view, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showRelief(ctx);
  });

  // Someone not on the roster asks staff to contact them; the card then says they asked, without the button.
  bot.callbackQuery(RX.ask, async (ctx) => {
    const r = await relief.askStaff(ctx.user.id);
    if (r.outcome === 'enrolled') {
      await ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
      return showRelief(ctx);
    }
    const date = dateText(ctx.locale, localDate(new Date(r.askedAt), tz));
    const key = r.outcome === 'sent' ? 'relief.inquiry.sent' : 'relief.inquiry.already';
    await ctx.answerCallbackQuery({ text: ctx.t(key, { date }) });
    const card = notEnrolledCard(ctx.t, ctx.locale, tz, await relief.notEnrolled(ctx.user.id), can(ctx, 'staff'));
    // An old card may be past editing; the answer above has said what happened.
    await ctx.editMessageText(card.text, { reply_markup: card.markup }).catch(() => {});
  });

  // "Will come later this week", from the evening no-show message.
  bot.callbackQuery(RX.later, async (ctx) => {
    const month = monthFromData(ctx.match[2]!);
    const outcome = await relief.promiseLater(ctx.user.id, Number(ctx.match[1]), month);
    if (outcome === 'expired') return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.reply(laterText(ctx.t, ctx.locale, outcome, await relief.makeupOf(month)));
  });

  // A linked recipient names a proxy: the name first, then a link to forward to that person.
  bot.callbackQuery(RX.nameProxy, async (ctx) => {
    const rid = Number(ctx.match[1]);
    if ((await relief.mayAct(ctx.user.id, rid))?.as !== 'self')
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(proxyFlow, 'name', { rid });
    await ctx.reply(ctx.t('relief.proxy.askName'));
  });

  pm.on('message:text').filter(inFlow(proxyFlow, 'name'), async (ctx) => {
    const p = await relief.nameProxy(ctx.user.id, ctx.flow.data.rid, ctx.message.text, ctx.flowEnd());
    const expires = localDate(new Date(p.expiresAt), tz);
    await ctx.reply(ctx.t('relief.proxy.created', { name: p.name, link: deepLink(p.code), expires }), {
      reply_markup: ctx.mainMenu(),
    });
  });

  bot.callbackQuery(RX.removeProxy, async (ctx) => {
    if (!(await relief.removeProxy(ctx.user.id, false, Number(ctx.match[1]))))
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery({ text: ctx.t('relief.proxy.removed') });
    await showRelief(ctx);
  });

  /** Deep link rl_<code>: a staff link asks who opened it; a proxy link links that proxy at once. */
  async function openLink(ctx: BotContext, code: string): Promise<void> {
    const preview = await relief.previewLink(code);
    if (preview.kind === 'proxy') return finishLink(ctx, code, null);
    await ctx.setFlow(linkFlow, 'who', { code });
    const card = linkWhoCard(ctx.t, preview.recipientName);
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  /** Uses the link; `used` runs once it is (a button is answered then, before the card and its pictures). */
  async function finishLink(ctx: BotContext, code: string, proxyName: string | null, used?: () => Promise<unknown>) {
    const r = await relief.redeemLink(ctx.user.id, code, proxyName, ctx.flowEnd());
    await used?.();
    const key = r.as === 'self' ? 'relief.link.linkedSelf' : 'relief.link.linkedProxy';
    await ctx.reply(ctx.t(key, { name: r.recipient.name }), { reply_markup: ctx.mainMenu() });
    await showRelief(ctx);
  }

  // The link code comes from the user's own flow, never from the button: a forged button cannot use someone's link.
  bot.callbackQuery(CB.linkSelf, async (ctx) => {
    if (!inFlow(linkFlow, 'who')(ctx)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    // Answered after the link is used: a refusal (used, expired) is then the boundary's alert.
    await finishLink(ctx, ctx.flow.data.code, null, () => ctx.answerCallbackQuery());
  });

  bot.callbackQuery(CB.linkProxy, async (ctx) => {
    if (!inFlow(linkFlow, 'who')(ctx)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(linkFlow, 'proxyName', { code: ctx.flow.data.code });
    await ctx.reply(ctx.t('relief.link.askYourName'));
  });

  pm.on('message:text').filter(inFlow(linkFlow, 'proxyName'), (ctx) =>
    finishLink(ctx, ctx.flow.data.code, ctx.message.text),
  );

  return { composer: bot, openLink };
}
