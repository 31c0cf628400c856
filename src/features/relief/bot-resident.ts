import { Composer, InlineKeyboard } from 'grammy';
import { addDays, localDate } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { can } from '../../telegram/middlewares/guard';
import { inFlow, isKeyText } from '../../telegram/middlewares/match';
import { addMonths } from './calendar';
import { CB, monthFromData, RX } from './callbacks';
import { localStamp, monthAt, pickupOf, promiseLater } from './checkin';
import { InvalidInput } from './errors';
import * as linking from './linking';
import { proxiesOf } from './roster';
import { codeFor, festivalsFor, getSettings, pickupDate } from './settings';
import { dateText, deepLink, festivalText, hoursText, monthText, now, placeText, sendCodeQr, tz } from './views';

export const residentBot = new Composer<BotContext>();
const pm = residentBot.chatType('private');

/** "救助领取": the next pickup and, for each person this user may act for, this month's code or what happened. */
export async function showRelief(ctx: BotContext): Promise<void> {
  const db = ctx.deps.db;
  const at = now(ctx);
  const people = await linking.representedBy(db, ctx.user.id);
  const staffButton = can(ctx, 'staff')
    ? new InlineKeyboard().text(ctx.t('relief.btn.staffMenu'), CB.staffMenu)
    : undefined;
  if (people.length === 0) {
    await ctx.reply(ctx.t('relief.view.notEnrolled'), { reply_markup: staffButton });
    return;
  }
  const s = await getSettings(db);
  const month = monthAt(at, tz(ctx));
  const today = localDate(at, tz(ctx));
  const thisDay = pickupDate(month, s);
  // After this month's make-up days the useful date is next month's.
  const showMonth = today <= addDays(thisDay, s.makeup_days) ? month : addMonths(month, 1);
  const day = pickupDate(showMonth, s);
  const lines = [
    ctx.t('relief.view.next', { date: dateText(ctx, day), hours: hoursText(s), place: placeText(ctx, s) }) +
      festivalText(ctx, await festivalsFor(db, showMonth, s)),
  ];
  if (showMonth === month && today > thisDay)
    lines.push(ctx.t('relief.view.makeup', { until: dateText(ctx, addDays(thisDay, s.makeup_days)) }));
  const kb = new InlineKeyboard();
  const codes: { name: string; code: string }[] = [];
  for (const { recipient: r, as } of people) {
    const who = ctx.t(as === 'self' ? 'relief.view.self' : 'relief.view.proxyFor');
    // Code and status follow the month shown: after the make-up days, next month's code is the one to bring.
    const pickup = await pickupOf(db, r.id, showMonth);
    let status: string;
    if (pickup) {
      const when = localStamp(pickup.collected_at, tz(ctx));
      status =
        pickup.proxy_name === null
          ? ctx.t('relief.view.collected', { at: when })
          : ctx.t('relief.view.collectedBy', { at: when, proxy: pickup.proxy_name });
    } else {
      const code = await codeFor(db, r.id, showMonth);
      codes.push({ name: r.name, code });
      status = ctx.t('relief.view.code', { code, month: monthText(ctx, showMonth) });
    }
    lines.push(ctx.t('relief.view.person', { name: r.name, who, status }));
    if (as === 'self') {
      const proxies = await proxiesOf(db, r.id);
      if (proxies.length)
        lines.push(
          ctx.t('relief.view.proxies', {
            names: proxies.map((p) => p.name + (p.user_id === null ? ctx.t('relief.view.notOpened') : '')).join('、'),
          }),
        );
      kb.text(ctx.t('relief.btn.nameProxy'), CB.nameProxy(r.id)).row();
      for (const p of proxies) kb.text(ctx.t('relief.btn.removeProxy', { name: p.name }), CB.removeProxy(p.id)).row();
    }
  }
  if (staffButton) kb.text(ctx.t('relief.btn.staffMenu'), CB.staffMenu);
  await ctx.reply(lines.join('\n\n'), { reply_markup: kb });
  for (const c of codes)
    await sendCodeQr(
      ctx,
      c.code,
      ctx.t('relief.view.qrCaption', { name: c.name, code: c.code, month: monthText(ctx, showMonth) }),
    );
}

pm.command('relief', showRelief);
pm.filter(isKeyText('relief.menu.main'), showRelief);
residentBot.callbackQuery(CB.view, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showRelief(ctx);
});

