import { Composer } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { cancelKeyboard } from '../../telegram/keyboards';
import { inFlow, isKeyText } from '../../telegram/middlewares/match';
import { shareLink } from './bot-follow';
import { type Category, isCategory, RX } from './callbacks';
import { isEmergency } from './emergency';
import {
  categoryKeyboard,
  confirmKeyboard,
  cosignKeyboard,
  locationKeyboard,
  nameKeyboard,
  notEmergencyKeyboard,
  photosDoneKeyboard,
  shareKeyboard,
  similarKeyboard,
} from './keyboards';
import { policyFrom } from './notify';
import * as petitions from './service';

export const residentBot = new Composer<BotContext>();
const pm = residentBot.chatType('private');

const FLOW = 'petitions.new';
const LIMITS = { place: [2, 100], description: [5, 1000] } as const;

interface DraftData {
  category?: Category;
  place?: string;
  latitude?: number | null;
  longitude?: number | null;
  description?: string;
  photos?: string[];
  showName?: boolean;
  pending?: string;
  pendingStep?: string;
}

const data = (ctx: BotContext) => (ctx.flow?.data ?? {}) as DraftData;
const largest = (photos: { file_id: string; width: number }[]) =>
  [...photos].sort((a, b) => b.width - a.width)[0]!.file_id;

async function start(ctx: BotContext) {
  await ctx.setFlow(FLOW, 'category', {});
  await ctx.reply(ctx.t('petitions.new.intro'), { reply_markup: categoryKeyboard(ctx) });
}
pm.command('petition', start);
pm.filter(isKeyText('petitions.menu.report'), start);

const emergencyReply = (ctx: BotContext) =>
  ctx.reply(ctx.t('petitions.emergency.numbers'), { reply_markup: ctx.mainMenu() });

residentBot.callbackQuery(RX.emergency, async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.endFlow();
  await emergencyReply(ctx);
});

residentBot.callbackQuery(RX.category).filter(inFlow(FLOW, 'category'), async (ctx) => {
  const category = ctx.match[1]!;
  if (!isCategory(category)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.setFlow(FLOW, 'place', { ...data(ctx), category });
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(
    ctx.t('petitions.new.categoryChosen', { category: ctx.t(`petitions.category.${category}`) }),
  );
  await ctx.reply(ctx.t('petitions.new.askPlace'), { reply_markup: cancelKeyboard(ctx) });
});

/** Takes the place or description; an emergency stops everything and gives the numbers to call. */
async function takeText(ctx: BotContext, step: 'place' | 'describe', text: string) {
  if (step === 'place') {
    await ctx.setFlow(FLOW, 'location', { ...data(ctx), place: text, pending: undefined, pendingStep: undefined });
    await ctx.reply(ctx.t('petitions.new.askLocation'), { reply_markup: locationKeyboard(ctx) });
    return;
  }
  const d = { ...data(ctx), description: text, pending: undefined, pendingStep: undefined };
  const similar = await petitions.findSimilar(ctx.deps.db, ctx.user.id, {
    category: d.category!,
    place: d.place ?? '',
    description: text,
    latitude: d.latitude ?? null,
    longitude: d.longitude ?? null,
  });
  if (similar.length) {
    await ctx.setFlow(FLOW, 'similar', d);
    const lines = similar.map((s) =>
      ctx.t('petitions.similar.line', {
        id: s.petition.id,
        place: s.petition.place,
        description: s.petition.description.slice(0, 80),
        status: ctx.t(`petitions.status.${s.petition.status}`),
      }),
    );
    await ctx.reply(ctx.t('petitions.similar.ask', { lines: lines.join('\n\n') }), {
      reply_markup: similarKeyboard(
        ctx,
        similar.map((s) => s.petition.id),
      ),
    });
    return;
  }
  await askPhotos(ctx, d);
}

async function askPhotos(ctx: BotContext, d: DraftData) {
  await ctx.setFlow(FLOW, 'photos', { ...d, photos: d.photos ?? [] });
  await ctx.reply(ctx.t('petitions.new.askPhotos', { max: petitions.MAX_PHOTOS }), {
    reply_markup: photosDoneKeyboard(ctx, 0),
  });
}

for (const step of ['place', 'describe'] as const) {
  pm.on('message:text').filter(inFlow(FLOW, step), async (ctx, next) => {
    const text = ctx.message.text.trim();
    if (text.startsWith('/')) return next();
    const [min, max] = step === 'place' ? LIMITS.place : LIMITS.description;
    if (isEmergency(text)) {
      await ctx.setFlow(FLOW, 'emergency', { ...data(ctx), pending: text, pendingStep: step });
      await emergencyReply(ctx);
      await ctx.reply(ctx.t('petitions.emergency.continue'), { reply_markup: notEmergencyKeyboard(ctx) });
      return;
    }
    if ([...text].length < min || [...text].length > max) {
      await ctx.reply(
        ctx.t(step === 'place' ? 'petitions.new.placeAgain' : 'petitions.new.describeAgain', { min, max }),
        { reply_markup: cancelKeyboard(ctx) },
      );
      return;
    }
    await takeText(ctx, step, text);
  });
}

residentBot.callbackQuery(RX.notEmergency).filter(inFlow(FLOW, 'emergency'), async (ctx) => {
  await ctx.answerCallbackQuery();
  const d = data(ctx);
  if (!d.pending || (d.pendingStep !== 'place' && d.pendingStep !== 'describe')) return start(ctx);
  await takeText(ctx, d.pendingStep, d.pending);
});

pm.on('message:location').filter(inFlow(FLOW, 'location'), async (ctx) => {
  const { latitude, longitude } = ctx.message.location;
  await ctx.setFlow(FLOW, 'describe', { ...data(ctx), latitude, longitude });
  await ctx.reply(ctx.t('petitions.new.locationSaved'));
  await ctx.reply(ctx.t('petitions.new.askDescription'), { reply_markup: cancelKeyboard(ctx) });
});

pm.filter(inFlow(FLOW, 'location')).filter(isKeyText('petitions.new.skipLocation'), async (ctx) => {
  await ctx.setFlow(FLOW, 'describe', { ...data(ctx), latitude: null, longitude: null });
  await ctx.reply(ctx.t('petitions.new.askDescription'), { reply_markup: cancelKeyboard(ctx) });
});

pm.on('message:text').filter(inFlow(FLOW, 'location'), async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  await ctx.reply(ctx.t('petitions.new.locationAgain'), { reply_markup: locationKeyboard(ctx) });
});

