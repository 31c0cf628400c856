import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { requireRole } from '../../telegram/middlewares/guard';
import { inFlow } from '../../telegram/middlewares/match';
import type { OutcomeCode } from './callbacks';
import * as day from './day';
import { CB, confirmKeyboard, dayKeyboard, nameOf, OUTCOME_OF, queueKeyboard, ticketKeyboard } from './keyboards';
import * as market from './service';

// The market day itself and the summary after it: staff only, every button and step checked.
export const dayBot = new Composer<BotContext>();
const staffCb = (re: RegExp) => dayBot.callbackQuery(re, requireRole('staff'));
const now = (ctx: BotContext) => ctx.deps.clock.now();

staffCb(/^mk:q:(\d{1,9})$/).use(async (ctx) => {
  const m = await market.getMarket(ctx.deps.db, Number(ctx.match![1]));
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('market.day.chooseService', { date: m.date }), {
    reply_markup: dayKeyboard(ctx, m, await market.offersOf(ctx.deps.db, m.id)),
  });
});

async function showQueue(ctx: BotContext, offerId: number, page: number, edit: boolean) {
  const { offer, entries } = await day.serviceQueue(ctx.deps.db, offerId);
  const waiting = entries.filter((e) => e.status === 'booked').length;
  const text = ctx.t('market.day.queue', {
    service: nameOf(ctx, offer),
    waiting,
    total: entries.filter((e) => e.ticket !== null).length,
  });
  const reply_markup = queueKeyboard(ctx, offer, entries, page);
  if (edit) await ctx.editMessageText(text, { reply_markup });
  else await ctx.reply(text, { reply_markup });
}

staffCb(/^mk:qs:(\d{1,9}):(\d{1,4})$/).use(async (ctx) => {
  await ctx.answerCallbackQuery();
  await showQueue(ctx, Number(ctx.match![1]), Number(ctx.match![2]), false);
});

/** One ticket: who, what the resident wrote (and their photo), and the buttons to record how it went. */
staffCb(/^mk:t:(\d{1,9})$/).use(async (ctx) => {
  const { offer, entry } = await day.queueEntry(ctx.deps.db, Number(ctx.match![1]));
  await ctx.answerCallbackQuery();
  const text = ctx.t('market.day.ticket', {
    ticket: entry.ticket ?? ctx.t('market.status.waiting'),
    service: nameOf(ctx, offer),
    name: entry.walkIn ? ctx.t('market.staff.walkInShort') : (entry.name ?? '-'),
    details: entry.details ?? '-',
    status: ctx.t(`market.status.${entry.status}`),
    outcome: entry.outcome ? ctx.t(`market.outcome.${entry.outcome}`) : '-',
    note: entry.note ?? '-',
  });
  const reply_markup = ticketKeyboard(ctx, entry, offer, day.outcomesFor(offer));
  if (entry.photo) await ctx.replyWithPhoto(entry.photo, { caption: text, reply_markup });
  else await ctx.reply(text, { reply_markup });
});

staffCb(/^mk:r:(\d{1,9}):(s|f|x|p|n)$/).use(async (ctx) => {
  const bookingId = Number(ctx.match![1]);
  const outcome = OUTCOME_OF[ctx.match![2] as OutcomeCode];
  await day.recordOutcome(ctx.deps.db, ctx.user.id, bookingId, outcome, now(ctx));
  const { offer, entry } = await day.queueEntry(ctx.deps.db, bookingId);
  await ctx.answerCallbackQuery({
    text: ctx.t('market.day.recorded', { ticket: entry.ticket ?? '', outcome: ctx.t(`market.outcome.${outcome}`) }),
  });
  const back = new InlineKeyboard().text(ctx.t('market.day.backToQueue'), CB.serviceQueue(offer.id, 0));
  if (outcome === 'fixed' || outcome === 'not_fixable' || outcome === 'needs_parts') {
    await ctx.setFlow('market.note', 'text', { bookingId });
    await ctx.reply(ctx.t('market.day.askNote', { ticket: entry.ticket ?? '' }), {
      reply_markup: new InlineKeyboard().text(ctx.t('market.day.skipNote'), CB.skipNote),
    });
    return;
  }
  await ctx.reply(
    ctx.t('market.day.recorded', { ticket: entry.ticket ?? '', outcome: ctx.t(`market.outcome.${outcome}`) }),
    { reply_markup: back },
  );
});

dayBot
  .chatType('private')
  .filter(inFlow('market.note', 'text'))
  .use(requireRole('staff'))
  .on('message:text', async (ctx, next) => {
    if (ctx.message.text.startsWith('/')) return next();
    const bookingId = Number(ctx.flow!.data.bookingId);
    try {
      await day.addNote(ctx.deps.db, ctx.user.id, bookingId, ctx.message.text, now(ctx));
    } catch (err) {
      await replyDomainError(ctx, err);
      return;
    }
    await ctx.endFlow();
    const { offer } = await day.queueEntry(ctx.deps.db, bookingId);
    await ctx.reply(ctx.t('market.day.noteSaved'), {
      reply_markup: new InlineKeyboard().text(ctx.t('market.day.backToQueue'), CB.serviceQueue(offer.id, 0)),
    });
  });

staffCb(/^mk:nn$/).filter(inFlow('market.note', 'text'), async (ctx) => {
  const { offer } = await day.queueEntry(ctx.deps.db, Number(ctx.flow!.data.bookingId));
  await ctx.endFlow();
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('market.day.noteSkipped'), {
    reply_markup: new InlineKeyboard().text(ctx.t('market.day.backToQueue'), CB.serviceQueue(offer.id, 0)),
  });
});

staffCb(/^mk:wi:(\d{1,9})$/).use(async (ctx) => {
  const { offer } = await day.serviceQueue(ctx.deps.db, Number(ctx.match![1]));
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('market.day.confirmWalkIn', { service: nameOf(ctx, offer) }), {
    reply_markup: confirmKeyboard(ctx, CB.walkInYes(offer.id, offer.tickets_issued), CB.serviceQueue(offer.id, 0)),
  });
});

staffCb(/^mk:wiy:(\d{1,9}):(\d{1,6})$/).use(async (ctx) => {
  const offerId = Number(ctx.match![1]);
  const w = await day.addWalkIn(ctx.deps.db, ctx.user.id, offerId, Number(ctx.match![2]), now(ctx));
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('market.day.walkInAdded', { ticket: w.ticket }), {
    reply_markup: new InlineKeyboard().text(ctx.t('market.day.backToQueue'), CB.serviceQueue(offerId, 0)),
  });
});

staffCb(/^mk:sum:(\d{1,9})$/).use(async (ctx) => {
  const m = await market.getMarket(ctx.deps.db, Number(ctx.match![1]));
  const s = await day.summary(ctx.deps.db, m.id);
  await ctx.answerCallbackQuery();
  const lines = s.services
    .filter((x) => x.booked + x.walkIns > 0)
    .map((x) =>
      ctx.t(x.isRepair ? 'market.summary.lineRepair' : 'market.summary.line', { service: nameOf(ctx, x), ...x }),
    );
  await ctx.reply(
    [ctx.t('market.summary.header', { date: m.date, ...s }), lines.join('\n')].filter(Boolean).join('\n\n'),
    {
      reply_markup: new InlineKeyboard().text(ctx.t('market.btn.back'), CB.panel(m.id)),
    },
  );
});
