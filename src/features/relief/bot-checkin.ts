import { Composer, InlineKeyboard, InputFile } from 'grammy';
import { DomainError } from '../../core/errors';
import type { BotContext } from '../../telegram/context';
import { domainErrorText, replyDomainError } from '../../telegram/errors';
import { requireRole } from '../../telegram/middlewares/guard';
import { inFlow } from '../../telegram/middlewares/match';
import { splitText } from '../../telegram/text';
import { addMonths } from './calendar';
import { CB, monthFromData, RX } from './callbacks';
import { type CheckinBy, checkIn, findForCheckin, localStamp, monthAt, pickupOf } from './checkin';
import { InvalidInput } from './errors';
import { monthReport, monthReportCsv } from './report';
import * as roster from './roster';
import { categoryText, monthText, now, phoneTail, rosterLabel, tz } from './views';

export const checkinBot = new Composer<BotContext>();
const pm = checkinBot.chatType('private');
const staff = requireRole('staff');

/** The desk: staff stay in this step and type one code or name after another until they cancel. */
async function startCheckin(ctx: BotContext) {
  await ctx.setFlow('relief.checkin', 'query', {});
  await ctx.reply(ctx.t('relief.checkin.ask'));
}
pm.command('checkin', staff, startCheckin);
checkinBot.callbackQuery(CB.checkin, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await startCheckin(ctx);
});

/** What staff confirm: who it is, whether this month is already done, and one button per way of collecting. */
async function showCheckinCard(ctx: BotContext, rid: number, method: 'c' | 's') {
  const db = ctx.deps.db;
  const r = await roster.getRecipient(db, rid);
  if (!r) return void (await ctx.reply(ctx.t('relief.errors.recipientNotFound')));
  const month = monthAt(now(ctx), tz(ctx));
  const pickup = await pickupOf(db, rid, month);
  const proxies = await roster.proxiesOf(db, rid);
  const status = pickup
    ? ctx.t(pickup.proxy_name === null ? 'relief.view.collected' : 'relief.view.collectedBy', {
        at: localStamp(pickup.collected_at, tz(ctx)),
        proxy: pickup.proxy_name ?? '',
      })
    : ctx.t(r.active ? 'relief.checkin.notYet' : 'relief.staff.inactive');
  const kb = new InlineKeyboard();
  if (!pickup && r.active) {
    kb.text(ctx.t('relief.btn.collected'), CB.collected(rid, method)).row();
    for (const p of proxies)
      kb.text(ctx.t('relief.btn.collectedBy', { name: p.name }), CB.collectedByProxy(rid, p.id, method)).row();
    kb.text(ctx.t('relief.btn.collectedByOther'), CB.collectedByOther(rid, method)).row();
  }
  kb.text(ctx.t('relief.btn.details'), CB.card(rid));
  await ctx.reply(
    ctx.t('relief.checkin.card', {
      name: r.name,
      category: categoryText(ctx, r.category),
      phone: phoneTail(r.phone),
      notes: r.notes ?? '—',
      proxies: proxies.map((p) => p.name).join('、') || '—',
      month: monthText(ctx, month),
      status,
    }),
    { reply_markup: kb },
  );
}

pm.on('message:text').filter(inFlow('relief.checkin', 'query'), staff, async (ctx) => {
  try {
    const found = await findForCheckin(ctx.deps.db, ctx.message.text, now(ctx), tz(ctx));
    if (found.kind === 'code') return await showCheckinCard(ctx, found.recipient.id, 'c');
    if (found.recipients.length === 0) return void (await ctx.reply(ctx.t('relief.checkin.none')));
    const kb = new InlineKeyboard();
    for (const r of found.recipients) kb.text(rosterLabel(ctx, r), CB.checkinCard(r.id)).row();
    await ctx.reply(ctx.t('relief.checkin.pick', { n: found.recipients.length }), { reply_markup: kb });
  } catch (e) {
    if (e instanceof InvalidInput) return void (await ctx.reply(ctx.t('relief.checkin.askAgain')));
    await replyDomainError(ctx, e);
  }
});

checkinBot.callbackQuery(RX.checkinCard, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showCheckinCard(ctx, Number(ctx.match[1]), 's');
});

