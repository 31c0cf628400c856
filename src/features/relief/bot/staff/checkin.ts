import { Composer, InputFile } from 'grammy';
import { DomainError } from '../../../../core/errors';
import type { BotContext } from '../../../../telegram/context';
import { domainErrorKey } from '../../../../telegram/errors';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { inFlow } from '../../../../telegram/middlewares/match';
import { splitText } from '../../../../telegram/text';
import { CB, type DeskMethod, monthFromData, RX } from '../../callbacks';
import { FlowIncomplete } from '../../errors';
import { checkinFlow } from '../../flows';
import { parseProxyName } from '../../recipients';
import type { CheckinBy, ReliefService } from '../../service';
import { monthText } from '../../views/common';
import { checkedInText, deskCard, pickCard, reportCard } from '../../views/desk';

/** The pickup desk (staff stay in it and type one code or name after another) and the monthly report. */
export function checkinBot(relief: ReliefService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const tz = relief.policy.timezone;

  async function startDesk(ctx: BotContext) {
    await ctx.setFlow(checkinFlow, 'query', {});
    await ctx.reply(ctx.t('relief.checkin.ask'));
  }
  pm.command('checkin', staff, startDesk);
  bot.callbackQuery(CB.checkin, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await startDesk(ctx);
  });

  async function showDeskCard(ctx: BotContext, rid: number, method: DeskMethod) {
    const found = await relief.deskCard(rid);
    if (!found) return void (await ctx.reply(ctx.t('relief.errors.recipientNotFound')));
    const card = deskCard(ctx.t, ctx.locale, tz, found, method);
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  pm.on('message:text').filter(inFlow(checkinFlow, 'query'), staff, async (ctx) => {
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
   * read it while the person waits, and an alert would vanish. The desk flow stays open for the next person.
   */
  async function record(ctx: BotContext, rid: number, by: CheckinBy, method: DeskMethod) {
    try {
      const p = await relief.checkIn(ctx.user.id, rid, by, method === 'c' ? 'code' : 'search');
      await ctx.reply(checkedInText(ctx.t, tz, p, inFlow(checkinFlow)(ctx)));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      await ctx.reply(ctx.t(domainErrorKey(e.code), e.params));
    }
  }

  // Confirmation buttons check the role again: a resident pressing forged data is refused before anything is read.
  bot.callbackQuery(RX.collected, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await record(ctx, Number(ctx.match[1]), {}, ctx.match[2] === 'c' ? 'c' : 's');
  });
  bot.callbackQuery(RX.collectedByProxy, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await record(ctx, Number(ctx.match[1]), { proxyId: Number(ctx.match[2]) }, ctx.match[3] === 'c' ? 'c' : 's');
  });
  bot.callbackQuery(RX.collectedByOther, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    const r = await relief.recipient(Number(ctx.match[1]));
    if (!r) return;
    await ctx.setFlow(checkinFlow, 'proxyName', { rid: r.id, method: ctx.match[2] === 'c' ? 'c' : 's' });
    await ctx.reply(ctx.t('relief.checkin.askProxy', { name: r.name }));
  });

  pm.on('message:text').filter(inFlow(checkinFlow, 'proxyName'), staff, async (ctx) => {
    const { rid, method } = ctx.flow.data;
    if (rid === undefined || method === undefined) throw new FlowIncomplete();
    const proxyName = parseProxyName(ctx.message.text);
    // Back to the desk step first, so the next code can be typed straight after.
    await ctx.setFlow(checkinFlow, 'query', {});
    await record(ctx, rid, { proxyName }, method);
  });

  // ---- monthly report

  async function showReport(ctx: BotContext, month: string) {
    const card = reportCard(ctx.t, ctx.locale, await relief.monthReport(month));
    const parts = splitText(card.text);
    for (const [i, part] of parts.entries())
      await ctx.reply(part, i === parts.length - 1 ? { reply_markup: card.markup } : {});
  }

  pm.command('relief_report', staff, (ctx) => showReport(ctx, relief.thisMonth()));
  bot.callbackQuery(RX.report, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showReport(ctx, monthFromData(ctx.match[1]!));
  });
  bot.callbackQuery(RX.reportCsv, staff, async (ctx) => {
    const month = monthFromData(ctx.match[1]!);
    await ctx.answerCallbackQuery();
    const csv = await relief.monthReportCsv(month);
    await ctx.replyWithDocument(new InputFile(Buffer.from(csv, 'utf8'), `relief-${month}.csv`), {
      caption: ctx.t('relief.report.csvCaption', { month: monthText(ctx.locale, month) }),
    });
  });

  return bot;
}
