import { Composer, type InlineKeyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { cancelKeyboard } from '../../telegram/keyboards';
import { inFlow, isKeyText } from '../../telegram/middlewares/match';
import { splitText } from '../../telegram/text';
import { RX } from './callbacks';
import { cosignKeyboard, followerKeyboard, mineKeyboard, satisfactionKeyboard } from './keyboards';
import { policyFrom } from './notify';
import * as petitions from './service';
import { followerCard, publicCard } from './views';

/** What a petitioner or neighbour does after filing: view, co-sign, follow, chase, add, rate. */
export const followBot = new Composer<BotContext>();
const pm = followBot.chatType('private');

const FLOW = 'petitions.new';
const NOTE_MAX = 500;
export const shareLink = (ctx: BotContext, id: number) => `https://t.me/${ctx.deps.botUsername()}?start=p_${id}`;
const largest = (photos: { file_id: string; width: number }[]) =>
  [...photos].sort((a, b) => b.width - a.width)[0]!.file_id;

/** A petition as this resident may see it: their own view if they follow it, else the public card with co-sign buttons. */
export async function showPetition(ctx: BotContext, id: number) {
  const p = await petitions.findPetition(ctx.deps.db, id);
  if (!p) return ctx.reply(ctx.t('petitions.errors.notFound'));
  const f = await petitions.findFollower(ctx.deps.db, id, ctx.user.id);
  if (f) {
    await replyInParts(
      ctx,
      await followerCard(ctx, p, f.kind === 'owner'),
      followerKeyboard(ctx, p, f.kind === 'owner', shareLink(ctx, id)),
    );
    return;
  }
  const open = petitions.isOpen(p);
  await replyInParts(
    ctx,
    [await publicCard(ctx, p), ctx.t(open ? 'petitions.cosign.invite' : 'petitions.cosign.closedNote')].join('\n\n'),
    open ? cosignKeyboard(ctx, id) : undefined,
  );
}

/** A long timeline or many named co-signers must not push a card past Telegram's limit: split it, buttons last. */
async function replyInParts(ctx: BotContext, text: string, keyboard: InlineKeyboard | undefined) {
  const parts = splitText(text);
  for (const [i, part] of parts.entries())
    await ctx.reply(part, i === parts.length - 1 && keyboard ? { reply_markup: keyboard } : {});
}

export async function openDeepLink(ctx: BotContext, arg: string): Promise<void> {
  if (!/^\d{1,9}$/.test(arg)) {
    await ctx.reply(ctx.t('petitions.errors.notFound'));
    return;
  }
  await showPetition(ctx, Number(arg));
}

followBot.callbackQuery(RX.view, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showPetition(ctx, Number(ctx.match[1]));
});

followBot.callbackQuery(RX.cosign, async (ctx) => {
  const id = Number(ctx.match[1]);
  try {
    const n = await petitions.cosign(ctx.deps.db, id, ctx.user.id, ctx.match[2] === '1', ctx.deps.clock.now());
    if (ctx.flow?.name === FLOW) await ctx.endFlow();
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await ctx.reply(ctx.t('petitions.cosign.done', { id, n: n + 1 }), { reply_markup: ctx.mainMenu() });
  } catch (e) {
    await replyDomainError(ctx, e);
  }
});

async function showMine(ctx: BotContext, page = 0, edit = false) {
  const list = await petitions.myPetitions(ctx.deps.db, ctx.user.id);
  if (list.length === 0) return ctx.reply(ctx.t('petitions.mine.none'), { reply_markup: ctx.mainMenu() });
  const text = ctx.t('petitions.mine.title', { n: list.length });
  const reply_markup = mineKeyboard(ctx, list, page);
  if (edit) await ctx.editMessageText(text, { reply_markup });
  else await ctx.reply(text, { reply_markup });
}
pm.command('mypetitions', (ctx) => showMine(ctx));
pm.filter(isKeyText('petitions.menu.mine'), (ctx) => showMine(ctx));
followBot.callbackQuery(RX.mine, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMine(ctx, Number(ctx.match[1]), true);
});