async function record(ctx: BotContext, rid: number, by: CheckinBy, m: string) {
  const p = await checkIn(ctx.deps.db, ctx.user.id, rid, by, m === 'c' ? 'code' : 'search', now(ctx), tz(ctx));
  ctx.deps.wakeDelivery();
  const key = p.proxy_name === null ? 'relief.checkin.done' : 'relief.checkin.doneByProxy';
  const extras = p.festival_extras ? ctx.t('relief.checkin.festivalReminder') : '';
  await ctx.reply(
    ctx.t(key, { name: p.recipientName, proxy: p.proxy_name ?? '', at: localStamp(p.collected_at, tz(ctx)) }) +
      extras +
      (inFlow('relief.checkin')(ctx) ? ctx.t('relief.checkin.next') : ''),
  );
}

/** From a button: the outcome, including "already collected by … at …", arrives as a message the desk can read. */
async function recordFromButton(ctx: BotContext, rid: number, by: CheckinBy, m: string) {
  await ctx.answerCallbackQuery();
  try {
    await record(ctx, rid, by, m);
  } catch (e) {
    if (!(e instanceof DomainError)) throw e;
    await ctx.reply(domainErrorText(ctx, e));
  }
}

// Confirmation buttons check the role again: a resident pressing forged data is refused before anything is read.
checkinBot.callbackQuery(RX.collected, staff, (ctx) => recordFromButton(ctx, Number(ctx.match[1]), {}, ctx.match[2]!));
checkinBot.callbackQuery(RX.collectedByProxy, staff, (ctx) =>
  recordFromButton(ctx, Number(ctx.match[1]), { proxyId: Number(ctx.match[2]) }, ctx.match[3]!),
);
checkinBot.callbackQuery(RX.collectedByOther, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  const r = await roster.getRecipient(ctx.deps.db, Number(ctx.match[1]));
  if (!r) return;
  await ctx.setFlow('relief.checkin', 'proxyName', { rid: r.id, method: ctx.match[2] });
  await ctx.reply(ctx.t('relief.checkin.askProxy', { name: r.name }));
});

pm.on('message:text').filter(inFlow('relief.checkin', 'proxyName'), staff, async (ctx) => {
  const { rid, method } = ctx.flow!.data as { rid: number; method: string };
  if (!roster.cleanName(ctx.message.text)) return void (await ctx.reply(ctx.t('relief.checkin.askProxyAgain')));
  // Back to the desk step first, so the next code can be typed straight after.
  await ctx.setFlow('relief.checkin', 'query', {});
  await record(ctx, rid, { proxyName: ctx.message.text }, method);
});

// ---- monthly report

async function showReport(ctx: BotContext, month: string) {
  const r = await monthReport(ctx.deps.db, month);
  const names = r.notCollected.map((x) => x.name).join('、') || '—';
  const text = ctx.t('relief.report.text', {
    month: monthText(ctx, month),
    total: r.total,
    collected: r.collectedSelf + r.collectedByProxy,
    self: r.collectedSelf,
    byProxy: r.collectedByProxy,
    notCollected: r.notCollected.length,
    festival: r.festivalExtras,
    later: r.promisedLater,
    names,
  });
  const kb = new InlineKeyboard()
    .text('◀', CB.report(addMonths(month, -1)))
    .text(ctx.t('relief.btn.csv'), CB.reportCsv(month))
    .text('▶', CB.report(addMonths(month, 1)));
  const parts = splitText(text);
  for (const [i, part] of parts.entries()) await ctx.reply(part, i === parts.length - 1 ? { reply_markup: kb } : {});
}

pm.command('relief_report', staff, (ctx) => showReport(ctx, monthAt(now(ctx), tz(ctx))));
checkinBot.callbackQuery(RX.report, staff, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showReport(ctx, monthFromData(ctx.match[1]!));
});
checkinBot.callbackQuery(RX.reportCsv, staff, async (ctx) => {
  const month = monthFromData(ctx.match[1]!);
  await ctx.answerCallbackQuery();
  const csv = await monthReportCsv(ctx.deps.db, month, tz(ctx));
  await ctx.replyWithDocument(new InputFile(Buffer.from(csv, 'utf8'), `relief-${month}.csv`), {
    caption: ctx.t('relief.report.csvCaption', { month: monthText(ctx, month) }),
  });
});
