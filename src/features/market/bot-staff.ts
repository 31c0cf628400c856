import { Composer } from 'grammy';
import { DomainError } from '../../core/errors';
import { localDate } from '../../core/time';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { requireRole } from '../../telegram/middlewares/guard';
import { inFlow } from '../../telegram/middlewares/match';
import { listCompounds } from '../residents/service';
import { setCapacities } from './booking';
import { whenText } from './bot-resident';
import { DateInPast, MarketCancelled, MarketNotFound, MarketOver } from './errors';
import { exampleDate, MAX_LOCATION, parseCapacities, parseDate, parseHours } from './input';
import { adminKeyboard, CB, compoundChoice, confirmKeyboard, nameOf, panelKeyboard, servicesChoice } from './keyboards';
import * as market from './service';
import { policyFrom } from './service';

// Scheduling, publishing, changing and cancelling market days. Every command, button and flow step is staff-only.
export const staffBot = new Composer<BotContext>();
const pm = staffBot.chatType('private');
/** Flow steps re-check the role: someone who lost it mid-flow (or forged their way in) gets no further. */
const staffInFlow = (name: string, ...steps: string[]) => pm.filter(inFlow(name, ...steps)).use(requireRole('staff'));
const staffCb = (re: RegExp) => staffBot.callbackQuery(re, requireRole('staff'));

const policy = (ctx: BotContext) => policyFrom(ctx.deps.config);
const now = (ctx: BotContext) => ctx.deps.clock.now();
const today = (ctx: BotContext) => localDate(now(ctx), policy(ctx).timezone);

async function showAdmin(ctx: BotContext): Promise<void> {
  const markets = await market.recentMarkets(ctx.deps.db);
  await ctx.reply(ctx.t(markets.length ? 'market.staff.list' : 'market.staff.listEmpty'), {
    reply_markup: adminKeyboard(ctx, markets),
  });
}

pm.command('market', requireRole('staff'), showAdmin);
staffCb(/^mk:adm$/).use(async (ctx) => {
  await ctx.answerCallbackQuery();
  await showAdmin(ctx);
});

/** The panel of one market day: when, where, status, and per service booked / capacity / waiting. */
async function showPanel(ctx: BotContext, marketId: number): Promise<void> {
  const m = await market.getMarket(ctx.deps.db, marketId);
  const state = market.marketState(m, now(ctx), policy(ctx).timezone);
  const offers = await market.offersOf(ctx.deps.db, m.id);
  const lines = offers.map((o) =>
    ctx.t('market.staff.panelLine', {
      service: nameOf(ctx, o),
      booked: o.booked,
      capacity: o.capacity,
      waiting: o.waiting,
    }),
  );
  const text = [
    ctx.t('market.staff.panel', { ...(await whenText(ctx, m)), state: ctx.t(`market.state.${m.status}`) }),
    lines.join('\n'),
  ].join('\n\n');
  await ctx.reply(text, { reply_markup: panelKeyboard(ctx, m, state) });
}

export { showPanel };

staffCb(/^mk:m:(\d{1,9})$/).use(async (ctx) => {
  await ctx.answerCallbackQuery();
  await showPanel(ctx, Number(ctx.match![1]));
});

// ── a new market day, step by step ───────────────────────────────────────
staffCb(/^mk:new$/).use(async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.setFlow('market.new', 'date', {});
  await ctx.reply(ctx.t('market.staff.askDate', { example: exampleDate(today(ctx)) }));
});

const reask = async (ctx: BotContext, err: unknown, hintKey: string, params: Record<string, string> = {}) => {
  if (!(err instanceof DomainError)) throw err;
  await replyDomainError(ctx, err);
  await ctx.reply(ctx.t(hintKey, params));
};

const newFlowText = (step: string) => staffInFlow('market.new', step).on('message:text');

newFlowText('date').use(async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  try {
    const date = parseDate(ctx.message.text, today(ctx));
    if (date < today(ctx)) throw new DateInPast();
    await ctx.setFlow('market.new', 'hours', { date });
    await ctx.reply(ctx.t('market.staff.askHours'));
  } catch (err) {
    await reask(ctx, err, 'market.staff.askDate', { example: exampleDate(today(ctx)) });
  }
});

