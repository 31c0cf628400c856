import { Composer, type InlineKeyboard } from 'grammy';
import { DomainError } from '../../core/errors';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { inFlow, isKeyText } from '../../telegram/middlewares/match';
import { findCompound } from '../residents/service';
import type { BookingView } from './booking';
import * as booking from './booking';
import { parseDetails } from './input';
import {
  CB,
  confirmCancelKeyboard,
  marketKeyboard,
  myBookingsKeyboard,
  nameOf,
  skipPhotoKeyboard,
  subscriptionKeyboard,
  waitlistKeyboard,
} from './keyboards';
import { answerHold } from './reminders';
import * as market from './service';
import { type MarketState, offersOf, policyFrom } from './service';
import type { MarketRow } from './store';

export const residentBot = new Composer<BotContext>();
const pm = residentBot.chatType('private');

const policy = (ctx: BotContext) => policyFrom(ctx.deps.config);
const now = (ctx: BotContext) => ctx.deps.clock.now();

/** Date, weekday, hours and place of a market in the reader's language. */
export async function whenText(ctx: BotContext, m: MarketRow): Promise<Record<string, string>> {
  const compound = await findCompound(ctx.deps.db, m.compound_id);
  const weekday = new Date(`${m.date}T12:00:00Z`).getUTCDay();
  return {
    date: m.date,
    weekday: ctx.t(`market.weekday.d${weekday}`),
    start: m.starts_at,
    end: m.ends_at,
    compound: compound ? nameOf(ctx, compound) : '-',
    location: m.location,
  };
}

async function marketText(ctx: BotContext, m: MarketRow, state: MarketState): Promise<string> {
  const offers = await offersOf(ctx.deps.db, m.id);
  const lines = offers.map((o) => {
    const left = Math.max(0, o.capacity - o.booked);
    return ctx.t(left > 0 ? 'market.view.line' : 'market.view.lineFull', { service: nameOf(ctx, o), left });
  });
  const note = state === 'open' ? 'market.view.chooseService' : 'market.view.closedNote';
  return [ctx.t('market.view.header', await whenText(ctx, m)), lines.join('\n'), ctx.t(note)].join('\n\n');
}

/** "市集预约": the next market day, what it offers and how many places are left. */
async function showNext(ctx: BotContext, edit = false): Promise<void> {
  const m = await market.nextMarket(ctx.deps.db, now(ctx), policy(ctx).timezone);
  const send = (text: string, reply_markup: InlineKeyboard) =>
    edit ? ctx.editMessageText(text, { reply_markup }) : ctx.reply(text, { reply_markup });
  if (!m) {
    await send(ctx.t('market.view.none'), subscriptionKeyboard(ctx));
    return;
  }
  const state = market.marketState(m, now(ctx), policy(ctx).timezone);
  await send(await marketText(ctx, m, state), marketKeyboard(ctx, m, await offersOf(ctx.deps.db, m.id), state));
}

pm.filter(isKeyText('market.menu.main'), (ctx) => showNext(ctx));

residentBot.callbackQuery(CB.home, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showNext(ctx, true);
});

// From the announcement: an older market's button says what became of it instead of booking the new one.
residentBot.callbackQuery(/^mk:v:(\d{1,9})$/, async (ctx) => {
  const m = await market.getMarket(ctx.deps.db, Number(ctx.match[1])).catch(() => undefined);
  const state = m ? market.marketState(m, now(ctx), policy(ctx).timezone) : 'over';
  if (!m || state === 'draft') return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  if (state === 'over' || state === 'cancelled')
    return ctx.answerCallbackQuery({ text: ctx.t(`market.errors.${state}`), show_alert: true });
  await ctx.answerCallbackQuery();
  await ctx.reply(await marketText(ctx, m, state), {
    reply_markup: marketKeyboard(ctx, m, await offersOf(ctx.deps.db, m.id), state),
  });
});

residentBot.callbackQuery(/^mk:map:(\d{1,9})$/, async (ctx) => {
  const m = await market.getMarket(ctx.deps.db, Number(ctx.match[1])).catch(() => undefined);
  if (m?.status !== 'published' || m.latitude === null || m.longitude === null)
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('market.view.venue', await whenText(ctx, m)));
  await ctx.replyWithLocation(m.latitude, m.longitude);
});

function bookedText(ctx: BotContext, v: BookingView, when: Record<string, string>): string {
  const service = nameOf(ctx, v.offer);
  if (v.status === 'waiting') return ctx.t('market.book.waiting', { service, position: v.position ?? 1 });
  return ctx.t('market.book.done', { ...when, service, ticket: v.ticket ?? '', time: v.estimate ?? '' });
}

