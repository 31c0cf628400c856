import { Composer } from 'grammy';
import type { FlowDef } from '../../../identity';
import type { BotContext } from '../../../telegram/context';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { type NeedsCode, parse, RX } from '../callbacks';
import { serviceEditFlow, serviceFlow } from '../flows';
import { parseCount, parseServiceNames } from '../input';
import { limits } from '../policy';
import type { MarketService, ServiceEdit } from '../service';
import {
  askServiceFieldText,
  catalogueCard,
  confirmRetireServiceCard,
  groupCard,
  minutesCard,
  needsCard,
  serviceCard,
} from '../views/catalogue';
import { closeHeld, editHeld, post, send } from './cards';

const NEEDS: Record<NeedsCode, { needsDetails: boolean; needsPhoto: boolean }> = {
  '0': { needsDetails: false, needsPhoto: false },
  d: { needsDetails: true, needsPhoto: false },
  p: { needsDetails: false, needsPhoto: true },
  b: { needsDetails: true, needsPhoto: true },
};

/**
 * The catalogue of services as staff keep it in the chat: the list (retired ones too), a service's card with a
 * button per thing that can change, adding one step by step, retiring and bringing back. Staff-only; audited.
 */
export function catalogueBot(market: MarketService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staffCb = (re: RegExp) => bot.callbackQuery(re, requireRole('staff'));
  const staffIn = <D, S extends string>(def: FlowDef<D, S>, ...steps: S[]) =>
    pm.filter(inFlow(def, ...steps), requireRole('staff'));

  const showService = async (ctx: BotContext, id: number, notice?: string) =>
    send(ctx, serviceCard(ctx, await market.service(id), notice), true);

  pm.command('catalogue', requireRole('staff'), async (ctx) =>
    send(ctx, catalogueCard(ctx, await market.catalogue(), 0)),
  );
  staffCb(RX.catalogue).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await send(ctx, catalogueCard(ctx, await market.catalogue(), parse.page(ctx.match)), true);
  });
  staffCb(RX.service).use(async (ctx) => {
    const s = await market.service(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, serviceCard(ctx, s), true);
  });

  // ── adding a service: names → group → places → minutes → what a resident is asked ────────────────
  staffCb(RX.addService).use(async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(serviceFlow, 'name', {});
    await ctx.reply(ctx.t('market.catalogue.askNewName'));
  });

  staffIn(serviceFlow, 'name').on('message:text', async (ctx) => {
    const names = parseServiceNames(ctx.message.text);
    const asked = await post(ctx, groupCard(ctx));
    await ctx.setFlow(serviceFlow, 'group', { ...names, card: asked.message_id });
  });

  staffCb(RX.newGroup)
    .filter(inFlow(serviceFlow, 'group'))
    .use(async (ctx) => {
      const groupKey = parse.group(ctx.match);
      await ctx.answerCallbackQuery();
      const chosen = ctx.t('market.catalogue.groupChosen', { group: ctx.t(`market.group.${groupKey}`) });
      await send(ctx, { text: chosen, markup: { inline_keyboard: [] } }, true);
      await ctx.setFlow(serviceFlow, 'capacity', { ...ctx.flow.data, groupKey, card: undefined });
      await ctx.reply(ctx.t('market.catalogue.askNewCapacity'));
    });

  staffIn(serviceFlow, 'capacity').on('message:text', async (ctx) => {
    const defaultCapacity = parseCount(ctx.message.text, limits.capacity, 20);
    const asked = await post(ctx, minutesCard(ctx));
    await ctx.setFlow(serviceFlow, 'minutes', { ...ctx.flow.data, defaultCapacity, card: asked.message_id });
  });

  async function minutes(ctx: BotContext, minutesPerTicket: number) {
    if (!inFlow(serviceFlow, 'minutes')(ctx)) return;
    await closeHeld(ctx, ctx.flow.data.card);
    const asked = await post(ctx, needsCard(ctx));
    await ctx.setFlow(serviceFlow, 'needs', { ...ctx.flow.data, minutesPerTicket, card: asked.message_id });
  }
  staffCb(RX.newMinutes)
    .filter(inFlow(serviceFlow, 'minutes'))
    .use(async (ctx) => {
      await ctx.answerCallbackQuery();
      await minutes(ctx, parseCount(ctx.match?.[1] ?? '', limits.minutes, 10));
    });
  staffIn(serviceFlow, 'minutes').on('message:text', (ctx) =>
    minutes(ctx, parseCount(ctx.message.text, limits.minutes, 10)),
  );

  // The last answer saves the service, and the flow ends with it: a second tap finds no flow (button expired).
  staffCb(RX.newNeeds)
    .filter(inFlow(serviceFlow, 'needs'))
    .use(async (ctx) => {
      const { nameZh, nameEn, groupKey, defaultCapacity, minutesPerTicket } = ctx.flow.data;
      await ctx.answerCallbackQuery();
      await closeHeld(ctx, ctx.flow.data.card);
      if (!nameZh || !nameEn || !groupKey || !defaultCapacity || !minutesPerTicket) {
        await ctx.endFlow();
        return ctx.reply(ctx.t('market.errors.draftIncomplete'));
      }
      const input = {
        nameZh,
        nameEn,
        groupKey,
        defaultCapacity,
        minutesPerTicket,
        ...NEEDS[parse.needsCode(ctx.match)],
      };
      const s = await market.addService(ctx.user.id, input, ctx.flowEnd());
      await send(ctx, serviceCard(ctx, s, ctx.t('market.catalogue.added')));
    });

  // ── changing a service: names, places and minutes are typed; the rest are buttons ─────────────────
  staffCb(RX.editService).use(async (ctx) => {
    const s = await market.service(parse.id(ctx.match));
    const what = parse.serviceField(ctx.match);
    await ctx.answerCallbackQuery();
    await ctx.setFlow(serviceEditFlow, what, { serviceId: s.id, card: ctx.callbackQuery.message?.message_id });
    await ctx.reply(askServiceFieldText(ctx, s, what));
  });

  const typed: Record<'n' | 'c' | 'm', (text: string) => ServiceEdit> = {
    n: (text) => parseServiceNames(text),
    c: (text) => ({ defaultCapacity: parseCount(text, limits.capacity, 20) }),
    m: (text) => ({ minutesPerTicket: parseCount(text, limits.minutes, 10) }),
  };
  staffIn(serviceEditFlow).on('message:text', async (ctx) => {
    const { serviceId, card } = ctx.flow.data;
    const s = await market.editService(ctx.user.id, serviceId, typed[ctx.flow.step](ctx.message.text), ctx.flowEnd());
    await ctx.reply(ctx.t('market.catalogue.saved'), { reply_markup: ctx.mainMenu() });
    await editHeld(ctx, card, serviceCard(ctx, s));
  });

  staffCb(RX.flagService).use(async (ctx) => {
    const s = await market.service(parse.id(ctx.match));
    const edit = parse.needsFlag(ctx.match) === 'd' ? { needsDetails: !s.needsDetails } : { needsPhoto: !s.needsPhoto };
    await market.editService(ctx.user.id, s.id, edit);
    await ctx.answerCallbackQuery();
    await showService(ctx, s.id, ctx.t('market.catalogue.saved'));
  });

  staffCb(RX.groupOf).use(async (ctx) => {
    const s = await market.service(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, groupCard(ctx, s.id), true);
  });
  staffCb(RX.setGroup).use(async (ctx) => {
    const id = parse.id(ctx.match);
    await market.editService(ctx.user.id, id, { groupKey: parse.group(ctx.match, 2) });
    await ctx.answerCallbackQuery();
    await showService(ctx, id, ctx.t('market.catalogue.saved'));
  });

  // ── retiring: asked first; the market days that offered it, and their tickets, keep it ────────────
  staffCb(RX.retireService).use(async (ctx) => {
    const s = await market.service(parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await send(ctx, confirmRetireServiceCard(ctx, s), true);
  });
  staffCb(RX.retireServiceYes).use(async (ctx) => {
    const s = await market.retireService(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await showService(ctx, s.id, ctx.t('market.catalogue.retiredNow'));
  });
  staffCb(RX.restoreService).use(async (ctx) => {
    const s = await market.restoreService(ctx.user.id, parse.id(ctx.match));
    await ctx.answerCallbackQuery();
    await showService(ctx, s.id, ctx.t('market.catalogue.restoredNow'));
  });

  return bot;
}
