import { Composer, InlineKeyboard } from 'grammy';
import type { BotContext } from '../../telegram/context';
import { replyDomainError } from '../../telegram/errors';
import { choices, paged } from '../../telegram/keyboards';
import { can } from '../../telegram/middlewares/guard';
import { CB } from './callbacks';
import { isPartnerType, listPartners, partnerCard, partnerTypeCounts } from './service';

export const directoryBot = new Composer<BotContext>();
const pm = directoryBot.chatType('private');

async function showTypes(ctx: BotContext) {
  const types = await partnerTypeCounts(ctx.deps.db);
  if (types.length === 0) return ctx.reply(ctx.t('partners.directory.empty'));
  const kb = choices(
    types.map((t) => ({
      text: ctx.t('partners.directory.typeButton', { type: ctx.t(`partners.type.${t.type}`), count: t.count }),
      data: CB.type(t.type),
    })),
    2,
  );
  await ctx.reply(ctx.t('partners.directory.title'), { reply_markup: kb });
}
pm.command('partners', showTypes);
directoryBot.callbackQuery(CB.types, async (ctx) => {
  await ctx.answerCallbackQuery();
  await showTypes(ctx);
});

directoryBot.callbackQuery(/^pa:t:(\w{1,12}):(\d{1,3})$/, async (ctx) => {
  const type = ctx.match[1]!;
  if (!isPartnerType(type)) return ctx.answerCallbackQuery({ text: ctx.t('common.expired') });
  const partners = await listPartners(ctx.deps.db, type);
  const { keyboard } = paged(
    partners,
    Number(ctx.match[2]),
    8,
    (p) => ({ text: p.name, data: CB.partner(p.id) }),
    (n) => CB.type(type, n),
  );
  keyboard.row().text(ctx.t('common.back'), CB.types);
  await ctx.answerCallbackQuery();
  await ctx.editMessageText(ctx.t('partners.directory.ofType', { type: ctx.t(`partners.type.${type}`) }), {
    reply_markup: keyboard,
  });
});

// Contacts are for staff only: residents see what a partner offers, never how to reach them privately.
directoryBot.callbackQuery(/^pa:p:(\d{1,9})$/, async (ctx) => {
  let card;
  try {
    card = await partnerCard(ctx.deps.db, Number(ctx.match[1]));
  } catch (e) {
    return replyDomainError(ctx, e);
  }
  const { partner, offers } = card;
  const lines = [
    ctx.t('partners.card.title', { name: partner.name, type: ctx.t(`partners.type.${partner.type}`) }),
    ...(partner.description ? [ctx.t('partners.card.description', { text: partner.description })] : []),
    ...offers.map((o) => ctx.t('partners.card.offer', { kind: ctx.t(`partners.offer.${o.kind}`), detail: o.detail })),
  ];
  if (can(ctx, 'staff') && partner.contact) lines.push(ctx.t('partners.card.contact', { contact: partner.contact }));
  await ctx.answerCallbackQuery();
  await ctx.reply(lines.join('\n'), {
    reply_markup: new InlineKeyboard().text(ctx.t('common.back'), CB.type(partner.type)),
  });
});
