import { Composer, Keyboard } from 'grammy';
import { localDate } from '../../../../core/time';
import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { inFlow, isKeyText } from '../../../../telegram/middlewares/match';
import { CB, RX } from '../../callbacks';
import { FlowIncomplete } from '../../errors';
import { addFlow, editFlow } from '../../flows';
import { type Category, type EditableField, parseName, parsePhone } from '../../recipients';
import type { ReliefService } from '../../service';
import { categoryChoice, editQuestion, recipientCard, rosterCard, staffMenuCard } from '../../views/staff';

/** The roster in the bot: the staff panel, the list, a person's card, adding and editing, links. */
export function rosterBot(relief: ReliefService, { telegram }: Pick<Platform, 'telegram'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const tz = relief.policy.timezone;

  const skipKeyboard = (ctx: BotContext) =>
    new Keyboard().text(ctx.t('relief.add.skip')).text(ctx.t('common.cancelButton')).resized().oneTime();
  const skipped = (ctx: BotContext & { message: { text: string } }) =>
    isKeyText('relief.add.skip')(ctx) || ctx.message.text.trim() === '-';

  async function showStaffMenu(ctx: BotContext) {
    const card = staffMenuCard(ctx.t, ctx.locale, await relief.overview());
    await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('roster', staff, showStaffMenu);
  bot.callbackQuery(CB.staffMenu, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showStaffMenu(ctx);
  });

  bot.callbackQuery(RX.roster, staff, async (ctx) => {
    const card = rosterCard(ctx.t, await relief.roster(), Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  async function showCard(ctx: BotContext, rid: number) {
    const r = await relief.recipient(rid);
    if (!r) return void (await ctx.reply(ctx.t('relief.errors.recipientNotFound')));
    const card = recipientCard(ctx.t, r, await relief.proxiesOf(rid));
    await ctx.reply(card.text, { reply_markup: card.markup });
  }
  bot.callbackQuery(RX.card, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showCard(ctx, Number(ctx.match[1]));
  });

  for (const [rx, active] of [
    [RX.deactivate, false],
    [RX.reactivate, true],
  ] as const) {
    bot.callbackQuery(rx, staff, async (ctx) => {
      const r = await relief.setActive(ctx.user.id, Number(ctx.match[1]), active);
      const key = active ? 'relief.staff.reactivated' : 'relief.staff.deactivated';
      await ctx.answerCallbackQuery({ text: ctx.t(key, { name: r.name }) });
      await showCard(ctx, r.id);
    });
  }

  bot.callbackQuery(RX.link, staff, async (ctx) => {
    const { code, expiresAt, recipient } = await relief.createRecipientLink(ctx.user.id, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    const link = `https://t.me/${telegram.botUsername()}?start=rl_${code}`;
    const expires = localDate(new Date(expiresAt), tz);
    await ctx.reply(ctx.t('relief.staff.linkCreated', { name: recipient.name, link, expires }));
  });

  // ---- adding and editing: multi-step, every step checked for the role again

  bot.callbackQuery(CB.add, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(addFlow, 'name', {});
    await ctx.reply(ctx.t('relief.add.askName'));
  });

  pm.on('message:text').filter(inFlow(addFlow, 'name'), staff, async (ctx) => {
    const name = parseName(ctx.message.text);
    await ctx.setFlow(addFlow, 'category', { name });
    await ctx.reply(ctx.t('relief.add.askCategory', { name }), { reply_markup: categoryChoice(ctx.t) });
  });

  async function saveEdit(ctx: BotContext, rid: number, field: EditableField, value: string) {
    await relief.editRecipient(ctx.user.id, rid, field, value, ctx.flowEnd());
    await ctx.reply(ctx.t('relief.edit.done'), { reply_markup: ctx.mainMenu() });
    await showCard(ctx, rid);
  }

  bot.callbackQuery(RX.category, staff, async (ctx) => {
    const category = ctx.match[1] as Category;
    if (inFlow(addFlow, 'category')(ctx)) {
      await ctx.answerCallbackQuery();
      await ctx.setFlow(addFlow, 'phone', { ...ctx.flow.data, category });
      await ctx.reply(ctx.t('relief.add.askPhone'), { reply_markup: skipKeyboard(ctx) });
      return;
    }
    if (inFlow(editFlow, 'value')(ctx) && ctx.flow.data.field === 'category') {
      await ctx.answerCallbackQuery();
      await saveEdit(ctx, ctx.flow.data.rid, 'category', category);
      return;
    }
    await ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  });

  pm.on('message:text').filter(inFlow(addFlow, 'phone'), staff, async (ctx) => {
    const phone = skipped(ctx) ? null : parsePhone(ctx.message.text);
    await ctx.setFlow(addFlow, 'notes', { ...ctx.flow.data, phone });
    await ctx.reply(ctx.t('relief.add.askNotes'), { reply_markup: skipKeyboard(ctx) });
  });

  pm.on('message:text').filter(inFlow(addFlow, 'notes'), staff, async (ctx) => {
    const { name, category, phone } = ctx.flow.data;
    if (name === undefined || category === undefined || phone === undefined) throw new FlowIncomplete();
    const notes = skipped(ctx) ? null : ctx.message.text;
    const id = await relief.addRecipient(ctx.user.id, { name, category, phone, notes }, ctx.flowEnd());
    await ctx.reply(ctx.t('relief.add.done', { name }), { reply_markup: ctx.mainMenu() });
    await showCard(ctx, id);
  });

  bot.callbackQuery(RX.edit, staff, async (ctx) => {
    const rid = Number(ctx.match[1]);
    const field = ctx.match[2] as EditableField;
    const r = await relief.recipient(rid);
    if (!r) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(editFlow, 'value', { rid, field });
    const q = editQuestion(ctx.t, field, r.name);
    await ctx.reply(q.text, { reply_markup: q.markup ?? (field === 'name' ? undefined : skipKeyboard(ctx)) });
  });

  pm.on('message:text').filter(inFlow(editFlow, 'value'), staff, async (ctx) => {
    const { rid, field } = ctx.flow.data;
    if (field === 'category') return void (await ctx.reply(ctx.t('relief.edit.useButtons')));
    await saveEdit(ctx, rid, field, skipped(ctx) ? '' : ctx.message.text);
  });

  return bot;
}
