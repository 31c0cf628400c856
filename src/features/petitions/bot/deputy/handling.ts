import { Composer } from 'grammy';
import type { BotContext } from '../../../../telegram/context';
import { cancelKeyboard } from '../../../../telegram/keyboards';
import { type Button, markup } from '../../../../telegram/markup';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { inFlow } from '../../../../telegram/middlewares/match';
import { splitText } from '../../../../telegram/text';
import type { ResidentsService } from '../../../residents/service';
import { parseListFilter, RX } from '../../callbacks';
import { actFlow } from '../../flows';
import { fits, TEXT_LIMITS } from '../../policy';
import type { Actor, PetitionsService } from '../../service';
import type { Petition } from '../../store';
import {
  type Card,
  departmentChoice,
  filterChoice,
  handlerCard,
  listCard,
  nameOf,
  renderContent,
  statusChoice,
} from '../../views';

export const actor = (ctx: BotContext): Actor => ({ id: ctx.user.id, roles: ctx.roles });

/** The message a button was pressed on, if it is a text message (a card) that can be edited in place. */
const tappedText = (ctx: BotContext) => {
  const m = ctx.callbackQuery?.message;
  return m !== undefined && 'text' in m && typeof m.text === 'string' ? m.message_id : undefined;
};

/**
 * Deputies (and staff) work through the petitions of their communities: list, card, acknowledge, status, reply. An
 * action taken from a card edits that card to the petition's new state, with the buttons valid now; the outbox
 * updates the same card in every other handler's chat.
 */
export function handlingBot(petitions: PetitionsService, residents: ResidentsService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const handler = requireRole('deputy', 'staff');
  const reader = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, tz: petitions.policy.timezone });
  const place = (p: Petition) => p.place;

  /** The card as it is now, in place of the one tapped (a photo keeps its picture: the card comes below it). */
  async function showCard(ctx: BotContext, id: number) {
    const card = renderContent(reader(ctx), await petitions.cardFor(actor(ctx), id));
    const opts = { reply_markup: card.markup, link_preview_options: { is_disabled: true } };
    if (tappedText(ctx) !== undefined) return void (await ctx.editMessageText(card.text, opts));
    await ctx.editMessageReplyMarkup();
    await ctx.reply(card.text, opts);
  }

  const showButtons = (ctx: BotContext, rows: Button[][]) => ctx.editMessageReplyMarkup({ reply_markup: markup(rows) });

  async function showList(ctx: BotContext, filter: string, page: number, edit: boolean) {
    const list = await petitions.listForHandler(actor(ctx), parseListFilter(filter));
    const card = listCard(ctx.t, list, filter, page);
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }

  async function openList(ctx: BotContext) {
    const filters = filterChoice(reader(ctx), await residents.communities(), await petitions.categories());
    await ctx.reply(filters.text, { reply_markup: filters.markup });
    await showList(ctx, 'o', 0, false);
  }
  pm.command('petitions', handler, openList);
  // The workbench's task button: the same as /petitions.
  bot.callbackQuery(RX.work, handler, async (ctx) => {
    await ctx.answerCallbackQuery();
    await openList(ctx);
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

  bot.callbackQuery(RX.card, handler, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showCard(ctx, Number(ctx.match[1]));
  });

  bot.callbackQuery(RX.ack, handler, async (ctx) => {
    const p = await petitions.acknowledge(actor(ctx), Number(ctx.match[1]));
    await ctx.answerCallbackQuery({ text: ctx.t('petitions.handle.acknowledged', { id: p.id, place: place(p) }) });
    await showCard(ctx, p.id);
  });

  bot.callbackQuery(RX.statusMenu, handler, async (ctx) => {
    const p = await petitions.openForHandler(actor(ctx), Number(ctx.match[1]));
    await ctx.answerCallbackQuery({ text: ctx.t('petitions.handle.chooseStatus', { id: p.id }) });
    await showButtons(ctx, statusChoice(ctx.t, p));
  });

  bot.callbackQuery(RX.setStatus, handler, async (ctx) => {
    const status = ctx.match[2] === 'accepted' ? 'accepted' : 'investigating';
    const p = await petitions.setStatus(actor(ctx), Number(ctx.match[1]), { status });
    const change = ctx.t(`petitions.status.${status}`);
    await ctx.answerCallbackQuery({ text: ctx.t('petitions.handle.statusSet', { id: p.id, place: p.place, change }) });
    await showCard(ctx, p.id);
  });

  bot.callbackQuery(RX.transferMenu, handler, async (ctx) => {
    const p = await petitions.openForHandler(actor(ctx), Number(ctx.match[1]));
    await ctx.answerCallbackQuery({ text: ctx.t('petitions.handle.chooseDepartment', { id: p.id }) });
    await showButtons(ctx, departmentChoice(reader(ctx), p, await petitions.departments()));
  });

  bot.callbackQuery(RX.transfer, handler, async (ctx) => {
    const change = { status: 'transferred' as const, departmentId: Number(ctx.match[2]) };
    const p = await petitions.setStatus(actor(ctx), Number(ctx.match[1]), change);
    const department = nameOf(reader(ctx), await petitions.department(change.departmentId));
    await ctx.answerCallbackQuery({
      text: ctx.t('petitions.handle.transferred', { id: p.id, place: p.place, department }),
    });
    await showCard(ctx, p.id);
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
      const p = await petitions.openForHandler(actor(ctx), Number(ctx.match[1]));
      await ctx.answerCallbackQuery();
      await ctx.setFlow(actFlow, step, { id: p.id, messageId: tappedText(ctx) });
      await ctx.reply(ctx.t(`petitions.handle.ask.${step}`, { id: p.id, place: p.place }), {
        reply_markup: cancelKeyboard(ctx),
      });
    });
  }

  /** After a text step, the card the handler started from shows the new state too. */
  async function refresh(ctx: BotContext, id: number, messageId: number | undefined) {
    if (messageId === undefined || !ctx.chat) return;
    const card: Card = renderContent(reader(ctx), await petitions.cardFor(actor(ctx), id));
    const opts = { reply_markup: card.markup, link_preview_options: { is_disabled: true } };
    // The card may be gone (deleted by its holder) or already current (the outbox got there first): both are fine.
    await ctx.api.editMessageText(ctx.chat.id, messageId, card.text, opts).catch(() => undefined);
  }

  // The action, the end of the step and the residents' notices commit together.
  pm.on('message:text').filter(inFlow(actFlow), handler, async (ctx) => {
    const text = ctx.message.text.trim();
    if (!fits(text, TEXT_LIMITS.handler))
      return void (await ctx.reply(ctx.t('petitions.handle.textAgain'), { reply_markup: cancelKeyboard(ctx) }));
    const { id, messageId } = ctx.flow.data;
    const step = ctx.flow.step;
    const done = ctx.flowEnd({ id });
    if (step === 'info') await petitions.askInformation(actor(ctx), id, text, done);
    else if (step === 'reply') await petitions.replyToPetitioner(actor(ctx), id, text, done);
    else {
      const status = step === 'resolve' ? 'resolved' : 'unresolvable';
      await petitions.setStatus(actor(ctx), id, { status, note: text }, done);
    }
    await ctx.reply(ctx.t(`petitions.handle.done.${step}`, { id }), { reply_markup: ctx.mainMenu() });
    if (step !== 'info') await refresh(ctx, id, messageId);
  });

  return bot;
}
