import { type CallbackQueryContext, Composer } from 'grammy';
import type { Platform } from '../../../../platform';
import type { BotContext, InFlow } from '../../../../telegram/context';
import { cancelKeyboard } from '../../../../telegram/keyboards';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { finished, inFlow } from '../../../../telegram/middlewares/match';
import { parseAudience } from '../../audience';
import { RX } from '../../callbacks';
import { newDraftKey } from '../../draft';
import { TimeInPast } from '../../errors';
import { type ComposeData, type ComposeStep, composeFlow } from '../../flows';
import { exampleTime } from '../../policy';
import type { Broadcast, NoticesService } from '../../service';
import { confirmCard, paramText, progressCard, scheduledCard, zoneName } from '../../views';
import { expired } from './expired';

/** A button press while the compose flow is (checked to be) at the confirm step. */
type Previewing = CallbackQueryContext<BotContext> & InFlow<ComposeData, ComposeStep>;

/** After the preview: send now, pick a time first, or discard. */
export function confirmBot(notices: NoticesService, { config, clock }: Pick<Platform, 'config' | 'clock'>) {
  const bot = new Composer<BotContext>();
  const staff = requireRole('staff');
  const tz = config.TIMEZONE;

  // The preview's buttons carry its one-time key: an older preview (another audience, another time) is expired.
  const inConfirmStep = inFlow(composeFlow, 'confirm');
  const previewing =
    (handler: (ctx: Previewing) => Promise<unknown>) => async (ctx: CallbackQueryContext<BotContext>) => {
      if (!inConfirmStep(ctx) || ctx.flow.data.key !== ctx.match[1]) return expired(ctx);
      return handler(ctx);
    };

  async function askWhen(ctx: BotContext) {
    const ask = ctx.t('notices.compose.askWhen', { example: exampleTime(clock.now(), tz), tz: zoneName(ctx.t, tz) });
    await ctx.reply(ask, { reply_markup: cancelKeyboard(ctx) });
  }

  bot.callbackQuery(
    RX.discard,
    staff,
    previewing(async (ctx) => {
      await ctx.endFlow();
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('notices.compose.discarded'));
      await ctx.reply(ctx.t('common.cancelled'), { reply_markup: ctx.mainMenu() });
    }),
  );

  bot.callbackQuery(
    RX.schedule,
    staff,
    previewing(async (ctx) => {
      await ctx.setFlow(composeFlow, 'when', ctx.flow.data);
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup();
      await askWhen(ctx);
    }),
  );

  // A time that cannot be read, has passed or is too far ahead is re-asked (with an example) by the error boundary.
  bot
    .filter(inFlow(composeFlow, 'when'))
    .chatType('private')
    .use(staff)
    .on('message:text', async (ctx) => {
      const sendAt = notices.parseSendAt(ctx.message.text);
      const code = ctx.flow.data.audience ?? '';
      const audience = parseAudience(code);
      if (!audience) return ctx.endFlow();
      const summary = await notices.summarize(audience);
      const data = { ...ctx.flow.data, key: newDraftKey(), sendAt: sendAt.toISOString() };
      await ctx.setFlow(composeFlow, 'confirm', data);
      const label = paramText(ctx.t, ctx.locale, await notices.describe(code));
      const card = confirmCard(ctx.t, { audience: label, summary, key: data.key, sendAt, tz });
      await ctx.reply(card.text, { reply_markup: card.markup });
    });

  // The role is checked again (it may have been revoked since /broadcast); the service commits the broadcast, its
  // outbox rows and the end of this flow together. The same confirmation arriving again after it went through (a
  // second tap, or Telegram redelivering it after a crash) finds the flow finished with that broadcast: it is named,
  // and nothing else happens.
  bot.callbackQuery(RX.send, staff, async (ctx, next) => {
    const done = finished(composeFlow)(ctx) ? ctx.finished.result : undefined;
    if (done?.key !== ctx.match[1] || typeof done.id !== 'number') return next();
    await ctx.answerCallbackQuery({ text: ctx.t('notices.compose.alreadySent', { id: done.id }) });
  });
  bot.callbackQuery(
    RX.send,
    staff,
    previewing(async (ctx) => {
      const d = ctx.flow.data;
      const audience = parseAudience(d.audience ?? '');
      if (!audience) return expired(ctx);
      const sendAt = d.sendAt ? new Date(d.sendAt) : null;
      const input = {
        draft: { key: d.key, text: d.text, entities: d.entities, photo: d.photo },
        actorId: ctx.user.id,
        audience,
        sendAt,
        progressMessageId: ctx.callbackQuery.message?.message_id ?? null,
      };
      let b: Broadcast;
      try {
        b = await notices.createBroadcast(input, (trx, made) => ctx.flowEnd({ id: made.id, key: d.key })(trx));
      } catch (err) {
        // The time passed while the preview waited: the staff member is asked for a new one, not sent back to
        // the start (the boundary still shows why).
        if (err instanceof TimeInPast) await ctx.setFlow(composeFlow, 'when', d);
        throw err;
      }
      await ctx.answerCallbackQuery({ text: ctx.t('notices.compose.confirmed') });
      const label = paramText(ctx.t, ctx.locale, await notices.describe(b.audience));
      const card = sendAt
        ? scheduledCard(ctx.t, b, label, tz)
        : progressCard(ctx.t, b, label, await notices.progress(b.id), config.DELIVERY_RATE_PER_SEC);
      await ctx.editMessageText(card.text, { reply_markup: card.markup });
      await ctx.reply(ctx.t('notices.compose.done'), { reply_markup: ctx.mainMenu() });
    }),
  );

  return bot;
}