/** Books (or joins the line) and answers with the ticket; a place taken meanwhile turns into the waitlist offer. */
async function finish(
  ctx: BotContext,
  offerId: number,
  mode: 'book' | 'wait',
  input: booking.BookingInput,
): Promise<void> {
  try {
    const v =
      mode === 'wait'
        ? await booking.joinWaitlist(ctx.deps.db, ctx.user.id, offerId, input, now(ctx), policy(ctx))
        : await booking.book(ctx.deps.db, ctx.user.id, offerId, input, now(ctx), policy(ctx));
    await ctx.endFlow();
    await ctx.reply(bookedText(ctx, v, await whenText(ctx, v.market)), { reply_markup: ctx.mainMenu() });
  } catch (err) {
    if (err instanceof DomainError && err.code === 'market.full') {
      // Keep what they typed so joining the line does not ask again.
      await ctx.setFlow('market.book', 'full', {
        offerId,
        mode: 'wait',
        details: input.details ?? null,
        photo: input.photo ?? null,
      });
      await ctx.reply(ctx.t('market.book.full'), { reply_markup: waitlistKeyboard(ctx, offerId) });
      return;
    }
    await ctx.endFlow();
    await replyDomainError(ctx, err);
  }
}

async function start(ctx: BotContext, offerId: number, mode: 'book' | 'wait'): Promise<void> {
  const { offer, full } = await booking.checkBookable(ctx.deps.db, ctx.user.id, offerId, now(ctx), policy(ctx));
  if (full && mode === 'book') {
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('market.book.full'), { reply_markup: waitlistKeyboard(ctx, offerId) });
    return;
  }
  await ctx.answerCallbackQuery();
  if (!offer.needs_details) return finish(ctx, offerId, mode, {});
  await ctx.setFlow('market.book', 'details', { offerId, mode });
  const description = ctx.locale === 'en' ? offer.description_en : offer.description_zh;
  await ctx.reply(ctx.t('market.book.askDetails', { service: nameOf(ctx, offer), hint: description }), {
    reply_markup: { force_reply: true },
  });
}

residentBot.callbackQuery(/^mk:b:(\d{1,9})$/, (ctx) => start(ctx, Number(ctx.match[1]), 'book'));

residentBot.callbackQuery(/^mk:w:(\d{1,9})$/, async (ctx) => {
  const offerId = Number(ctx.match[1]);
  const f = ctx.flow;
  if (
    f?.name === 'market.book' &&
    f.step === 'full' &&
    f.data.offerId === offerId &&
    typeof f.data.details === 'string'
  ) {
    await ctx.answerCallbackQuery();
    return finish(ctx, offerId, 'wait', {
      details: f.data.details,
      photo: typeof f.data.photo === 'string' ? f.data.photo : null,
    });
  }
  return start(ctx, offerId, 'wait');
});

const largestPhoto = (ctx: BotContext) => ctx.message?.photo?.at(-1)?.file_id;

pm.filter(inFlow('market.book', 'details')).on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  try {
    const details = parseDetails(ctx.message.text);
    await ctx.setFlow('market.book', 'photo', { ...ctx.flow!.data, details });
    await ctx.reply(ctx.t('market.book.askPhoto'), { reply_markup: skipPhotoKeyboard(ctx) });
  } catch (err) {
    await replyDomainError(ctx, err);
    await ctx.reply(ctx.t('market.book.detailsExample'));
  }
});
pm.filter(inFlow('market.book', 'details')).on('message:photo', (ctx) =>
  ctx.reply(ctx.t('market.book.photoInsteadOfText')),
);

pm.filter(inFlow('market.book', 'photo')).on('message:photo', async (ctx) => {
  const d = ctx.flow!.data;
  await finish(ctx, Number(d.offerId), d.mode === 'wait' ? 'wait' : 'book', {
    details: String(d.details),
    photo: largestPhoto(ctx) ?? null,
  });
});
pm.filter(inFlow('market.book', 'photo')).on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  await ctx.reply(ctx.t('market.book.textInsteadOfPhoto'), { reply_markup: skipPhotoKeyboard(ctx) });
});

residentBot.callbackQuery(CB.skipPhoto, async (ctx) => {
  const d = ctx.flow?.name === 'market.book' && ctx.flow.step === 'photo' ? ctx.flow.data : null;
  if (!d) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await finish(ctx, Number(d.offerId), d.mode === 'wait' ? 'wait' : 'book', {
    details: String(d.details),
    photo: null,
  });
});

