import { type CallbackQueryContext, Composer } from 'grammy';
import { DomainError } from '../../core/errors';
import { addDays, localDate } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import { domainErrorText, replyDomainError } from '../../telegram/errors';
import type { LegacyAudience as FeatureAudience } from '../../telegram/legacy';
import { cancelKeyboard } from '../../telegram/keyboards';
import { requireRole } from '../../telegram/middlewares/guard';
import { inFlow } from '../../telegram/middlewares/match';
import type { Entity } from '../delivery/service';
import * as residents from '../residents/service';
import { audienceKeyboard, CB, communityKeyboard, compoundKeyboard, confirmKeyboard, stopKeyboard } from './keyboards';
import { sendPreview } from './preview';
import type { AreaAudiences, Audience } from './service';
import * as notices from './service';
import { paramText, progressText, when } from './views';

const FLOW = 'notices.compose';

/** What the compose flow keeps between steps (in the flows table, so a restart loses nothing). */
interface DraftData {
  key: string;
  text: string;
  entities: Entity[];
  photo: string | null;
  audience?: string;
  sendAt?: string;
}

type Cb = CallbackQueryContext<BotContext>;
/** The first group of the handler's callback regex. */
const arg = (ctx: Cb) => (ctx.match as RegExpMatchArray)[1]!;
const draftOf = (ctx: BotContext) => ctx.flow!.data as unknown as DraftData;
const expired = (ctx: BotContext) => ctx.answerCallbackQuery({ text: ctx.t('common.expired') });

