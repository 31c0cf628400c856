import { Composer } from 'grammy';
import type { BotContext, InFlow } from '../../../telegram/context';
import { inFlow } from '../../../telegram/middlewares/match';
import type { ResidentsService } from '../../residents/service';
import { parse, RX } from '../callbacks';
import { completeDraft, createFlow, type Draft } from '../flows';
import {
  exampleDate,
  parseAges,
  parseBilingual,
  parseCapacity,
  parseDate,
  parseHours,
  parseSessions,
  placeAddress,
} from '../input';
import { activitiesPolicy } from '../policy';
import type { ActivitiesService } from '../service';
import type { Card } from '../views/common';
import {
  audienceCard,
  capacityCard,
  kindCard,
  organiserCard,
  placeCard,
  repeatCard,
  saveCard,
  skipCard,
} from '../views/create';
import { actorOf, manager, staffOnly } from './actor';

const { limits } = activitiesPolicy;
type Step = (typeof createFlow.steps)[number];
type Data = Partial<Draft> & { card?: number };
type Ctx = InFlow<Data, Step>;

/**
 * Staff (and partners, for themselves, while staff allow it) create an activity step by step, every choice a button
 * and only what must be written typed: kind → (organiser, staff only) → title →
 * description → date → hours → once or weekly (→ how many weeks) → place → audience (→ ages) → places → save as a
 * draft, or save and publish.
 */