followBot.callbackQuery(RX.chase, async (ctx) => {
  try {
    await petitions.chase(
      ctx.deps.db,
      policyFrom(ctx.deps.config),
      Number(ctx.match[1]),
      ctx.user.id,
      ctx.deps.clock.now(),
    );
    ctx.deps.wakeDelivery();
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('petitions.chase.done', { id: Number(ctx.match[1]) }));
  } catch (e) {
    await replyDomainError(ctx, e);
  }
});

// "It happened again" and "add information" take one photo (with an optional caption) or one text.
for (const [rx, flow, ask] of [
  [RX.again, 'petitions.again', 'petitions.again.ask'],
  [RX.moreInfo, 'petitions.more', 'petitions.more.ask'],
] as const) {
  followBot.callbackQuery(rx, async (ctx) => {
    const id = Number(ctx.match[1]);
    const f = await petitions.findFollower(ctx.deps.db, id, ctx.user.id);
    if (!f || (flow === 'petitions.more' && f.kind !== 'owner'))
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    await ctx.setFlow(flow, 'note', { id });
    await ctx.reply(ctx.t(ask, { id }), { reply_markup: cancelKeyboard(ctx) });
  });
}

pm.on(['message:text', 'message:photo']).filter(inFlow('petitions.again', 'note'), async (ctx, next) =>
  takeNote(ctx, next, 'again'),
);
pm.on(['message:text', 'message:photo']).filter(inFlow('petitions.more', 'note'), async (ctx, next) =>
  takeNote(ctx, next, 'more'),
);

async function takeNote(ctx: BotContext, next: () => Promise<void>, kind: 'again' | 'more') {
  const msg = ctx.message!;
  if (msg.text?.startsWith('/')) return next();
  const text = (msg.text ?? msg.caption ?? '').trim() || null;
  if (text && [...text].length > NOTE_MAX) return ctx.reply(ctx.t('common.tooLong', { max: NOTE_MAX }));
  const photo = msg.photo ? largest(msg.photo) : null;
  const id = Number((ctx.flow?.data as { id?: number }).id);
  const policy = policyFrom(ctx.deps.config);
  try {
    if (kind === 'again') {
      const n = await petitions.addOccurrence(
        ctx.deps.db,
        policy,
        id,
        ctx.user.id,
        { text, photo },
        ctx.deps.clock.now(),
      );
      await ctx.endFlow();
      await ctx.reply(ctx.t('petitions.again.done', { id, n }), { reply_markup: ctx.mainMenu() });
    } else {
      await petitions.addInformation(ctx.deps.db, policy, id, ctx.user.id, { text, photo }, ctx.deps.clock.now());
      await ctx.endFlow();
      await ctx.reply(ctx.t('petitions.more.done', { id }), { reply_markup: ctx.mainMenu() });
    }
    ctx.deps.wakeDelivery();
  } catch (e) {
    await ctx.endFlow();
    await replyDomainError(ctx, e);
  }
}

followBot.callbackQuery(RX.solved, async (ctx) => {
  const id = Number(ctx.match[1]);
  const answer = ctx.match[2] as 'yes' | 'partly' | 'no';
  try {
    await petitions.giveFeedback(
      ctx.deps.db,
      policyFrom(ctx.deps.config),
      id,
      ctx.user.id,
      answer,
      ctx.deps.clock.now(),
    );
    ctx.deps.wakeDelivery();
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    if (answer === 'no') await ctx.reply(ctx.t('petitions.feedback.reopened', { id }));
    await ctx.reply(ctx.t('petitions.feedback.askStars', { id }), { reply_markup: satisfactionKeyboard(id) });
  } catch (e) {
    await replyDomainError(ctx, e);
  }
});

followBot.callbackQuery(RX.rate, async (ctx) => {
  try {
    await petitions.rate(ctx.deps.db, Number(ctx.match[1]), ctx.user.id, Number(ctx.match[2]), ctx.deps.clock.now());
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('petitions.feedback.thanks', { stars: '⭐'.repeat(Number(ctx.match[2])) }));
  } catch (e) {
    await replyDomainError(ctx, e);
  }
});
