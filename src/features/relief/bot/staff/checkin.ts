import { Composer, InputFile } from 'grammy';
import { DomainError } from '../../../../core/errors';
import type { TxHook } from '../../../../db/tx';
import { saveFlow } from '../../../../identity/flows';
import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import { domainErrorKey } from '../../../../telegram/errors';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { inFlow } from '../../../../telegram/middlewares/match';
import { CB, type DeskMethod, monthFromData, RX } from '../../callbacks';
import { FlowIncomplete } from '../../errors';
import { checkinFlow } from '../../flows';
import { localStamp } from '../../months';
import { parseProxyName } from '../../recipients';
import type { Checkin, CheckinBy, Done, ReliefService } from '../../service';
import { monthText } from '../../views/common';
import { checkedInText, deskCard, deskEndMarkup, pickCard, reportCard } from '../../views/desk';

/** The pickup desk (staff stay in it and type one code or name after another) and the monthly report. */
export function checkinBot(relief: ReliefService, { clock }: Pick<Platform, 'clock'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const tz = relief.policy.timezone;

  async function startDesk(ctx: BotContext) {
    await ctx.setFlow(checkinFlow, 'query', {});
    await ctx.reply(ctx.t('relief.checkin.ask'), { reply_markup: deskEndMarkup(ctx.t) });
  }
  pm.command('checkin', staff, startDesk);
  bot.callbackQuery(CB.checkin, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await startDesk(ctx);
  });
  bot.callbackQuery(RX.checkinEnd, staff, async (ctx) => {
    if (inFlow(checkinFlow)(ctx)) await ctx.endFlow();
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    await ctx.reply(ctx.t('relief.checkin.ended'), { reply_markup: ctx.mainMenu() });
  });

  async function showDeskCard(ctx: BotContext, rid: number, method: DeskMethod) {
    const found = await relief.deskCard(rid);
    if (!found) return void (await ctx.reply(ctx.t('relief.errors.recipientNotFound')));
    const card = deskCard(ctx.t, ctx.locale, tz, found, method);
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  pm.on('message:text').filter(inFlow(checkinFlow, 'query'), staff, async (ctx) => {
    const last = ctx.flow.data.last;
    if (last) await ctx.setFlow(checkinFlow, 'query', {});
    // The name just recorded arriving again (Telegram redelivering it after a crash): said so, nothing searched.
    if (last && last.proxyName === ctx.message.text.trim()) {
      const text = ctx.t('relief.checkin.alreadyRecorded', { name: last.name, at: last.at });
      return void (await ctx.reply(text, { reply_markup: deskEndMarkup(ctx.t) }));
    }
    const found = await relief.findForCheckin(ctx.message.text);
    if (found.kind === 'code') return showDeskCard(ctx, found.recipient.id, 'c');
    const card = pickCard(ctx.t, found.recipients);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.checkinCard, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showDeskCard(ctx, Number(ctx.match[1]), 's');
  });

  /**
   * At the desk every outcome is a message in the chat, refusals included ("already collected by … at …"): staff
   * read it while the person waits, and an alert would vanish. The desk card the pickup was recorded from is edited
   * to show it, without the buttons that would record it again. The desk flow stays open for the next person.
   */
  async function record(
    ctx: BotContext,
    req: { rid: number; by: CheckinBy; method: DeskMethod; card: number | undefined },
    done?: Done<Checkin>,
  ) {
    try {
      const p = await relief.checkIn(ctx.user.id, req.rid, req.by, req.method === 'c' ? 'code' : 'search', done);
      const found = await relief.deskCard(req.rid);
      if (found && req.card !== undefined && ctx.chat) {
        const card = deskCard(ctx.t, ctx.locale, tz, found, req.method);
        await ctx.api.editMessageText(ctx.chat.id, req.card, card.text, { reply_markup: card.markup }).catch(() => {});
      }
      const atDesk = inFlow(checkinFlow)(ctx) || done !== undefined;
      await ctx.reply(checkedInText(ctx.t, tz, p, atDesk), atDesk ? { reply_markup: deskEndMarkup(ctx.t) } : {});
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      await ctx.reply(ctx.t(domainErrorKey(e.code), e.params));
    }
  }

  // Confirmation buttons check the role again: a resident pressing forged data is refused before anything is read.
  const method = (s: string | undefined): DeskMethod => (s === 'c' ? 'c' : 's');
  const cardOf = (ctx: BotContext) => ctx.callbackQuery?.message?.message_id;
  bot.callbackQuery(RX.collected, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await record(ctx, { rid: Number(ctx.match[1]), by: {}, method: method(ctx.match[2]), card: cardOf(ctx) });
  });
  bot.callbackQuery(RX.collectedByProxy, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    const by = { proxyId: Number(ctx.match[2]) };
    await record(ctx, { rid: Number(ctx.match[1]), by, method: method(ctx.match[3]), card: cardOf(ctx) });
  });
  bot.callbackQuery(RX.collectedByOther, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    const r = await relief.recipient(Number(ctx.match[1]));
    if (!r) return;
    await ctx.setFlow(checkinFlow, 'proxyName', { rid: r.id, method: method(ctx.match[2]), card: cardOf(ctx) });
    await ctx.reply(ctx.t('relief.checkin.askProxy', { name: r.name }));
  });

  /**
   * Back to the desk inside the pickup's transaction (ctx.setFlow writes on its own): the pickup and the step after
   * it commit together, and the desk remembers the name so that the same message arriving again is recognised.
   */
  const backToDesk =
    (ctx: BotContext, proxyName: string) =>
    (made: Checkin): TxHook =>
    async (trx) => {
      const last = { proxyName, name: made.recipientName, at: localStamp(made.collectedAt, tz) };
      const next = { name: checkinFlow.name, step: 'query', data: { last } };
      await saveFlow(trx, ctx.user.id, next, clock.now());
      ctx.flow = next;
    };

  pm.on('message:text').filter(inFlow(checkinFlow, 'proxyName'), staff, async (ctx) => {
    const { rid, method: m, card } = ctx.flow.data;
    if (rid === undefined || m === undefined) throw new FlowIncomplete();
    const proxyName = parseProxyName(ctx.message.text);
    const done = backToDesk(ctx, proxyName);
    await record(ctx, { rid, by: { proxyName }, method: m, card }, (trx, made) => done(made)(trx));
    // Refused (already collected): the desk opens for the next person all the same.
    if (inFlow(checkinFlow, 'proxyName')(ctx)) await ctx.setFlow(checkinFlow, 'query', {});
  });

  // ---- monthly report

  async function showReport(ctx: BotContext, month: string) {
    const card = reportCard(ctx.t, ctx.locale, await relief.monthReport(month));
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  pm.command('relief_report', staff, (ctx) => showReport(ctx, relief.thisMonth()));
  bot.callbackQuery(RX.report, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showReport(ctx, monthFromData(ctx.match[1]!));
  });
  bot.callbackQuery(RX.reportPage, staff, async (ctx) => {
    const card = reportCard(ctx.t, ctx.locale, await relief.monthReport(monthFromData(ctx.match[1]!)), +ctx.match[2]!);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });
  // The file speaks the language of whoever asked for it.
  bot.callbackQuery(RX.reportCsv, staff, async (ctx) => {
    const month = monthFromData(ctx.match[1]!);
    await ctx.answerCallbackQuery();
    const csv = await relief.monthReportFile(ctx.user.id, month, ctx.t);
    await ctx.replyWithDocument(new InputFile(csv, `relief-${month}.csv`), {
      caption: ctx.t('relief.report.csvCaption', { month: monthText(ctx.locale, month) }),
    });
  });

  return bot;
}
