import { Composer } from 'grammy';
import { isDate } from '../../../../core/time';
import type { BotContext } from '../../../../telegram/context';
import { cancelKeyboard } from '../../../../telegram/keyboards';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { inFlow } from '../../../../telegram/middlewares/match';
import { RX } from '../../callbacks';
import { meetingFlow } from '../../flows';
import { fits, TEXT_LIMITS } from '../../policy';
import type { PetitionsService } from '../../service';
import { meetingDepartments } from '../../views';
import { actor } from './handling';

/** 代表·局长面对面: date → departments present → petitions discussed → outcome. */
export function meetingBot(petitions: PetitionsService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const handler = requireRole('deputy', 'staff');
  const reader = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, tz: petitions.policy.timezone });

  pm.command('meeting', handler, async (ctx) => {
    await ctx.setFlow(meetingFlow, 'date', {});
    await ctx.reply(ctx.t('petitions.meeting.askDate', { today: petitions.today() }), {
      reply_markup: cancelKeyboard(ctx),
    });
  });

  // Commands end a flow before these run (core-bot), so every text here is meant for the step.
  pm.on('message:text').filter(inFlow(meetingFlow, 'date'), handler, async (ctx) => {
    const text = ctx.message.text.trim();
    const today = petitions.today();
    const date = /^(今天|today)$/i.test(text) ? today : text;
    if (!isDate(date) || date > today) return void (await ctx.reply(ctx.t('petitions.meeting.dateAgain')));
    await ctx.setFlow(meetingFlow, 'departments', { date, departments: [] });
    const card = meetingDepartments(reader(ctx), await petitions.departments(), []);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.meetingDept, handler).filter(inFlow(meetingFlow, 'departments'), async (ctx) => {
    const id = Number(ctx.match[1]);
    const departments = await petitions.departments();
    if (!departments.some((d) => d.id === id)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    const chosen = ctx.flow.data.departments ?? [];
    const next = chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id];
    await ctx.setFlow(meetingFlow, 'departments', { ...ctx.flow.data, departments: next });
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup({ reply_markup: meetingDepartments(reader(ctx), departments, next).markup });
  });

  bot.callbackQuery(RX.meetingDeptsDone, handler).filter(inFlow(meetingFlow, 'departments'), async (ctx) => {
    await ctx.setFlow(meetingFlow, 'items', ctx.flow.data);
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('petitions.meeting.askItems'));
  });

  // A number that is not the deputy's is named by the service (NotMeetingItem) and the step stays open.
  pm.on('message:text').filter(inFlow(meetingFlow, 'items'), handler, async (ctx) => {
    const ids = [...ctx.message.text.matchAll(/\d{1,9}/g)].map((m) => Number(m[0]));
    if (ids.length === 0) return void (await ctx.reply(ctx.t('petitions.meeting.itemsAgain')));
    await petitions.checkMeetingItems(actor(ctx), ids);
    await ctx.setFlow(meetingFlow, 'outcome', { ...ctx.flow.data, items: ids });
    await ctx.reply(ctx.t('petitions.meeting.askOutcome'));
  });

  pm.on('message:text').filter(inFlow(meetingFlow, 'outcome'), handler, async (ctx) => {
    const text = ctx.message.text.trim();
    if (!fits(text, TEXT_LIMITS.handler)) return void (await ctx.reply(ctx.t('petitions.handle.textAgain')));
    const d = ctx.flow.data;
    const meeting = {
      heldOn: d.date ?? petitions.today(),
      departmentIds: d.departments ?? [],
      petitionIds: d.items ?? [],
    };
    await petitions.recordMeeting(actor(ctx), { ...meeting, outcome: text }, ctx.flowEnd());
    await ctx.reply(ctx.t('petitions.meeting.done', { n: meeting.petitionIds.length }), {
      reply_markup: ctx.mainMenu(),
    });
  });

  return bot;
}