// "Will come later this week", from the evening no-show message. Only for someone this user acts for, this month.
residentBot.callbackQuery(RX.later, async (ctx) => {
  const rid = Number(ctx.match[1]);
  const month = monthFromData(ctx.match[2]!);
  if (month !== monthAt(now(ctx), tz(ctx)) || !(await linking.mayAct(ctx.deps.db, ctx.user.id, rid))) {
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  }
  const s = await getSettings(ctx.deps.db);
  const ok = await promiseLater(ctx.deps.db, ctx.user.id, rid, month, now(ctx));
  await ctx.answerCallbackQuery();
  await ctx.reply(
    ok
      ? ctx.t('relief.later.ok', {
          until: dateText(ctx, addDays(pickupDate(month, s), s.makeup_days)),
          hours: hoursText(s),
          place: placeText(ctx, s),
        })
      : ctx.t('relief.later.already'),
  );
});

// A linked recipient names a proxy: the name first, then a link to forward to that person.
residentBot.callbackQuery(RX.nameProxy, async (ctx) => {
  const rid = Number(ctx.match[1]);
  const rep = await linking.mayAct(ctx.deps.db, ctx.user.id, rid);
  if (rep?.as !== 'self') return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow('relief.proxy', 'name', { rid });
  await ctx.reply(ctx.t('relief.proxy.askName'));
});

pm.on('message:text').filter(inFlow('relief.proxy', 'name'), async (ctx) => {
  const rid = Number(ctx.flow!.data.rid);
  try {
    const { code, expiresAt, name } = await linking.nameProxy(
      ctx.deps.db,
      ctx.user.id,
      rid,
      ctx.message.text,
      now(ctx),
    );
    await ctx.endFlow();
    await ctx.reply(
      ctx.t('relief.proxy.created', {
        name,
        link: deepLink(ctx, code),
        expires: localDate(new Date(expiresAt), tz(ctx)),
      }),
      { reply_markup: ctx.mainMenu() },
    );
  } catch (e) {
    if (e instanceof InvalidInput) return void (await ctx.reply(ctx.t('relief.proxy.askNameAgain')));
    await ctx.endFlow();
    await replyDomainError(ctx, e);
  }
});

residentBot.callbackQuery(RX.removeProxy, async (ctx) => {
  try {
    await linking.removeProxy(ctx.deps.db, ctx.user.id, false, Number(ctx.match[1]), now(ctx));
  } catch {
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  }
  await ctx.answerCallbackQuery({ text: ctx.t('relief.proxy.removed') });
  await showRelief(ctx);
});

/** Deep link rl_<code>: a staff link asks who opened it; a proxy link links that proxy at once. */
export async function openLink(ctx: BotContext, code: string): Promise<void> {
  try {
    const preview = await linking.previewLink(ctx.deps.db, code, now(ctx));
    if (preview.kind === 'proxy') return await finishLink(ctx, code, null);
    await ctx.setFlow('relief.link', 'who', { code });
    await ctx.reply(ctx.t('relief.link.who', { name: preview.recipientName }), {
      reply_markup: new InlineKeyboard()
        .text(ctx.t('relief.link.isSelf', { name: preview.recipientName }), CB.linkSelf)
        .row()
        .text(ctx.t('relief.link.isFamily'), CB.linkProxy),
    });
  } catch (e) {
    await replyDomainError(ctx, e);
  }
}

async function finishLink(ctx: BotContext, code: string, proxyName: string | null) {
  const r = await linking.redeemLink(ctx.deps.db, ctx.user.id, code, proxyName, now(ctx));
  await ctx.endFlow();
  ctx.deps.wakeDelivery();
  await ctx.reply(
    ctx.t(r.as === 'self' ? 'relief.link.linkedSelf' : 'relief.link.linkedProxy', { name: r.recipient.name }),
    { reply_markup: ctx.mainMenu() },
  );
  await showRelief(ctx);
}

// The link code comes from the user's own flow, never from the button: a forged button cannot use someone's link.
residentBot.callbackQuery(CB.linkSelf, async (ctx) => {
  if (!inFlow('relief.link', 'who')(ctx)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  try {
    await finishLink(ctx, String(ctx.flow!.data.code), null);
  } catch (e) {
    await ctx.endFlow();
    await replyDomainError(ctx, e);
  }
});

residentBot.callbackQuery(CB.linkProxy, async (ctx) => {
  if (!inFlow('relief.link', 'who')(ctx)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow('relief.link', 'proxyName');
  await ctx.reply(ctx.t('relief.link.askYourName'));
});

pm.on('message:text').filter(inFlow('relief.link', 'proxyName'), async (ctx) => {
  try {
    await finishLink(ctx, String(ctx.flow!.data.code), ctx.message.text);
  } catch (e) {
    if (e instanceof InvalidInput) return void (await ctx.reply(ctx.t('relief.link.askYourNameAgain')));
    await ctx.endFlow();
    await replyDomainError(ctx, e);
  }
});
