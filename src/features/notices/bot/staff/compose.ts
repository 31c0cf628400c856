import { type CallbackQueryContext, Composer } from 'grammy';
import type { Platform } from '../../../../platform';
import type { BotContext, InFlow } from '../../../../telegram/context';
import { cancelKeyboard } from '../../../../telegram/keyboards';
import { requireRole } from '../../../../telegram/middlewares/guard';
import { inFlow } from '../../../../telegram/middlewares/match';
import { type Audience, audienceCode, isAudienceRole } from '../../audience';
import { CB, RX } from '../../callbacks';
import { type Draft, keepEntities, newDraftKey } from '../../draft';
import { type ComposeData, type ComposeStep, composeFlow, emptyDraft } from '../../flows';
import type { NoticesService } from '../../service';
import { audienceChoice, type Card, communityChoice, compoundChoice, confirmCard, paramText } from '../../views';
import { expired } from './expired';
import { sendPreview } from './preview';

/** A button press while the compose flow is (checked to be) at the audience step. */
type Choosing = CallbackQueryContext<BotContext> & InFlow<ComposeData, ComposeStep>;

/** /broadcast up to the preview: the text or photo, then the audience through buttons. */
export function composeBot(notices: NoticesService, platform: Pick<Platform, 'config' | 'i18n'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const tz = platform.config.TIMEZONE;

  async function start(ctx: BotContext) {
    await ctx.setFlow(composeFlow, 'text', emptyDraft);
    await ctx.reply(ctx.t('notices.compose.askText'), { reply_markup: cancelKeyboard(ctx) });
  }
  pm.command('broadcast', staff, start);
  bot.callbackQuery(RX.compose, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await start(ctx);
  });

  async function takeDraft(ctx: BotContext, draft: Omit<Draft, 'key'>) {
    await ctx.setFlow(composeFlow, 'audience', { ...draft, key: newDraftKey() });
    const card = audienceChoice(ctx.t, notices.areaAudiences());
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  const writing = bot.filter(inFlow(composeFlow, 'text')).chatType('private').use(staff);
  writing.on('message:text', (ctx) =>
    takeDraft(ctx, { text: ctx.message.text, entities: keepEntities(ctx.message.entities), photo: null }),
  );
  writing.on('message:photo', (ctx) =>
    takeDraft(ctx, {
      text: ctx.message.caption ?? '',
      entities: keepEntities(ctx.message.caption_entities),
      photo: ctx.message.photo.at(-1)!.file_id,
    }),
  );
  writing.on('message', (ctx) => ctx.reply(ctx.t('notices.compose.askTextAgain')));

  // Audience buttons work only while the draft waits for its audience; anything older is expired.
  const inAudienceStep = inFlow(composeFlow, 'audience');
  const choosing = (handler: (ctx: Choosing) => Promise<unknown>) => async (ctx: CallbackQueryContext<BotContext>) =>
    inAudienceStep(ctx) ? handler(ctx) : expired(ctx);

  async function edit(ctx: BotContext, card: Card) {
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  }

  bot.callbackQuery(
    RX.all,
    staff,
    choosing((ctx) => chosen(ctx, { kind: 'all' })),
  );
  bot.callbackQuery(
    RX.audienceMenu,
    staff,
    choosing((ctx) => edit(ctx, audienceChoice(ctx.t, notices.areaAudiences()))),
  );
  bot.callbackQuery(
    RX.communities,
    staff,
    choosing(async (ctx) => edit(ctx, communityChoice(ctx.t, ctx.locale, await notices.communities(), CB.community))),
  );
  bot.callbackQuery(
    RX.community,
    staff,
    choosing((ctx) => chosen(ctx, { kind: 'community', id: Number(ctx.match[1]) })),
  );
  bot.callbackQuery(
    RX.compoundCommunities,
    staff,
    choosing(async (ctx) => edit(ctx, communityChoice(ctx.t, ctx.locale, await notices.communities(), CB.compoundsOf))),
  );
  bot.callbackQuery(
    RX.compoundsOf,
    staff,
    choosing(async (ctx) => {
      const compounds = await notices.compounds(Number(ctx.match[1]));
      if (compounds.length === 0) return expired(ctx);
      await edit(ctx, compoundChoice(ctx.t, ctx.locale, compounds));
    }),
  );
  bot.callbackQuery(
    RX.compound,
    staff,
    choosing((ctx) => chosen(ctx, { kind: 'compound', id: Number(ctx.match[1]) })),
  );
  bot.callbackQuery(
    RX.role,
    staff,
    choosing((ctx) => {
      const role = ctx.match[1] ?? '';
      return isAudienceRole(role) ? chosen(ctx, { kind: 'role', role }) : expired(ctx);
    }),
  );
  bot.callbackQuery(
    RX.area,
    staff,
    choosing((ctx) => {
      const key = ctx.match[1] ?? '';
      return notices.areaAudiences()[key] ? chosen(ctx, { kind: 'area', key }) : expired(ctx);
    }),
  );

  /** The audience is chosen: the preview exactly as residents get it, then who gets it and the send buttons. */
  async function chosen(ctx: Choosing, audience: Audience) {
    const summary = await notices.summarize(audience);
    await ctx.answerCallbackQuery();
    const code = audienceCode(audience);
    const label = paramText(ctx.t, ctx.locale, await notices.describe(code));
    if (summary.recipients === 0) {
      const card = audienceChoice(ctx.t, notices.areaAudiences(), ctx.t('notices.compose.nobody', { audience: label }));
      await ctx.editMessageText(card.text, { reply_markup: card.markup });
      return;
    }
    const data = { ...ctx.flow.data, key: newDraftKey(), audience: code };
    await ctx.setFlow(composeFlow, 'confirm', data);
    await ctx.editMessageText(ctx.t('notices.compose.audienceChosen', { audience: label }));
    const refused = await sendPreview(ctx, data, platform);
    if (refused) {
      await ctx.setFlow(composeFlow, 'text', emptyDraft);
      await ctx.reply(ctx.t('notices.compose.refused', { reason: refused }), { reply_markup: cancelKeyboard(ctx) });
      return;
    }
    const card = confirmCard(ctx.t, { audience: label, summary, key: data.key, sendAt: null, tz });
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  return bot;
}
