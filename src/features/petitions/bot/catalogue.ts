import { Composer } from 'grammy';
import type { BotContext } from '../../../telegram/context';
import { cancelKeyboard } from '../../../telegram/keyboards';
import { requireRole } from '../../../telegram/middlewares/guard';
import { inFlow } from '../../../telegram/middlewares/match';
import { kindOf, RX } from '../callbacks';
import { catalogueFlow } from '../flows';
import { type CatalogueKind, fits } from '../policy';
import type { PetitionsService } from '../service';
import { catalogueCard, entryCard } from '../views';
import { show } from './show';

/** A category's or department's name, in characters. */
const NAME: [number, number] = [1, 40];

/**
 * Admins manage the petition categories and the departments petitions are transferred to: add (Chinese name, then
 * English), rename either language, retire and restore. Every change is audited by the service; a petition keeps
 * the category names it was filed with.
 */
export function catalogueBot(petitions: PetitionsService) {
  const bot = new Composer<BotContext>();
  const pm = bot.chatType('private');
  const admin = requireRole('admin');
  const reader = (ctx: BotContext) => ({ t: ctx.t, locale: ctx.locale, tz: petitions.policy.timezone });

  const edit = show;
  const listCard = async (ctx: BotContext, kind: CatalogueKind, page: number) =>
    catalogueCard(reader(ctx), kind, await petitions.catalogue(kind), page);

  bot.callbackQuery(RX.catalogue, admin, async (ctx) =>
    edit(ctx, await listCard(ctx, kindOf(ctx.match[1]!), Number(ctx.match[2]))),
  );
  bot.callbackQuery(RX.catalogueEntry, admin, async (ctx) => {
    const kind = kindOf(ctx.match[1]!);
    await edit(ctx, entryCard(reader(ctx), kind, await petitions.catalogueEntry(kind, Number(ctx.match[2]))));
  });
  bot.callbackQuery(RX.catalogueActive, admin, async (ctx) => {
    const kind = kindOf(ctx.match[1]!);
    const e = await petitions.setInCatalogue(ctx.user.id, kind, Number(ctx.match[2]), ctx.match[3] === '1');
    await edit(ctx, entryCard(reader(ctx), kind, e));
  });

  bot.callbackQuery(RX.catalogueAdd, admin, async (ctx) => {
    const kind = kindOf(ctx.match[1]!);
    await ctx.setFlow(catalogueFlow, 'nameZh', { kind });
    await ctx.answerCallbackQuery();
    await ctx.reply(ctx.t('petitions.catalogue.askZh'), { reply_markup: cancelKeyboard(ctx) });
  });
  bot.callbackQuery(RX.catalogueRename, admin, async (ctx) => {
    const kind = kindOf(ctx.match[1]!);
    const e = await petitions.catalogueEntry(kind, Number(ctx.match[2]));
    const lang = ctx.match[3] === 'en' ? 'en' : 'zh';
    await ctx.setFlow(catalogueFlow, 'rename', { kind, id: e.id, lang });
    await ctx.answerCallbackQuery();
    const now = lang === 'en' ? e.nameEn : e.nameZh;
    await ctx.reply(ctx.t(`petitions.catalogue.ask${lang === 'en' ? 'En' : 'Zh'}Now`, { name: now }), {
      reply_markup: cancelKeyboard(ctx),
    });
  });

  const typed = (ctx: BotContext & { message: { text: string } }) => {
    const name = ctx.message.text.trim();
    return fits(name, NAME) ? name : null;
  };
  const again = (ctx: BotContext) => ctx.reply(ctx.t('petitions.catalogue.nameLength', { max: NAME[1] }));
  const done = async (ctx: BotContext, kind: CatalogueKind, id: number) => {
    await ctx.reply(ctx.t('petitions.catalogue.saved'), { reply_markup: ctx.mainMenu() });
    const card = entryCard(reader(ctx), kind, await petitions.catalogueEntry(kind, id));
    await ctx.reply(card.text, { reply_markup: card.markup });
  };

  pm.on('message:text').filter(inFlow(catalogueFlow, 'nameZh'), admin, async (ctx) => {
    const name = typed(ctx);
    if (name === null) return void (await again(ctx));
    await ctx.setFlow(catalogueFlow, 'nameEn', { ...ctx.flow.data, nameZh: name });
    await ctx.reply(ctx.t('petitions.catalogue.askEn', { name }));
  });
  pm.on('message:text').filter(inFlow(catalogueFlow, 'nameEn'), admin, async (ctx) => {
    const name = typed(ctx);
    const { kind, nameZh } = ctx.flow.data;
    if (name === null || !nameZh) return void (await again(ctx));
    const id = await petitions.addToCatalogue(ctx.user.id, kind, { nameZh, nameEn: name }, ctx.flowEnd());
    await done(ctx, kind, id);
  });
  pm.on('message:text').filter(inFlow(catalogueFlow, 'rename'), admin, async (ctx) => {
    const name = typed(ctx);
    const { kind, id, lang } = ctx.flow.data;
    if (name === null || id === undefined) return void (await again(ctx));
    const patch = lang === 'en' ? { nameEn: name } : { nameZh: name };
    await petitions.renameInCatalogue(ctx.user.id, kind, id, patch, ctx.flowEnd());
    await done(ctx, kind, id);
  });

  return bot;
}
