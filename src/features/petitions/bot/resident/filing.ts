import { Composer, Keyboard } from 'grammy';
import type { Platform } from '../../../../platform';
import type { BotContext } from '../../../../telegram/context';
import { cancelKeyboard } from '../../../../telegram/keyboards';
import { finished, inFlow, isKeyText } from '../../../../telegram/middlewares/match';
import { petitionLink, RX } from '../../callbacks';
import { type FilingData, filingFlow } from '../../flows';
import { fits, MAX_PHOTOS, TEXT_LIMITS } from '../../policy';
import type { PetitionsService } from '../../service';
import {
  categoryChoice,
  cosignChoice,
  filed,
  nameChoice,
  nameOf,
  photosDone,
  similarChoice,
  summary,
} from '../../views';

const locationKeyboard = (ctx: BotContext) =>
  new Keyboard()
    .requestLocation(ctx.t('petitions.new.shareLocation'))
    .row()
    .text(ctx.t('petitions.new.skipLocation'))
    .row()
    .text(ctx.t('common.cancelButton'))
    .resized()
    .oneTime();

/** Telegram sends each photo in several sizes: the widest is kept. */
export const largest = (photos: { file_id: string; width: number }[]) =>
  [...photos].sort((a, b) => b.width - a.width)[0]!.file_id;