residentBot.callbackQuery(RX.notSame).filter(inFlow(FLOW, 'similar'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await askPhotos(ctx, data(ctx));
});

residentBot.callbackQuery(RX.sameAs).filter(inFlow(FLOW, 'similar'), async (ctx) => {
  const id = Number(ctx.match[1]);
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('petitions.cosign.ask', { id }), { reply_markup: cosignKeyboard(ctx, id) });
});

pm.on('message:photo').filter(inFlow(FLOW, 'photos'), async (ctx) => {
  const photos = [...(data(ctx).photos ?? []), largest(ctx.message.photo)].slice(0, petitions.MAX_PHOTOS);
  if (photos.length >= petitions.MAX_PHOTOS) return askName(ctx, { ...data(ctx), photos });
  await ctx.setFlow(FLOW, 'photos', { ...data(ctx), photos });
  await ctx.reply(ctx.t('petitions.new.photoSaved', { n: photos.length, left: petitions.MAX_PHOTOS - photos.length }), {
    reply_markup: photosDoneKeyboard(ctx, photos.length),
  });
});

pm.on('message:text').filter(inFlow(FLOW, 'photos'), async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  await ctx.reply(ctx.t('petitions.new.photosAgain', { max: petitions.MAX_PHOTOS }), {
    reply_markup: photosDoneKeyboard(ctx, data(ctx).photos?.length ?? 0),
  });
});

residentBot.callbackQuery(RX.photosDone).filter(inFlow(FLOW, 'photos'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await askName(ctx, data(ctx));
});

async function askName(ctx: BotContext, d: DraftData) {
  await ctx.setFlow(FLOW, 'name', { ...d });
  await ctx.reply(ctx.t('petitions.new.askName'), { reply_markup: nameKeyboard(ctx) });
}

residentBot.callbackQuery(RX.showName).filter(inFlow(FLOW, 'name'), async (ctx) => {
  const d = { ...data(ctx), showName: ctx.match[1] === '1' };
  await ctx.setFlow(FLOW, 'confirm', d);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(
    ctx.t('petitions.new.summary', {
      category: ctx.t(`petitions.category.${d.category}`),
      place: d.place ?? '',
      location: ctx.t(d.latitude != null ? 'petitions.new.hasLocation' : 'petitions.new.noLocation'),
      description: d.description ?? '',
      photos: d.photos?.length ?? 0,
      name: ctx.t(d.showName ? 'petitions.new.nameShown' : 'petitions.new.nameHidden'),
    }),
    { reply_markup: confirmKeyboard(ctx) },
  );
});

residentBot.callbackQuery(RX.confirm).filter(inFlow(FLOW, 'confirm'), async (ctx) => {
  const d = data(ctx);
  if (!d.category || !d.place || !d.description) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  try {
    const p = await petitions.filePetition(
      ctx.deps.db,
      policyFrom(ctx.deps.config),
      ctx.user.id,
      {
        category: d.category,
        place: d.place,
        latitude: d.latitude ?? null,
        longitude: d.longitude ?? null,
        description: d.description,
        photos: d.photos ?? [],
        showName: d.showName === true,
      },
      ctx.deps.clock.now(),
    );
    await ctx.endFlow();
    ctx.deps.wakeDelivery();
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup();
    const link = shareLink(ctx, p.id);
    await ctx.reply(
      ctx.t('petitions.new.filed', {
        id: p.id,
        link,
        ackDays: ctx.deps.config.PETITION_ACK_DAYS,
        answerDays: ctx.deps.config.PETITION_ANSWER_DAYS,
      }),
      { reply_markup: shareKeyboard(ctx, link) },
    );
    await ctx.reply(ctx.t('petitions.new.followHint'), { reply_markup: ctx.mainMenu() });
  } catch (e) {
    if (e instanceof petitions.DailyLimitReached) await ctx.endFlow();
    await replyDomainError(ctx, e);
  }
});

// Anything else inside the flow that is not text (a sticker, a voice message) gets a polite re-ask.
pm.on('message').filter(inFlow(FLOW), async (ctx, next) => {
  if (ctx.message.text !== undefined) return next();
  await ctx.reply(ctx.t('petitions.new.unexpected'));
});
