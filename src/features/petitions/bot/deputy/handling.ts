import { Composer } from 'grammy';
import type { BotContext } from '../../../../telegram/context';
import { cancelKeyboard } from '../../../../telegram/keyboards';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { inFlow } from '../../../../telegram/middlewares/match';
import { splitText } from '../../../../telegram/text';
import type { ResidentsService } from '../../../residents/service';
import { parseListFilter, RX } from '../../callbacks';
import { actFlow } from '../../flows';
import { fits, TEXT_LIMITS } from '../../policy';
import type { Actor, PetitionsService } from '../../service';
import { departmentChoice, filterChoice, handlerCard, listCard, nameOf, statusChoice } from '../../views';

export const actor = (ctx: BotContext): Actor => ({ id: ctx.user.id, roles: ctx.roles });

/** Deputies (and staff) work through the petitions of their communities: list, card, acknowledge, status, reply. */
export function handlingBot(petitions: PetitionsService, residents: ResidentsService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const handler = requireRole('deputy', 'staff');
  const reader = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, tz: petitions.policy.timezone });

  async function showList(ctx: BotContext, filter: string, page: number, edit: boolean) {
    const list = await petitions.listForHandler(actor(ctx), parseListFilter(filter));
    const card = listCard(ctx.t, list, filter, page);
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  pm.command('petitions', handler, async (ctx) => {
    const filters = filterChoice(reader(ctx), await residents.communities());
    await ctx.reply(filters.text, { reply_markup: filters.markup });
    await showList(ctx, 'o', 0, false);
  });

  bot.callbackQuery(RX.list, handler, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showList(ctx, ctx.match[1]!, Number(ctx.match[2]), true);
  });

  // The card may run past Telegram's limit (a long timeline): the first parts go as they are, buttons under the last.
  bot.callbackQuery(RX.handle, handler, async (ctx) => {
    const card = handlerCard(reader(ctx), await petitions.handlerView(actor(ctx), Number(ctx.match[1])));
    const chunks = splitText(card.text);
    const last = chunks.pop()!;
    for (const c of chunks) await ctx.reply(c);
    await ctx.reply(last, { reply_markup: card.markup });
    await ctx.answerCallbackQuery();
  });

  bot.callbackQuery(RX.ack, handler, async (ctx) => {
    const p = await petitions.acknowledge(actor(ctx), Number(ctx.match[1]));
    await ctx.answerCallbackQuery({ text: ctx.t('petitions.handle.acknowledged', { id: p.id }) });
    await ctx.reply(ctx.t('petitions.handle.acknowledged', { id: p.id }));
  });

  bot.callbackQuery(RX.statusMenu, handler, async (ctx) => {
    const p = await petitions.forHandler(actor(ctx), Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    const card = statusChoice(ctx.t, p.id);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.setStatus, handler, async (ctx) => {
    const status = ctx.match[2] === 'accepted' ? 'accepted' : 'investigating';
    const p = await petitions.setStatus(actor(ctx), Number(ctx.match[1]), { status });
    await ctx.answerCallbackQuery();
    const text = ctx.t('petitions.handle.statusSet', { id: p.id, status: ctx.t(`petitions.status.${status}`) });
    await ctx.editMessageText(text);
  });

  bot.callbackQuery(RX.transferMenu, handler, async (ctx) => {
    const p = await petitions.forHandler(actor(ctx), Number(ctx.match[1]));
    const card = departmentChoice(reader(ctx), p.id, await petitions.departments());
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.transfer, handler, async (ctx) => {
    const change = { status: 'transferred' as const, departmentId: Number(ctx.match[2]) };
    const p = await petitions.setStatus(actor(ctx), Number(ctx.match[1]), change);
    const department = nameOf(reader(ctx), await petitions.department(change.departmentId));
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('petitions.handle.transferred', { id: p.id, department }));
  });

  // Steps that need a text from the handler: a question, a reply, what was done, why it cannot be done.
  const TEXT_STEPS = [
    [RX.askInfo, 'info'],
    [RX.reply, 'reply'],
    [RX.resolve, 'resolve'],
    [RX.unresolvable, 'unresolvable'],
  ] as const;
  for (const [rx, step] of TEXT_STEPS) {
    bot.callbackQuery(rx, handler, async (ctx) => {
      const id = Number(ctx.match[1]);
      const closing = step === 'resolve' || step === 'unresolvable';
      const p = closing ? await petitions.openForHandler(actor(ctx), id) : await petitions.forHandler(actor(ctx), id);
      await ctx.answerCallbackQuery();
      await ctx.setFlow(actFlow, step, { id: p.id });
      await ctx.reply(ctx.t(`petitions.handle.ask.${step}`, { id: p.id }), { reply_markup: cancelKeyboard(ctx) });
    });
  }

  // The action, the end of the step and the residents' notices commit together.
  pm.on('message:text').filter(inFlow(actFlow), handler, async (ctx) => {
    const text = ctx.message.text.trim();
    if (!fits(text, TEXT_LIMITS.handler))
      return void (await ctx.reply(ctx.t('petitions.handle.textAgain'), { reply_markup: cancelKeyboard(ctx) }));
    const { id } = ctx.flow.data;
    const step = ctx.flow.step;
    const done = ctx.flowEnd();
    if (step === 'info') await petitions.askInformation(actor(ctx), id, text, done);
    else if (step === 'reply') await petitions.replyToPetitioner(actor(ctx), id, text, done);
    else {
      const status = step === 'resolve' ? 'resolved' : 'unresolvable';
      await petitions.setStatus(actor(ctx), id, { status, note: text }, done);
    }
    await ctx.reply(ctx.t(`petitions.handle.done.${step}`, { id }), { reply_markup: ctx.mainMenu() });
  });

  return bot;
}