/** A resident files a petition: category, place, location, description, photos, name, confirm. */
export function filingBot(petitions: PetitionsService, { telegram }: Pick<Platform, 'telegram'>) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const reader = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, tz: petitions.policy.timezone });

  async function start(ctx: BotContext) {
    await ctx.setFlow(filingFlow, 'category', {});
    const card = categoryChoice(reader(ctx), await petitions.categories());
    await ctx.reply(card.text, { reply_markup: card.markup });
  }
  pm.command('petition', start);
  pm.filter(isKeyText('petitions.menu.report'), start);

  // The 🚨 button names no situation yet: every number, in the order a resident looks for them.
  const emergencyReply = (ctx: BotContext) => ctx.reply(ctx.t('safety.general'), { reply_markup: ctx.mainMenu() });

  bot.callbackQuery(RX.emergency, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.endFlow();
    await emergencyReply(ctx);
  });

  bot.callbackQuery(RX.category).filter(inFlow(filingFlow, 'category'), async (ctx) => {
    // A retired category (a card from before) or a forged one: UnknownCategory ends the flow.
    const category = await petitions.category(ctx.match[1]!);
    await ctx.setFlow(filingFlow, 'place', { ...ctx.flow.data, category: category.code });
    await ctx.answerCallbackQuery();
    await ctx.editMessageText(ctx.t('petitions.new.categoryChosen', { category: nameOf(reader(ctx), category) }));
    await ctx.reply(ctx.t('petitions.new.askPlace'), { reply_markup: cancelKeyboard(ctx) });
  });

  /**
   * The photo step's prompt with its "done" button. Only the newest prompt keeps the button: the one before loses it
   * as the next comes (its id is kept in the flow), so no stale "照片发完了" is left to tap.
   */
  async function photoPrompt(ctx: BotContext, d: FilingData, text: string) {
    const photos = d.photos ?? [];
    if (d.promptId !== undefined && ctx.chat)
      // Only a button goes: the message may be gone already, which changes nothing.
      await ctx.api.editMessageReplyMarkup(ctx.chat.id, d.promptId).catch(() => undefined);
    await ctx.setFlow(filingFlow, 'photos', { ...d, photos, promptId: undefined });
    const m = await ctx.reply(text, { reply_markup: photosDone(ctx.t, photos.length) });
    await ctx.setFlow(filingFlow, 'photos', { ...d, photos, promptId: m.message_id });
  }
  const askPhotos = (ctx: BotContext, d: FilingData) =>
    photoPrompt(ctx, d, ctx.t('petitions.new.askPhotos', { max: MAX_PHOTOS }));

  /** Takes the place or the description; after the description, open petitions like it are offered first. */
  async function takeText(ctx: BotContext, d: FilingData, step: 'place' | 'describe', text: string) {
    const rest = { ...d, pending: undefined, pendingStep: undefined };
    if (step === 'place') {
      await ctx.setFlow(filingFlow, 'location', { ...rest, place: text });
      await ctx.reply(ctx.t('petitions.new.askLocation'), { reply_markup: locationKeyboard(ctx) });
      return;
    }
    const next = { ...rest, description: text };
    const similar = await petitions.similar(ctx.user.id, {
      category: next.category ?? 'other',
      place: next.place ?? '',
      description: text,
      latitude: next.latitude ?? null,
      longitude: next.longitude ?? null,
    });
    if (similar.length === 0) return askPhotos(ctx, next);
    await ctx.setFlow(filingFlow, 'similar', next);
    const card = similarChoice(ctx.t, similar);
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  // A danger typed here never arrives: the safety area's check answered it first (and hands it back on "carry on").
  for (const step of ['place', 'describe'] as const) {
    pm.on('message:text').filter(inFlow(filingFlow, step), async (ctx) => {
      const text = ctx.message.text.trim();
      const [min, max] = TEXT_LIMITS[step === 'place' ? 'place' : 'description'];
      if (!fits(text, [min, max])) {
        const again = step === 'place' ? 'petitions.new.placeAgain' : 'petitions.new.describeAgain';
        await ctx.reply(ctx.t(again, { min, max }), { reply_markup: cancelKeyboard(ctx) });
        return;
      }
      await takeText(ctx, ctx.flow.data, step, text);
    });
  }

  // Flows saved at the old 'emergency' step (before the safety area took over) still carry on from here.
  bot.callbackQuery(RX.notEmergency).filter(inFlow(filingFlow, 'emergency'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const d = ctx.flow.data;
    if (!d.pending || !d.pendingStep) return start(ctx);
    await takeText(ctx, d, d.pendingStep, d.pending);
  });

  pm.on('message:location').filter(inFlow(filingFlow, 'location'), async (ctx) => {
    const { latitude, longitude } = ctx.message.location;
    await ctx.setFlow(filingFlow, 'describe', { ...ctx.flow.data, latitude, longitude });
    await ctx.reply(ctx.t('petitions.new.locationSaved'));
    await ctx.reply(ctx.t('petitions.new.askDescription'), { reply_markup: cancelKeyboard(ctx) });
  });

  pm.filter(inFlow(filingFlow, 'location'))
    .filter(isKeyText('petitions.new.skipLocation'))
    .use(async (ctx) => {
      await ctx.setFlow(filingFlow, 'describe', { ...ctx.flow.data, latitude: null, longitude: null });
      await ctx.reply(ctx.t('petitions.new.askDescription'), { reply_markup: cancelKeyboard(ctx) });
    });

  pm.on('message:text').filter(inFlow(filingFlow, 'location'), (ctx) =>
    ctx.reply(ctx.t('petitions.new.locationAgain'), { reply_markup: locationKeyboard(ctx) }),
  );

  bot.callbackQuery(RX.notSame).filter(inFlow(filingFlow, 'similar'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await askPhotos(ctx, ctx.flow.data);
  });

  bot.callbackQuery(RX.sameAs).filter(inFlow(filingFlow, 'similar'), async (ctx) => {
    await ctx.answerCallbackQuery();
    const card = cosignChoice(ctx.t, Number(ctx.match[1]));
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  async function askName(ctx: BotContext, d: FilingData) {
    await ctx.setFlow(filingFlow, 'name', d);
    const card = nameChoice(ctx.t);
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  pm.on('message:photo').filter(inFlow(filingFlow, 'photos'), async (ctx) => {
    const d = ctx.flow.data;
    const photos = [...(d.photos ?? []), largest(ctx.message.photo)].slice(0, MAX_PHOTOS);
    const saved = ctx.t('petitions.new.photoSaved', { n: photos.length, left: MAX_PHOTOS - photos.length });
    if (photos.length < MAX_PHOTOS) return photoPrompt(ctx, { ...d, photos }, saved);
    if (d.promptId !== undefined) await ctx.api.editMessageReplyMarkup(ctx.chat.id, d.promptId).catch(() => undefined);
    await askName(ctx, { ...d, photos, promptId: undefined });
  });

  pm.on('message:text').filter(inFlow(filingFlow, 'photos'), (ctx) =>
    photoPrompt(ctx, ctx.flow.data, ctx.t('petitions.new.photosAgain', { max: MAX_PHOTOS })),
  );

  // Pressed: the button leaves the message it was on.
  bot.callbackQuery(RX.photosDone).filter(inFlow(filingFlow, 'photos'), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    await askName(ctx, { ...ctx.flow.data, promptId: undefined });
  });

  bot.callbackQuery(RX.showName).filter(inFlow(filingFlow, 'name'), async (ctx) => {
    const d = { ...ctx.flow.data, showName: ctx.match[1] === '1' };
    await ctx.setFlow(filingFlow, 'confirm', d);
    await ctx.answerCallbackQuery();
    const category = d.category ? nameOf(reader(ctx), await petitions.category(d.category)) : '';
    const card = summary(ctx.t, d, category);
    await ctx.editMessageText(card.text, { reply_markup: card.markup });
  });

  // Filing, the end of the flow (keeping the number) and the forwards to the deputies commit together.
  bot.callbackQuery(RX.confirm).filter(inFlow(filingFlow, 'confirm'), async (ctx) => {
    const d = ctx.flow.data;
    if (!d.category || !d.place || !d.description) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    const draft = {
      category: d.category,
      place: d.place,
      latitude: d.latitude ?? null,
      longitude: d.longitude ?? null,
      description: d.description,
      photos: d.photos ?? [],
      showName: d.showName === true,
    };
    const p = await petitions.file(ctx.user.id, draft, (filed) => ctx.flowEnd({ id: filed.id }));
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    const card = filed(ctx.t, p, petitionLink(telegram.botUsername(), p.id), petitions.policy);
    await ctx.reply(card.text, { reply_markup: card.markup });
    await ctx.reply(ctx.t('petitions.new.followHint'), { reply_markup: ctx.mainMenu() });
  });

  // The same confirmation again — a second tap, or Telegram redelivering it after a crash — finds the petition filed:
  // it is named, and nothing is filed or counted again.
  bot.callbackQuery(RX.confirm).filter(finished(filingFlow), async (ctx) => {
    const { id, cosigned } = ctx.finished.result as { id?: number; cosigned?: boolean };
    const key = cosigned ? 'petitions.new.alreadyCosigned' : 'petitions.new.alreadyFiled';
    await ctx.answerCallbackQuery({ text: ctx.t(key, { id: id ?? '?' }), show_alert: true });
    await ctx.editMessageReplyMarkup().catch(() => undefined);
  });

  bot.callbackQuery(RX.cancel).filter(inFlow(filingFlow), async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.endFlow();
    await ctx.editMessageReplyMarkup();
    await ctx.reply(ctx.t('common.cancelled'), { reply_markup: ctx.mainMenu() });
  });

  // Anything else inside the flow that is not text (a sticker, a voice message) gets a polite re-ask.
  pm.on('message')
    .filter(inFlow(filingFlow))
    .filter(
      (ctx) => ctx.message.text === undefined,
      (ctx) => ctx.reply(ctx.t('petitions.new.unexpected'), { reply_markup: cancelKeyboard(ctx) }),
    );

  return bot;
}