newFlowText('hours').use(async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  try {
    const [start, end] = parseHours(ctx.message.text);
    await ctx.setFlow('market.new', 'compound', { ...ctx.flow!.data, start, end });
    const proposed = await market.proposeCompound(ctx.deps.db);
    await ctx.reply(ctx.t('market.staff.askCompound'), {
      reply_markup: compoundChoice(ctx, await listCompounds(ctx.deps.db), proposed),
    });
  } catch (err) {
    await reask(ctx, err, 'market.staff.askHours');
  }
});

staffCb(/^mk:nc:(\d{1,9})$/).filter(inFlow('market.new', 'compound'), async (ctx) => {
  const compoundId = Number(ctx.match![1]);
  if (!(await listCompounds(ctx.deps.db)).some((c) => c.id === compoundId))
    return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  await ctx.answerCallbackQuery();
  await ctx.setFlow('market.new', 'location', { ...ctx.flow!.data, compoundId });
  await ctx.reply(ctx.t('market.staff.askLocation'));
});

newFlowText('location').use(async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  const location = ctx.message.text.trim();
  if (!location || [...location].length > MAX_LOCATION) return ctx.reply(ctx.t('market.staff.askLocation'));
  await ctx.setFlow('market.new', 'map', { ...ctx.flow!.data, location });
  await ctx.reply(ctx.t('market.staff.askMap'), {
    reply_markup: { inline_keyboard: [[{ text: ctx.t('market.staff.btn.skipMap'), callback_data: CB.skipMap }]] },
  });
});

async function askServices(ctx: BotContext, chosen: number[], edit: boolean) {
  const services = await market.listServices(ctx.deps.db);
  const text = ctx.t('market.staff.askServices');
  const reply_markup = servicesChoice(ctx, services, new Set(chosen));
  if (edit) await ctx.editMessageText(text, { reply_markup });
  else await ctx.reply(text, { reply_markup });
}

staffInFlow('market.new', 'map').on('message:location', async (ctx) => {
  const { latitude, longitude } = ctx.message.location;
  await ctx.setFlow('market.new', 'services', { ...ctx.flow!.data, latitude, longitude, services: [] });
  await askServices(ctx, [], false);
});
newFlowText('map').use(async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  await ctx.reply(ctx.t('market.staff.askMap'), {
    reply_markup: { inline_keyboard: [[{ text: ctx.t('market.staff.btn.skipMap'), callback_data: CB.skipMap }]] },
  });
});
staffCb(/^mk:nl$/).filter(inFlow('market.new', 'map'), async (ctx) => {
  await ctx.answerCallbackQuery();
  await ctx.setFlow('market.new', 'services', { ...ctx.flow!.data, latitude: null, longitude: null, services: [] });
  await askServices(ctx, [], false);
});

const chosenOf = (ctx: BotContext) =>
  Array.isArray(ctx.flow?.data.services) ? (ctx.flow!.data.services as number[]) : [];

staffCb(/^mk:ns:(\d{1,9})$/).filter(inFlow('market.new', 'services'), async (ctx) => {
  const id = Number(ctx.match![1]);
  const chosen = new Set(chosenOf(ctx));
  if (chosen.has(id)) chosen.delete(id);
  else chosen.add(id);
  await ctx.setFlow('market.new', 'services', { ...ctx.flow!.data, services: [...chosen] });
  await ctx.answerCallbackQuery();
  await askServices(ctx, [...chosen], true);
});

staffCb(/^mk:nsa$/).filter(inFlow('market.new', 'services'), async (ctx) => {
  const all = (await market.listServices(ctx.deps.db)).map((s) => s.id);
  await ctx.setFlow('market.new', 'services', { ...ctx.flow!.data, services: all });
  await ctx.answerCallbackQuery();
  await askServices(ctx, all, true);
});