export function createBot(
  service: ActivitiesService,
  places: Pick<ResidentsService, 'compounds' | 'compound'>,
  showPanel: (ctx: BotContext, id: number, edit: boolean, notice?: string) => Promise<unknown>,
) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const step = (...s: Step[]) => inFlow(createFlow, ...s);

  /** Moves to `next` with the draft grown by `patch`, asking its question (the old question's buttons go). */
  async function ask(ctx: BotContext, next: Step, data: Data, card: Card) {
    const old = data.card;
    if (old !== undefined && ctx.chat)
      await ctx.api.editMessageReplyMarkup(ctx.chat.id, old, { reply_markup: { inline_keyboard: [] } }).catch(() => {});
    const m = await ctx.reply(card.text, { reply_markup: card.markup });
    await ctx.setFlow(createFlow, next, { ...data, card: card.markup ? m.message_id : undefined });
  }
  const data = (ctx: Ctx): Data => ctx.flow.data;
  const text = (ctx: BotContext) => ctx.message?.text ?? '';

  /** From the first question: a partner's activity is their own partner's, so they are never asked who organises. */
  const begin = async (ctx: BotContext) =>
    ask(ctx, 'kind', { partnerId: (await service.organiserFor(actorOf(ctx)))?.id ?? null }, kindCard(ctx));
  bot.callbackQuery(RX.create, manager, async (ctx) => {
    await ctx.answerCallbackQuery();
    await begin(ctx);
  });
  bot.filter(step('kind')).callbackQuery(RX.kind, manager, async (ctx) => {
    await ctx.answerCallbackQuery();
    const d = { ...data(ctx), kind: parse.kind(ctx.match) };
    if (!actorOf(ctx).staff) return askTitle(ctx, d.partnerId ?? null, d);
    await ask(ctx, 'organiser', d, organiserCard(ctx, await service.organisers(), 0));
  });
  bot.filter(step('organiser')).callbackQuery(RX.organisers, staffOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    const card = organiserCard(ctx, await service.organisers(), parse.id(ctx.match));
    await ctx.editMessageReplyMarkup({ reply_markup: card.markup });
  });
  const askTitle = (ctx: Ctx, partnerId: number | null, d: Data = data(ctx)) =>
    ask(ctx, 'title', { ...d, partnerId }, { text: ctx.t('activities.create.title') });
  bot.filter(step('organiser')).callbackQuery(RX.organiser, staffOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askTitle(ctx, parse.id(ctx.match));
  });
  bot.filter(step('organiser')).callbackQuery(RX.skip, staffOnly, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askTitle(ctx, null);
  });
  pm.on('message:text').filter(step('title'), manager, async (ctx) => {
    const t = parseBilingual(text(ctx), limits.title);
    const d = { ...data(ctx), titleZh: t.zh, titleEn: t.en };
    await ask(ctx, 'description', d, skipCard(ctx, 'activities.create.description', { max: limits.description }));
  });
  const askDate = (ctx: Ctx, d: Data) =>
    ask(ctx, 'date', d, { text: ctx.t('activities.create.date', { example: exampleDate(service.todayDate()) }) });
  pm.on('message:text').filter(step('description'), manager, async (ctx) => {
    const t = parseBilingual(text(ctx), limits.description, true);
    await askDate(ctx, { ...data(ctx), descriptionZh: t.zh, descriptionEn: t.en });
  });
  bot.filter(step('description')).callbackQuery(RX.skip, manager, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askDate(ctx, { ...data(ctx), descriptionZh: '', descriptionEn: null });
  });
  pm.on('message:text').filter(step('date'), manager, async (ctx) => {
    const date = parseDate(text(ctx), service.todayDate());
    await ask(ctx, 'hours', { ...data(ctx), date }, { text: ctx.t('activities.create.hours') });
  });
  pm.on('message:text').filter(step('hours'), manager, async (ctx) => {
    const [startsAt, endsAt] = parseHours(text(ctx));
    await ask(ctx, 'repeat', { ...data(ctx), startsAt, endsAt }, repeatCard(ctx));
  });
  const askPlace = async (ctx: Ctx, d: Data) => ask(ctx, 'place', d, placeCard(ctx, await places.compounds()));
  bot.filter(step('repeat')).callbackQuery(RX.repeat, manager, async (ctx) => {
    await ctx.answerCallbackQuery();
    if (parse.flag(ctx.match, 1))
      return ask(ctx, 'sessions', data(ctx), { text: ctx.t('activities.create.sessions', { max: limits.sessions }) });
    await askPlace(ctx, { ...data(ctx), sessions: 1 });
  });
  pm.on('message:text').filter(step('sessions'), manager, async (ctx) =>
    askPlace(ctx, { ...data(ctx), sessions: parseSessions(text(ctx)) }),
  );
  bot.filter(step('place')).callbackQuery(RX.placeCompound, manager, async (ctx) => {
    const c = await places.compound(parse.id(ctx.match));
    if (!c) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.answerCallbackQuery();
    // The compound's own point and address, if the admin gave them, are the activity's map pin.
    const map = {
      placeAddress: c.address,
      latitude: c.location?.latitude ?? null,
      longitude: c.location?.longitude ?? null,
    };
    const d = { ...data(ctx), compoundId: c.id, placeZh: c.nameZh, placeEn: c.nameEn, ...map };
    await ask(ctx, 'audience', d, audienceCard(ctx, d));
  });
  // A point on the map (📎 → location): a venue, named and with its address, is the place itself; a bare pin still
  // needs the place's name, asked next.
  pm.on(['message:venue', 'message:location']).filter(step('place', 'placeText'), manager, async (ctx) => {
    const venue = ctx.message.venue;
    const sent = venue?.location ?? ctx.message.location;
    const point = await service.checkPoint(sent ?? { latitude: Number.NaN, longitude: Number.NaN });
    const at = { ...data(ctx), compoundId: null, ...point };
    if (!venue)
      return ask(ctx, 'placeText', { ...at, placeAddress: null }, { text: ctx.t('activities.create.located') });
    const p = parseBilingual(venue.title, limits.place);
    const d = { ...at, placeZh: p.zh, placeEn: p.en, placeAddress: placeAddress(venue.address) };
    await ask(ctx, 'audience', d, audienceCard(ctx, d));
  });
  // A pin sent at any other question is not an answer to it (the question stays open).
  pm.on('message:location')
    .filter(inFlow(createFlow), manager)
    .use((ctx) => ctx.reply(ctx.t('activities.create.locationNotNow')));
  bot.filter(step('place')).callbackQuery(RX.placeOther, manager, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ask(ctx, 'placeText', data(ctx), { text: ctx.t('activities.create.placeText') });
  });
  pm.on('message:text').filter(step('placeText'), manager, async (ctx) => {
    const p = parseBilingual(text(ctx), limits.place);
    const d = { ...data(ctx), compoundId: null, placeZh: p.zh, placeEn: p.en };
    await ask(ctx, 'audience', d, audienceCard(ctx, d));
  });
  bot.filter(step('audience')).callbackQuery(RX.audience, manager, async (ctx) => {
    await ctx.answerCallbackQuery();
    const audience = parse.audience(ctx.match);
    const d = data(ctx);
    const compound = d.compoundId ? await places.compound(d.compoundId) : undefined;
    const audienceId =
      audience === 'compound'
        ? (compound?.id ?? null)
        : audience === 'community'
          ? (compound?.communityId ?? null)
          : null;
    const next = { ...d, audience, audienceId, ageMin: null, ageMax: null };
    if (audience === 'age') return ask(ctx, 'ages', next, { text: ctx.t('activities.create.ages') });
    await ask(ctx, 'capacity', next, capacityCard(ctx));
  });
  pm.on('message:text').filter(step('ages'), manager, async (ctx) => {
    const { min, max } = parseAges(text(ctx));
    await ask(ctx, 'capacity', { ...data(ctx), ageMin: min, ageMax: max }, capacityCard(ctx));
  });
  const askBring = (ctx: Ctx, d: Data) =>
    ask(ctx, 'bring', d, skipCard(ctx, 'activities.create.bring', { max: limits.bring }));
  const askSave = async (ctx: Ctx, d: Data) => {
    const draft = completeDraft(d);
    if (!draft) return begin(ctx);
    const organiser =
      draft.partnerId === null ? undefined : (await service.organisers()).find((p) => p.id === draft.partnerId);
    return ask(ctx, 'save', d, saveCard(ctx, draft, organiser?.name));
  };
  pm.on('message:text').filter(step('bring'), manager, async (ctx) => {
    const b = parseBilingual(text(ctx), limits.bring);
    await askSave(ctx, { ...data(ctx), bringZh: b.zh, bringEn: b.en });
  });
  bot.filter(step('bring')).callbackQuery(RX.skip, manager, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askSave(ctx, { ...data(ctx), bringZh: null, bringEn: null });
  });
  pm.on('message:text').filter(step('capacity'), manager, async (ctx) =>
    askBring(ctx, { ...data(ctx), capacity: parseCapacity(text(ctx)), signupNeeded: true }),
  );
  bot.filter(step('capacity')).callbackQuery(RX.signupNeeded, manager, async (ctx) => {
    await ctx.answerCallbackQuery();
    await askBring(ctx, { ...data(ctx), capacity: null, signupNeeded: false });
  });

  async function save(ctx: Ctx, publish: boolean) {
    const d = completeDraft(data(ctx));
    await ctx.answerCallbackQuery();
    if (!d) return begin(ctx);
    const actor = actorOf(ctx);
    const id = await service.create(actor, d, ctx.flowEnd());
    await ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } });
    if (publish) await service.publish(actor, id);
    await showPanel(ctx, id, false, ctx.t(publish ? 'activities.manage.published' : 'activities.create.saved'));
  }
  bot.filter(step('save')).callbackQuery(RX.saveDraft, manager, (ctx) => save(ctx, false));
  bot.filter(step('save')).callbackQuery(RX.saveAndPublish, manager, (ctx) => save(ctx, true));
  return bot;
}
