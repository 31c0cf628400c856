import { Composer } from 'grammy';
import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import { cancelKeyboard } from '../../../../telegram/keyboards';
import { inFlow, isKeyText } from '../../../../telegram/middlewares/match';
import { splitText } from '../../../../telegram/text';
import { petitionLink, RX } from '../../callbacks';
import { PetitionNotFound } from '../../errors';
import { againFlow, filingFlow, moreFlow } from '../../flows';
import { NOTE_MAX, type Solved } from '../../policy';
import type { PetitionsService } from '../../service';
import { type Card, mineCard, residentCard, satisfactionChoice } from '../../views';
import { largest } from './filing';

/** What a petitioner or neighbour does after filing: view, co-sign, follow, chase, add, rate. */
export function followingBot(petitions: PetitionsService, { telegram }: Pick<Platform, 'telegram'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const reader = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, tz: petitions.policy.timezone });

  /** A long timeline or many named co-signers must not push a card past Telegram's limit: split it, buttons last. */
  async function replyInParts(ctx: BotContext, card: Card) {
    const parts = splitText(card.text);
    for (const [i, part] of parts.entries())
      await ctx.reply(part, i === parts.length - 1 && card.markup ? { reply_markup: card.markup } : {});
  }

  /** A petition as this resident may see it: their own view if they follow it, else the public card. */
  const cardFor = async (ctx: BotContext, id: number) => {
    const { details, follower } = await petitions.residentView(id, ctx.user.id);
    return residentCard(reader(ctx), details, follower, petitionLink(telegram.botUsername(), id));
  };

  /** Deep link p_<id>: the share link a neighbour tapped. */
  async function openDeepLink(ctx: BotContext, arg: string): Promise<void> {
    if (!/^\d{1,9}$/.test(arg)) throw new PetitionNotFound();
    await replyInParts(ctx, await cardFor(ctx, Number(arg)));
  }

  bot.callbackQuery(RX.view, async (ctx) => {
    const card = await cardFor(ctx, Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await replyInParts(ctx, card);
  });

  // Co-signing instead of filing the same problem again ends the filing flow, in the same transaction.
  bot.callbackQuery(RX.cosign, async (ctx) => {
    const id = Number(ctx.match[1]);
    const fromFiling = ctx.flow?.name === filingFlow.name ? ctx.flowEnd({ id, cosigned: true }) : undefined;
    const n = await petitions.cosign(id, ctx.user.id, ctx.match[2] === '1', fromFiling);
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await ctx.reply(ctx.t('petitions.cosign.done', { id, n: n + 1 }), { reply_markup: ctx.mainMenu() });
  });

  async function showMine(ctx: BotContext, page = 0, edit = false) {
    const list = await petitions.mine(ctx.user.id);
    if (list.length === 0) return ctx.reply(ctx.t('petitions.mine.none'), { reply_markup: ctx.mainMenu() });
    const card = mineCard(ctx.t, list, page);
    if (edit) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('mypetitions', (ctx) => showMine(ctx));
  pm.filter(isKeyText('petitions.menu.mine'), (ctx) => showMine(ctx));
  bot.callbackQuery(RX.mine, async (ctx) => {
    await ctx.answerCallbackQuery();
    await showMine(ctx, Number(ctx.match[1]), true);
  });

  /** The tapped card loses the buttons that are no longer valid (those starting with `prefix`); the rest stay. */
  async function dropButtons(ctx: BotContext, prefix: string) {
    const m = ctx.callbackQuery?.message;
    const rows = m && 'reply_markup' in m ? (m.reply_markup?.inline_keyboard ?? []) : [];
    const kept = rows
      .map((r) => r.filter((b) => !('callback_data' in b && b.callback_data.startsWith(prefix))))
      .filter((r) => r.length);
    if (kept.flat().length < rows.flat().length)
      await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: kept } });
  }

  // Chased: 催办 leaves the card it was pressed on (once a day); the rest of its buttons stay.
  bot.callbackQuery(RX.chase, async (ctx) => {
    const id = Number(ctx.match[1]);
    await petitions.chase(id, ctx.user.id);
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('petitions.chase.done', { id }));
    await dropButtons(ctx, `pt:ch:${id}`);
  });

  // "It happened again" (any follower) and "add information" (the petitioner) take one photo or one text.
  for (const [rx, flow, ask] of [
    [RX.again, againFlow, 'petitions.again.ask'],
    [RX.moreInfo, moreFlow, 'petitions.more.ask'],
  ] as const) {
    bot.callbackQuery(rx, async (ctx) => {
      const id = Number(ctx.match[1]);
      const f = await petitions.follower(id, ctx.user.id);
      if (!f || (flow === moreFlow && f.kind !== 'owner'))
        return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
      await ctx.answerCallbackQuery();
      await ctx.setFlow(flow, 'note', { id });
      await ctx.reply(ctx.t(ask, { id }), { reply_markup: cancelKeyboard(ctx) });
    });
  }

  /** The note as typed or captioned, and the photo; null when it is too long (the user is asked again). */
  function noteOf(ctx: BotContext) {
    const msg = ctx.message!;
    const text = (msg.text ?? msg.caption ?? '').trim() || null;
    if (text && [...text].length > NOTE_MAX) return null;
    return { text, photo: msg.photo ? largest(msg.photo) : null };
  }

  pm.on(['message:text', 'message:photo']).filter(inFlow(againFlow, 'note'), async (ctx) => {
    const note = noteOf(ctx);
    if (!note) return ctx.reply(ctx.t('common.tooLong', { max: NOTE_MAX }));
    const { id } = ctx.flow.data;
    const n = await petitions.addOccurrence(id, ctx.user.id, note, ctx.flowEnd());
    await ctx.reply(ctx.t('petitions.again.done', { id, n }), { reply_markup: ctx.mainMenu() });
  });

  pm.on(['message:text', 'message:photo']).filter(inFlow(moreFlow, 'note'), async (ctx) => {
    const note = noteOf(ctx);
    if (!note) return ctx.reply(ctx.t('common.tooLong', { max: NOTE_MAX }));
    const { id } = ctx.flow.data;
    await petitions.addInformation(id, ctx.user.id, note, ctx.flowEnd());
    await ctx.reply(ctx.t('petitions.more.done', { id }), { reply_markup: ctx.mainMenu() });
  });

  bot.callbackQuery(RX.solved, async (ctx) => {
    const id = Number(ctx.match[1]);
    const answer = ctx.match[2] as Solved;
    await petitions.giveFeedback(id, ctx.user.id, answer);
    await ctx.answerCallbackQuery();
    await dropButtons(ctx, `pt:fb:${id}:`);
    if (answer === 'no') await ctx.reply(ctx.t('petitions.feedback.reopened', { id }));
    const card = satisfactionChoice(ctx.t, id);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.rate, async (ctx) => {
    const stars = Number(ctx.match[2]);
    await petitions.rate(Number(ctx.match[1]), ctx.user.id, stars);
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('petitions.feedback.thanks', { stars: '⭐'.repeat(stars) }));
  });

  return { composer: bot, openDeepLink };
}