staffCb(/^mk:nsd$/).filter(inFlow('market.new', 'services'), async (ctx) => {
  const chosen = chosenOf(ctx);
  if (chosen.length === 0)
    return ctx.answerCallbackQuery({ text: ctx.t('market.errors.noServices'), show_alert: true });
  await ctx.answerCallbackQuery();
  await ctx.setFlow('market.new', 'capacity', { ...ctx.flow!.data, capacities: {} });
  const services = (await market.listServices(ctx.deps.db)).filter((s) => chosen.includes(s.id));
  const lines = services.map((s) => `${nameOf(ctx, s)} ${s.default_capacity}`).join('\n');
  await ctx.reply(ctx.t('market.staff.askCapacities', { lines }), {
    reply_markup: {
      inline_keyboard: [[{ text: ctx.t('market.staff.btn.capacitiesDone'), callback_data: CB.capacitiesDone }]],
    },
  });
});

newFlowText('capacity').use(async (ctx, next) => {
  if (ctx.message.text.startsWith('/')) return next();
  const chosen = chosenOf(ctx);
  const services = (await market.listServices(ctx.deps.db)).filter((s) => chosen.includes(s.id));
  try {
    const caps = parseCapacities(ctx.message.text, services);
    const merged = { ...(ctx.flow!.data.capacities as Record<string, number>), ...Object.fromEntries(caps) };
    await ctx.setFlow('market.new', 'capacity', { ...ctx.flow!.data, capacities: merged });
    await ctx.reply(ctx.t('market.staff.capacitiesNoted', { count: caps.size }), {
      reply_markup: {
        inline_keyboard: [[{ text: ctx.t('market.staff.btn.capacitiesDone'), callback_data: CB.capacitiesDone }]],
      },
    });
  } catch (err) {
    await reask(ctx, err, 'market.staff.capacityExample');
  }
});

staffCb(/^mk:ncd$/).filter(inFlow('market.new', 'capacity'), async (ctx) => {
  const d = ctx.flow!.data;
  const caps = (d.capacities ?? {}) as Record<string, number>;
  try {
    const id = await market.createMarket(
      ctx.deps.db,
      ctx.user.id,
      {
        date: String(d.date),
        startsAt: String(d.start),
        endsAt: String(d.end),
        compoundId: Number(d.compoundId),
        location: String(d.location),
        latitude: typeof d.latitude === 'number' ? d.latitude : null,
        longitude: typeof d.longitude === 'number' ? d.longitude : null,
        services: chosenOf(ctx).map((serviceId) => ({ serviceId, capacity: caps[String(serviceId)] })),
      },
      now(ctx),
      policy(ctx),
    );
    await ctx.endFlow();
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('market.staff.created'), { reply_markup: ctx.mainMenu() });
    await showPanel(ctx, id);
  } catch (err) {
    await ctx.endFlow();
    await replyDomainError(ctx, err);
  }
});

// ── publish, change, capacities, cancel ──────────────────────────────────
staffCb(/^mk:pub:(\d{1,9})$/).use(async (ctx) => {
  const m = await market.getMarket(ctx.deps.db, Number(ctx.match![1]));
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('market.staff.confirmPublish', await whenText(ctx, m)), {
    reply_markup: confirmKeyboard(ctx, CB.publishYes(m.id), CB.panel(m.id)),
  });
});

// Checked again on the confirmation: the staff member may have lost the role since the first tap.
staffCb(/^mk:puby:(\d{1,9})$/).use(async (ctx) => {
  const n = await market.publishMarket(ctx.deps.db, ctx.user.id, Number(ctx.match![1]), now(ctx), policy(ctx));
  ctx.deps.wakeDelivery();
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('market.staff.published', { count: n }));
});

staffCb(/^mk:ed:(\d{1,9}):(d|h|l)$/).use(async (ctx) => {
  const m = await market.getMarket(ctx.deps.db, Number(ctx.match![1]));
  const what = ctx.match![2] as 'd' | 'h' | 'l';
  await ctx.answerCallbackQuery();
  await ctx.setFlow('market.edit', what, { marketId: m.id });
  const key = { d: 'market.staff.askDate', h: 'market.staff.askHours', l: 'market.staff.askLocation' }[what];
  await ctx.reply(ctx.t(key, { example: exampleDate(today(ctx)) }));
});