export function composeBot(areas: () => Readonly<Record<string, FeatureAudience>>): Composer<BotContext> {
  // Areas' audiences may depend on the calendar (e.g. "the next market day"), so they get the deployment's zone.
  const areasFor = (ctx: BotContext): AreaAudiences =>
    Object.fromEntries(
      Object.entries(areas()).map(([k, a]) => [
        k,
        { labelKey: a.labelKey, userIds: (db, now) => a.userIds(db, now, ctx.deps.config.TIMEZONE) },
      ]),
    );
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');

  pm.command('broadcast', staff, async (ctx) => {
    await ctx.setFlow(FLOW, 'text', {});
    await ctx.reply(ctx.t('notices.compose.askText'), { reply_markup: cancelKeyboard(ctx) });
  });

  const writing = pm.filter(inFlow(FLOW, 'text')).use(staff);
  writing.on('message:text', (ctx) => takeDraft(ctx, ctx.message.text, ctx.message.entities, null));
  writing.on('message:photo', (ctx) =>
    takeDraft(ctx, ctx.message.caption ?? '', ctx.message.caption_entities, ctx.message.photo.at(-1)!.file_id),
  );
  writing.on('message', (ctx) => ctx.reply(ctx.t('notices.compose.askTextAgain')));

  async function takeDraft(
    ctx: BotContext,
    text: string,
    entities: readonly Entity[] | undefined,
    photo: string | null,
  ) {
    const data: DraftData = { key: notices.newDraftKey(), text, entities: notices.keepEntities(entities), photo };
    await ctx.setFlow(FLOW, 'audience', { ...data });
    await ctx.reply(ctx.t('notices.compose.askAudience'), { reply_markup: audienceKeyboard(ctx, areasFor(ctx)) });
  }

  // Audience buttons work only while the draft waits for its audience; anything older is expired.
  const choosing = (handler: (ctx: Cb) => Promise<unknown>) => async (ctx: Cb) => {
    if (!inFlow(FLOW, 'audience')(ctx)) return expired(ctx);
    return handler(ctx);
  };
  const communities = (ctx: BotContext) => residents.listCommunities(ctx.deps.db);

  bot.callbackQuery(
    /^nt:a:all$/,
    staff,
    choosing((ctx) => chosen(ctx, { kind: 'all' })),
  );
  bot.callbackQuery(
    /^nt:a:menu$/,
    staff,
    choosing(async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('notices.compose.askAudience'), {
        reply_markup: audienceKeyboard(ctx, areasFor(ctx)),
      });
    }),
  );
  bot.callbackQuery(
    /^nt:a:cm$/,
    staff,
    choosing(async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('notices.compose.whichCommunity'), {
        reply_markup: communityKeyboard(ctx, await communities(ctx), CB.community),
      });
    }),
  );
  bot.callbackQuery(
    /^nt:a:cm:(\d{1,9})$/,
    staff,
    choosing((ctx) => chosen(ctx, { kind: 'community', id: Number(arg(ctx)) })),
  );
  bot.callbackQuery(
    /^nt:a:cp$/,
    staff,
    choosing(async (ctx) => {
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('notices.compose.whichCommunity'), {
        reply_markup: communityKeyboard(ctx, await communities(ctx), CB.compoundsOf),
      });
    }),
  );
  bot.callbackQuery(
    /^nt:a:cq:(\d{1,9})$/,
    staff,
    choosing(async (ctx) => {
      const compounds = await residents.listCompounds(ctx.deps.db, Number(arg(ctx)));
      if (compounds.length === 0) return expired(ctx);
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('notices.compose.whichCompound'), {
        reply_markup: compoundKeyboard(ctx, compounds),
      });
    }),
  );
  bot.callbackQuery(
    /^nt:a:cp:(\d{1,9})$/,
    staff,
    choosing((ctx) => chosen(ctx, { kind: 'compound', id: Number(arg(ctx)) })),
  );
  bot.callbackQuery(
    /^nt:a:r:(staff|deputy|partner)$/,
    staff,
    choosing((ctx) => chosen(ctx, { kind: 'role', role: arg(ctx) as notices.AudienceRole })),
  );
  bot.callbackQuery(
    /^nt:a:x:([a-z]+\.[A-Za-z]+)$/,
    staff,
    choosing((ctx) => (areasFor(ctx)[arg(ctx)] ? chosen(ctx, { kind: 'area', key: arg(ctx) }) : expired(ctx))),
  );

  async function label(ctx: BotContext, code: string) {
    return paramText(ctx.t, ctx.locale, await notices.describeAudience(ctx.deps.db, code, areasFor(ctx)));
  }

  async function summaryText(ctx: BotContext, audience: Audience, s: notices.AudienceSummary, sendAt: Date | null) {
    const lines = [
      ctx.t('notices.compose.summary', {
        audience: await label(ctx, notices.audienceCode(audience)),
        recipients: s.recipients,
      }),
    ];
    if (s.unreachable) lines.push(ctx.t('notices.compose.summaryUnreachable', { n: s.unreachable }));
    if (s.optedOut) lines.push(ctx.t('notices.compose.summaryOptedOut', { n: s.optedOut }));
    lines.push(
      sendAt
        ? ctx.t('notices.compose.askConfirmAt', { when: when(sendAt, ctx.deps.config.TIMEZONE) })
        : ctx.t('notices.compose.askConfirm'),
    );
    return lines.join('\n');
  }

  async function chosen(ctx: BotContext, audience: Audience) {
    const { db, clock } = ctx.deps;
    let s: notices.AudienceSummary;
    try {
      s = await notices.summarizeAudience(db, audience, areasFor(ctx), clock.now());
    } catch (e) {
      return replyDomainError(ctx, e);
    }
    await ctx.answerCallbackQuery();
    const code = notices.audienceCode(audience);
    if (s.recipients === 0) {
      await ctx.editMessageText(ctx.t('notices.compose.nobody', { audience: await label(ctx, code) }), {
        reply_markup: audienceKeyboard(ctx, areasFor(ctx)),
      });
      return;
    }
    const data: DraftData = { ...draftOf(ctx), key: notices.newDraftKey(), audience: code };
    await ctx.setFlow(FLOW, 'confirm', { ...data });
    await ctx.editMessageText(ctx.t('notices.compose.audienceChosen', { audience: await label(ctx, code) }));
    const refused = await sendPreview(ctx, data);
    if (refused) {
      await ctx.setFlow(FLOW, 'text', {});
      await ctx.reply(ctx.t('notices.compose.refused', { reason: refused }), { reply_markup: cancelKeyboard(ctx) });
      return;
    }
    await ctx.reply(await summaryText(ctx, audience, s, null), { reply_markup: confirmKeyboard(ctx, data.key, false) });
  }

  // The preview's buttons carry its one-time key: an older preview (another audience, another time) is expired.
  const previewing = (step: string, handler: (ctx: Cb, d: DraftData) => Promise<unknown>) => async (ctx: Cb) => {
    if (!inFlow(FLOW, step)(ctx) || draftOf(ctx).key !== arg(ctx)) return expired(ctx);
    return handler(ctx, draftOf(ctx));
  };

  bot.callbackQuery(
    /^nt:no:([\w-]{8})$/,
    staff,
    previewing('confirm', async (ctx) => {
      await ctx.endFlow();
      await ctx.answerCallbackQuery();
      await ctx.editMessageText(ctx.t('notices.compose.discarded'));
      await ctx.reply(ctx.t('common.cancelled'), { reply_markup: ctx.mainMenu() });
    }),
  );

  bot.callbackQuery(
    /^nt:sch:([\w-]{8})$/,
    staff,
    previewing('confirm', async (ctx, d) => {
      await ctx.setFlow(FLOW, 'when', { ...d });
      await ctx.answerCallbackQuery();
      await ctx.editMessageReplyMarkup();
      await askWhen(ctx);
    }),
  );

  async function askWhen(ctx: BotContext, error?: string) {
    const tz = ctx.deps.config.TIMEZONE;
    const example = `${addDays(localDate(ctx.deps.clock.now(), tz), 1)} 09:00`;
    const ask = ctx.t('notices.compose.askWhen', {
      example,
      tz: tz === 'Asia/Shanghai' ? ctx.t('notices.compose.beijingTime') : tz,
    });
    await ctx.reply(error ? `${error}\n${ask}` : ask, { reply_markup: cancelKeyboard(ctx) });
  }

  pm.filter(inFlow(FLOW, 'when'))
    .use(staff)
    .on('message:text', async (ctx) => {
      const { db, clock, config } = ctx.deps;
      let sendAt: Date;
      try {
        sendAt = notices.parseSendAt(ctx.message.text, config.TIMEZONE, clock.now());
      } catch (e) {
        if (e instanceof DomainError) return askWhen(ctx, domainErrorText(ctx, e));
        throw e;
      }
      const d = { ...draftOf(ctx), key: notices.newDraftKey(), sendAt: sendAt.toISOString() };
      const audience = notices.parseAudience(d.audience ?? '');
      if (!audience) return ctx.endFlow();
      const s = await notices.summarizeAudience(db, audience, areasFor(ctx), clock.now());
      await ctx.setFlow(FLOW, 'confirm', { ...d });
      await ctx.reply(await summaryText(ctx, audience, s, sendAt), { reply_markup: confirmKeyboard(ctx, d.key, true) });
    });

  // Confirmation: role checked again (it may have been revoked since /broadcast), then everything in one transaction.
  bot.callbackQuery(
    /^nt:go:([\w-]{8})$/,
    staff,
    previewing('confirm', async (ctx, d) => {
      const { db, clock, config } = ctx.deps;
      const audience = notices.parseAudience(d.audience ?? '');
      if (!audience) return expired(ctx);
      const sendAt = d.sendAt ? new Date(d.sendAt) : null;
      let created: Awaited<ReturnType<typeof notices.createBroadcast>>;
      try {
        created = await notices.createBroadcast(
          db,
          {
            draft: { key: d.key, text: d.text, entities: d.entities, photo: d.photo },
            actorId: ctx.user.id,
            audience,
            sendAt,
            progressMessageId: ctx.callbackQuery?.message?.message_id ?? null,
          },
          areasFor(ctx),
          clock.now(),
        );
      } catch (e) {
        if (e instanceof notices.TimeInPast) {
          await ctx.setFlow(FLOW, 'when', { ...d });
          await ctx.answerCallbackQuery();
          return askWhen(ctx, domainErrorText(ctx, e));
        }
        if (e instanceof notices.AlreadyConfirmed) await ctx.endFlow();
        return replyDomainError(ctx, e);
      }
      await ctx.endFlow();
      ctx.deps.wakeDelivery();
      await ctx.answerCallbackQuery({ text: ctx.t('notices.compose.confirmed') });
      const b = (await notices.findBroadcast(db, created.id))!;
      const audienceText = await label(ctx, b.audience);
      if (sendAt) {
        await ctx.editMessageText(
          ctx.t('notices.compose.scheduledOk', {
            id: b.id,
            when: when(sendAt, config.TIMEZONE),
            audience: audienceText,
            recipients: b.recipients,
          }),
          {
            reply_markup: stopKeyboard(ctx.t, b.id, true),
          },
        );
      } else {
        await ctx.editMessageText(
          progressText(ctx.t, b, audienceText, await notices.progressOf(db, b.id), config.DELIVERY_RATE_PER_SEC),
          {
            reply_markup: stopKeyboard(ctx.t, b.id, false),
          },
        );
      }
      await ctx.reply(ctx.t('notices.compose.done'), { reply_markup: ctx.mainMenu() });
    }),
  );

  return bot;
}