async function showMine(ctx: BotContext): Promise<void> {
  const mine = await booking.myBookings(ctx.deps.db, ctx.user.id, now(ctx), policy(ctx));
  if (mine.length === 0) {
    await ctx.reply(ctx.t('market.my.none'));
    return;
  }
  const lines: string[] = [];
  for (const b of mine) {
    const when = await whenText(ctx, b.market);
    lines.push(
      b.status === 'waiting'
        ? ctx.t('market.my.lineWaiting', { ...when, service: nameOf(ctx, b.offer), position: b.position ?? 1 })
        : ctx.t('market.my.line', {
            ...when,
            service: nameOf(ctx, b.offer),
            ticket: b.ticket ?? '',
            time: b.estimate ?? '',
          }),
    );
  }
  await ctx.reply([ctx.t('market.my.header'), ...lines].join('\n\n'), { reply_markup: myBookingsKeyboard(ctx, mine) });
}

residentBot.callbackQuery(CB.mine, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showMine(ctx);
});
pm.command('mybookings', showMine);

residentBot.callbackQuery(/^mk:c:(\d{1,9})$/, async (ctx) => {
  const v = await booking.ownBooking(ctx.deps.db, ctx.user.id, Number(ctx.match[1]), policy(ctx));
  await ctx.answerCallbackQuery();
  await ctx.reply(
    ctx.t('market.cancel.confirm', {
      service: nameOf(ctx, v.offer),
      ticket: v.ticket ?? ctx.t('market.status.waiting'),
    }),
    { reply_markup: confirmCancelKeyboard(ctx, v.id) },
  );
});

residentBot.callbackQuery(/^mk:cy:(\d{1,9})$/, async (ctx) => {
  const { view } = await booking.cancelBooking(ctx.deps.db, ctx.user.id, Number(ctx.match[1]), now(ctx), policy(ctx));
  ctx.deps.wakeDelivery();
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('market.cancel.done', { service: nameOf(ctx, view.offer) }));
});

residentBot.callbackQuery(CB.keep, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('market.cancel.kept'));
});

residentBot.callbackQuery(/^mk:e:(\d{1,9})$/, async (ctx) => {
  const v = await booking.ownBooking(ctx.deps.db, ctx.user.id, Number(ctx.match[1]), policy(ctx));
  if (!v.offer.needs_details) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow('market.change', 'details', { bookingId: v.id });
  await ctx.reply(ctx.t('market.change.ask', { service: nameOf(ctx, v.offer), details: v.details ?? '' }));
});

pm.filter(inFlow('market.change', 'details')).on('message:text', async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  try {
    const v = await booking.changeDetails(
      ctx.deps.db,
      ctx.user.id,
      Number(ctx.flow!.data.bookingId),
      { details: ctx.message.text },
      now(ctx),
      policy(ctx),
    );
    await ctx.endFlow();
    await ctx.reply(ctx.t('market.change.done', { service: nameOf(ctx, v.offer), details: v.details ?? '' }), {
      reply_markup: ctx.mainMenu(),
    });
  } catch (err) {
    if (err instanceof DomainError && err.code.startsWith('market.details')) {
      await replyDomainError(ctx, err);
      await ctx.reply(ctx.t('market.book.detailsExample'));
      return;
    }
    await ctx.endFlow();
    await replyDomainError(ctx, err);
  }
});
pm.filter(inFlow('market.change', 'details')).on('message:photo', (ctx) =>
  ctx.reply(ctx.t('market.book.photoInsteadOfText')),
);

residentBot.callbackQuery(CB.subMenu, async (ctx) => {
  await ctx.answerCallbackQuery();
  const now = await booking.subscriptionOf(ctx.deps.db, ctx.user.id);
  await ctx.reply(ctx.t(`market.sub.status.${now}`), { reply_markup: subscriptionKeyboard(ctx) });
});

residentBot.callbackQuery(/^mk:s:(h|a|x)$/, async (ctx) => {
  const scope = ({ h: 'home', a: 'any', x: 'none' } as const)[ctx.match[1] as 'h' | 'a' | 'x'];
  const result = await booking.subscribe(ctx.deps.db, ctx.user.id, scope, now(ctx));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t(`market.sub.now.${result}`));
});

residentBot.callbackQuery(/^mk:h:(\d{1,9}):(y|n)$/, async (ctx) => {
  const held = ctx.match[2] === 'y';
  await answerHold(ctx.deps.db, ctx.user.id, Number(ctx.match[1]), held, now(ctx));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t(held ? 'market.hold.thanksYes' : 'market.hold.thanksNo'));
});