staffInFlow('market.edit')
  .on('message:text')
  .use(async (ctx, next) => {
    if (ctx.message.text.startsWith('/')) return next();
    const marketId = Number(ctx.flow!.data.marketId);
    const step = ctx.flow!.step;
    try {
      const change: market.MarketChange = {};
      if (step === 'd') change.date = parseDate(ctx.message.text, today(ctx));
      else if (step === 'h') [change.startsAt, change.endsAt] = parseHours(ctx.message.text);
      else change.location = ctx.message.text;
      const told = await market.changeMarket(ctx.deps.db, ctx.user.id, marketId, change, now(ctx), policy(ctx));
      ctx.deps.wakeDelivery();
      await ctx.endFlow();
      await ctx.reply(ctx.t('market.staff.changed', { count: told }), { reply_markup: ctx.mainMenu() });
      await showPanel(ctx, marketId);
    } catch (err) {
      // The market itself changed (cancelled, over, gone): asking again cannot help, so the step ends.
      if (err instanceof MarketCancelled || err instanceof MarketOver || err instanceof MarketNotFound) {
        await ctx.endFlow();
        return replyDomainError(ctx, err);
      }
      const hint =
        { d: 'market.staff.askDate', h: 'market.staff.askHours', l: 'market.staff.askLocation' }[step] ??
        'market.staff.askDate';
      await reask(ctx, err, hint, { example: exampleDate(today(ctx)) });
    }
  });

staffInFlow('market.edit', 'l').on('message:location', async (ctx) => {
  const marketId = Number(ctx.flow!.data.marketId);
  const { latitude, longitude } = ctx.message.location;
  const told = await market.changeMarket(
    ctx.deps.db,
    ctx.user.id,
    marketId,
    { latitude, longitude },
    now(ctx),
    policy(ctx),
  );
  ctx.deps.wakeDelivery();
  await ctx.endFlow();
  await ctx.reply(ctx.t('market.staff.changed', { count: told }), { reply_markup: ctx.mainMenu() });
});

staffCb(/^mk:cap:(\d{1,9})$/).use(async (ctx) => {
  const m = await market.getMarket(ctx.deps.db, Number(ctx.match![1]));
  const offers = await market.offersOf(ctx.deps.db, m.id);
  await ctx.answerCallbackQuery();
  await ctx.setFlow('market.capacity', 'lines', { marketId: m.id });
  await ctx.reply(
    ctx.t('market.staff.askNewCapacities', { lines: offers.map((o) => `${nameOf(ctx, o)} ${o.capacity}`).join('\n') }),
  );
});

staffInFlow('market.capacity', 'lines')
  .on('message:text')
  .use(async (ctx, next) => {
    if (ctx.message.text.startsWith('/')) return next();
    const marketId = Number(ctx.flow!.data.marketId);
    const offers = await market.offersOf(ctx.deps.db, marketId);
    try {
      const caps = parseCapacities(
        ctx.message.text,
        offers.map((o) => ({
          id: o.service_id,
          name_zh: o.name_zh,
          name_en: o.name_en,
          ticket_prefix: o.ticket_prefix,
        })),
      );
      const promoted = await setCapacities(ctx.deps.db, ctx.user.id, marketId, caps, now(ctx), policy(ctx));
      ctx.deps.wakeDelivery();
      await ctx.endFlow();
      await ctx.reply(ctx.t('market.staff.capacitiesSaved', { promoted }), { reply_markup: ctx.mainMenu() });
      await showPanel(ctx, marketId);
    } catch (err) {
      await reask(ctx, err, 'market.staff.capacityExample');
    }
  });

staffCb(/^mk:cx:(\d{1,9})$/).use(async (ctx) => {
  const m = await market.getMarket(ctx.deps.db, Number(ctx.match![1]));
  await ctx.answerCallbackQuery();
  await ctx.reply(ctx.t('market.staff.confirmCancel', await whenText(ctx, m)), {
    reply_markup: confirmKeyboard(ctx, CB.cancelMarketYes(m.id), CB.panel(m.id)),
  });
});

staffCb(/^mk:cxy:(\d{1,9})$/).use(async (ctx) => {
  const told = await market.cancelMarket(ctx.deps.db, ctx.user.id, Number(ctx.match![1]), now(ctx), policy(ctx));
  ctx.deps.wakeDelivery();
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('market.staff.cancelled', { count: told }));
});
