import { Composer, Keyboard } from 'grammy';
import { parseDate } from '../../../../core/dates';
import type { BotContext } from '../../../../telegram/context';
import { cancelKeyboard } from '../../../../telegram/keyboards';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { finished, inFlow } from '../../../../telegram/middlewares/match';
import { RX } from '../../callbacks';
import { meetingFlow } from '../../flows';
import { fits, TEXT_LIMITS } from '../../policy';
import type { PetitionsService } from '../../service';
import { dateWords, meetingDepartments, meetingItems, meetingPreview, nameOf } from '../../views';
import { actor } from './handling';

/**
 * 代表·局长面对面: the date (今天 / 昨天 or any way of writing a day, echoed back in words) → departments present →
 * the petitions discussed, picked from the deputy's open ones → outcome → a preview of what residents will be told
 * → sent. Sending, the end of the flow and every notice commit together; a second "send" sends nothing.
 */
export function meetingBot(petitions: PetitionsService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const handler = requireRole('deputy', 'staff');
  const reader = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, tz: petitions.policy.timezone });

  const dateKeyboard = (ctx: BotContext) =>
    new Keyboard()
      .text(ctx.t('petitions.meeting.today'))
      .text(ctx.t('petitions.meeting.yesterday'))
      .row()
      .text(ctx.t('common.cancelButton'))
      .resized()
      .oneTime();

  async function start(ctx: BotContext) {
    await ctx.setFlow(meetingFlow, 'date', {});
    await ctx.reply(ctx.t('petitions.meeting.askDate'), { reply_markup: dateKeyboard(ctx) });
  }
  pm.command('meeting', handler, start);
  // The workbench's task button: the same as /meeting.
  bot.callbackQuery(RX.meetingStart, handler, async (ctx) => {
    await ctx.answerCallbackQuery();
    await start(ctx);
  });

  // Commands end a flow before these run (core-bot), so every text here is meant for the step.
  pm.on('message:text').filter(inFlow(meetingFlow, 'date'), handler, async (ctx) => {
    const today = petitions.today();
    const date = parseDate(ctx.message.text, today, 'past');
    if (!date || date > today)
      return void (await ctx.reply(ctx.t('petitions.meeting.dateAgain'), { reply_markup: dateKeyboard(ctx) }));
    await ctx.setFlow(meetingFlow, 'departments', { date, departments: [] });
    await ctx.reply(ctx.t('petitions.meeting.dateSet', { date: dateWords(reader(ctx), date, today) }), {
      reply_markup: cancelKeyboard(ctx),
    });
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

  async function showItems(ctx: BotContext, chosen: number[], page: number, edit: boolean) {
    const card = meetingItems(reader(ctx), await petitions.meetingChoices(actor(ctx)), chosen, page);
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  bot.callbackQuery(RX.meetingDeptsDone, handler).filter(inFlow(meetingFlow, 'departments'), async (ctx) => {
    await ctx.setFlow(meetingFlow, 'items', { ...ctx.flow.data, items: [] });
    await ctx.answerCallbackQuery();
    const all = await petitions.departments();
    const names = all.filter((d) => ctx.flow.data.departments?.includes(d.id)).map((d) => nameOf(reader(ctx), d));
    const present = names.join('、') || ctx.t('petitions.meeting.noDepartments');
    await ctx.editMessageText(ctx.t('petitions.meeting.deptsSet', { departments: present }));
    await showItems(ctx, [], 0, false);
  });

  // A petition is checked as it is picked: one that is closed, gone or not the deputy's is named, nothing changes.
  bot.callbackQuery(RX.meetingItem, handler).filter(inFlow(meetingFlow, 'items'), async (ctx) => {
    const id = Number(ctx.match[1]);
    const chosen = ctx.flow.data.items ?? [];
    if (!chosen.includes(id)) await petitions.meetingItem(actor(ctx), id);
    const next = chosen.includes(id) ? chosen.filter((x) => x !== id) : [...chosen, id];
    await ctx.setFlow(meetingFlow, 'items', { ...ctx.flow.data, items: next });
    await ctx.answerCallbackQuery();
    const open = await petitions.meetingChoices(actor(ctx));
    const page = Math.floor(
      Math.max(
        0,
        open.findIndex((p) => p.id === id),
      ) / 8,
    );
    await ctx.editMessageReplyMarkup({ reply_markup: meetingItems(reader(ctx), open, next, page).markup });
  });

  bot.callbackQuery(RX.meetingItems, handler).filter(inFlow(meetingFlow, 'items'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await showItems(ctx, ctx.flow.data.items ?? [], Number(ctx.match[1]), true);
  });

  // A flow saved while the numbers were still typed, or a number typed anyway: the buttons are the way.
  pm.on('message:text').filter(inFlow(meetingFlow, 'items'), handler, (ctx) =>
    showItems(ctx, ctx.flow.data.items ?? [], 0, false),
  );

  const askOutcome = (ctx: BotContext) =>
    ctx.reply(ctx.t('petitions.meeting.askOutcome'), { reply_markup: cancelKeyboard(ctx) });

  bot.callbackQuery(RX.meetingItemsDone, handler).filter(inFlow(meetingFlow, 'items'), async (ctx) => {
    const items = ctx.flow.data.items ?? [];
    if (items.length === 0) return ctx.answerCallbackQuery({ text: ctx.t('petitions.meeting.itemsAgain') });
    await ctx.setFlow(meetingFlow, 'outcome', ctx.flow.data);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('petitions.meeting.itemsSet', { ids: items.map((x) => `#${x}`).join(' ') }));
    await askOutcome(ctx);
  });

  const input = (d: { date?: string; departments?: number[]; items?: number[] }, outcome: string) => ({
    heldOn: d.date ?? petitions.today(),
    departmentIds: d.departments ?? [],
    petitionIds: d.items ?? [],
    outcome,
  });

  pm.on('message:text').filter(inFlow(meetingFlow, 'outcome'), handler, async (ctx) => {
    const text = ctx.message.text.trim();
    if (!fits(text, TEXT_LIMITS.handler)) return void (await ctx.reply(ctx.t('petitions.handle.textAgain')));
    const preview = await petitions.previewMeeting(actor(ctx), input(ctx.flow.data, text));
    await ctx.setFlow(meetingFlow, 'preview', { ...ctx.flow.data, outcome: text });
    const card = meetingPreview(reader(ctx), input(ctx.flow.data, text).heldOn, petitions.today(), text, preview);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.meetingRewrite, handler).filter(inFlow(meetingFlow, 'preview'), async (ctx) => {
    await ctx.setFlow(meetingFlow, 'outcome', ctx.flow.data);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await askOutcome(ctx);
  });

  bot.callbackQuery(RX.meetingSend, handler).filter(inFlow(meetingFlow, 'preview'), async (ctx) => {
    const m = input(ctx.flow.data, ctx.flow.data.outcome ?? '');
    await petitions.recordMeeting(actor(ctx), m, (id) => ctx.flowEnd({ id }));
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await ctx.reply(ctx.t('petitions.meeting.done', { n: m.petitionIds.length }), { reply_markup: ctx.mainMenu() });
  });

  // "Send" pressed again (a second tap, or Telegram redelivering after a crash): already sent, nothing happens.
  bot.callbackQuery(RX.meetingSend, handler).filter(finished(meetingFlow), async (ctx) => {
    await ctx.answerCallbackQuery({ text: ctx.t('petitions.meeting.alreadySent'), show_alert: true });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
  });

  return bot;
}
