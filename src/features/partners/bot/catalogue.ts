import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { cancelKeyboard } from '../../../telegram/keyboards';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { RX } from '../callbacks';
import { catalogueCard, partnerTypesCard, skippable, staffPartnerCard, staffTeamsCard } from '../catalogue-views';
import { PartnerExists, PartnerNotFound } from '../errors';
import { partnerEditFlow, partnerFlow } from '../flows';
import { isPartnerType, partnersPolicy } from '../policy';
import type { PartnersService } from '../service';
import type { Card } from '../views';

/**
 * The partner catalogue and the volunteer teams, kept by staff in the chat (issue 15): paged lists, a card per
 * partner whose buttons change its type, contact and description or retire it, and a new partner by typing its name
 * and tapping its type. Every handler checks the role: a forged button from a resident is refused and audited.
 */
export function catalogueBot(partners: PartnersService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const staff = requireRole('staff');
  const limits = partnersPolicy;

  async function show(ctx: BotContext, card: Card) {
    if (ctx.callbackQuery?.message) await ctx.editMessageText(card.text, { reply_markup: card.markup });
    else await ctx.reply(card.text, { reply_markup: card.markup });
  }
  async function partnerCard(id: number) {
    const p = await partners.partner(id);
    if (!p) throw new PartnerNotFound();
    return { p, offers: await partners.offersOf(id) };
  }

  bot.callbackQuery(RX.catalogue, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx, catalogueCard(ctx.t, await partners.allPartners(), Number(ctx.match[1])));
  });

  bot.callbackQuery(RX.staffPartner, staff, async (ctx) => {
    const { p, offers } = await partnerCard(Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await show(ctx, staffPartnerCard(ctx.t, p, offers));
  });

  // ── type, contact, description, retire ─────────────────────────────────
  bot.callbackQuery(RX.partnerTypes, staff, async (ctx) => {
    const { p } = await partnerCard(Number(ctx.match[1]));
    await ctx.answerCallbackQuery();
    await show(ctx, partnerTypesCard(ctx.t, p.id, p.name));
  });

  bot.callbackQuery(RX.partnerType, staff, async (ctx) => {
    if (!isPartnerType(ctx.match[2])) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    const p = await partners.editPartner(ctx.user.id, Number(ctx.match[1]), { type: ctx.match[2] });
    await ctx.answerCallbackQuery({ text: ctx.t('partners.catalogue.saved') });
    await show(ctx, staffPartnerCard(ctx.t, p, await partners.offersOf(p.id)));
  });

  bot.callbackQuery(RX.partnerActive, staff, async (ctx) => {
    const active = ctx.match[2] === '1';
    const p = await partners.setPartnerActive(ctx.user.id, Number(ctx.match[1]), active);
    await ctx.answerCallbackQuery({
      text: ctx.t(active ? 'partners.catalogue.restored' : 'partners.catalogue.retiredNow'),
    });
    await show(ctx, staffPartnerCard(ctx.t, p, await partners.offersOf(p.id)));
  });

  bot.callbackQuery(RX.editPartner, staff, async (ctx) => {
    const { p } = await partnerCard(Number(ctx.match[1]));
    const field = ctx.match[2] === 'c' ? 'contact' : 'description';
    await ctx.answerCallbackQuery();
    await ctx.setFlow(partnerEditFlow, 'value', { id: p.id, field });
    await ctx.reply(ctx.t(`partners.catalogue.ask.${field}`, { name: p.name, current: p[field] || '—' }), {
      reply_markup: cancelKeyboard(ctx),
    });
  });

  pm.on('message:text').filter(inFlow(partnerEditFlow, 'value'), staff, async (ctx) => {
    const { id, field } = ctx.flow.data;
    const text = ctx.message.text.trim();
    const max = field === 'contact' ? limits.partnerContact.max : limits.partnerDescription.max;
    if ([...text].length > max) return ctx.reply(ctx.t('common.tooLong', { max }));
    const p = await partners.editPartner(ctx.user.id, id, { [field]: text }, ctx.flowEnd());
    await ctx.reply(ctx.t('partners.catalogue.saved'), { reply_markup: ctx.mainMenu() });
    const card = staffPartnerCard(ctx.t, p, await partners.offersOf(p.id));
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  // ── a new partner: name → type → contact → description ─────────────────
  bot.callbackQuery(RX.newPartner, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.setFlow(partnerFlow, 'name', {});
    await ctx.reply(ctx.t('partners.catalogue.ask.name'), { reply_markup: cancelKeyboard(ctx) });
  });

  pm.on('message:text').filter(inFlow(partnerFlow, 'name'), staff, async (ctx) => {
    const name = ctx.message.text.trim();
    if ([...name].length < 2 || [...name].length > limits.partnerName.max)
      return ctx.reply(ctx.t('partners.catalogue.badName', { max: limits.partnerName.max }));
    if (await partners.partnerByName(name)) throw new PartnerExists();
    await ctx.setFlow(partnerFlow, 'type', { name });
    const card = partnerTypesCard(ctx.t, undefined, name);
    await ctx.reply(card.text, { reply_markup: card.markup });
  });

  bot.callbackQuery(RX.newPartnerType, staff, async (ctx) => {
    if (!inFlow(partnerFlow, 'type')(ctx) || !isPartnerType(ctx.match[1]))
      return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
    await ctx.setFlow(partnerFlow, 'contact', { ...ctx.flow.data, type: ctx.match[1] });
    await ctx.answerCallbackQuery();
    await show(
      ctx,
      skippable(ctx.t, 'partners.catalogue.ask.newContact', { type: ctx.t(`partners.type.${ctx.match[1]}`) }),
    );
  });

  async function askDescription(ctx: BotContext, contact: string) {
    if (!inFlow(partnerFlow, 'contact')(ctx)) return;
    await ctx.setFlow(partnerFlow, 'description', { ...ctx.flow.data, contact });
    const card = skippable(ctx.t, 'partners.catalogue.ask.newDescription');
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  async function save(ctx: BotContext, description: string) {
    if (!inFlow(partnerFlow, 'description')(ctx)) return;
    const { name, type, contact } = ctx.flow.data;
    if (!name || !type || !isPartnerType(type)) throw new PartnerNotFound();
    const id = await partners.addPartner(
      ctx.user.id,
      { name, type, contact: contact ?? '', description, offers: [] },
      ctx.flowEnd(),
    );
    await ctx.reply(ctx.t('partners.catalogue.added', { name }), { reply_markup: ctx.mainMenu() });
    const { p, offers } = await partnerCard(id);
    const card = staffPartnerCard(ctx.t, p, offers);
    await ctx.reply(card.text, { reply_markup: card.markup });
  }

  pm.on('message:text').filter(inFlow(partnerFlow, 'contact'), staff, async (ctx) => {
    const contact = ctx.message.text.trim();
    if ([...contact].length > limits.partnerContact.max)
      return ctx.reply(ctx.t('common.tooLong', { max: limits.partnerContact.max }));
    await askDescription(ctx, contact);
  });

  pm.on('message:text').filter(inFlow(partnerFlow, 'description'), staff, async (ctx) => {
    const description = ctx.message.text.trim();
    if ([...description].length > limits.partnerDescription.max)
      return ctx.reply(ctx.t('common.tooLong', { max: limits.partnerDescription.max }));
    await save(ctx, description);
  });

  bot.callbackQuery(RX.skip, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await ctx.editMessageReplyMarkup().catch(() => {});
    if (inFlow(partnerFlow, 'contact')(ctx)) return askDescription(ctx, '');
    if (inFlow(partnerFlow, 'description')(ctx)) return save(ctx, '');
  });

  // ── the teams ──────────────────────────────────────────────────────────
  bot.callbackQuery(RX.staffTeams, staff, async (ctx) => {
    await ctx.answerCallbackQuery();
    await show(ctx, staffTeamsCard(ctx.t, await partners.allTeams(), Number(ctx.match[1])));
  });

  bot.callbackQuery(RX.teamActive, staff, async (ctx) => {
    const active = ctx.match[2] === '1';
    const team = await partners.setTeamActive(ctx.user.id, Number(ctx.match[1]), active);
    const key = active ? 'partners.catalogue.teamRestored' : 'partners.catalogue.teamRetired';
    await ctx.answerCallbackQuery({ text: ctx.t(key, { name: team.name }) });
    await show(ctx, staffTeamsCard(ctx.t, await partners.allTeams(), 0));
  });

  return bot;
}
