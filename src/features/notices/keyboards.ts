import { InlineKeyboard } from 'grammy';
import type { CommunityRow, CompoundRow } from '../../db/schema';
import type { BotContext } from '../../telegram/context';
import { choices } from '../../telegram/keyboards';
import { type AreaAudiences, AUDIENCE_ROLES } from './service';

// Callback data of this area: nt:<action>[:<arg>]; every handler in bot-*.ts parses it with a strict regex.
export const CB = {
  all: 'nt:a:all',
  communities: 'nt:a:cm',
  community: (id: number) => `nt:a:cm:${id}`,
  compoundCommunities: 'nt:a:cp',
  compoundsOf: (communityId: number) => `nt:a:cq:${communityId}`,
  compound: (id: number) => `nt:a:cp:${id}`,
  role: (role: string) => `nt:a:r:${role}`,
  area: (key: string) => `nt:a:x:${key}`,
  audienceMenu: 'nt:a:menu',
  send: (key: string) => `nt:go:${key}`,
  schedule: (key: string) => `nt:sch:${key}`,
  discard: (key: string) => `nt:no:${key}`,
  stop: (id: number) => `nt:s:${id}`,
  stopYes: (id: number) => `nt:sy:${id}`,
  stopNo: 'nt:sn',
  page: (n: number) => `nt:p:${n}`,
};

const placeName = (ctx: BotContext, row: { name_zh: string; name_en: string }) =>
  ctx.locale === 'en' ? row.name_en : row.name_zh;

export function audienceKeyboard(ctx: BotContext, areas: AreaAudiences): InlineKeyboard {
  const items = [
    { text: ctx.t('notices.audience.all'), data: CB.all },
    { text: ctx.t('notices.compose.pickCommunity'), data: CB.communities },
    { text: ctx.t('notices.compose.pickCompound'), data: CB.compoundCommunities },
    ...AUDIENCE_ROLES.map((r) => ({ text: ctx.t(`notices.audience.${r}`), data: CB.role(r) })),
    ...Object.entries(areas).map(([key, a]) => ({ text: ctx.t(a.labelKey), data: CB.area(key) })),
  ];
  return choices(items, 2);
}

export function communityKeyboard(ctx: BotContext, rows: CommunityRow[], data: (id: number) => string): InlineKeyboard {
  return choices(
    rows.map((c) => ({ text: placeName(ctx, c), data: data(c.id) })),
    1,
  )
    .row()
    .text(ctx.t('common.back'), CB.audienceMenu);
}

export function compoundKeyboard(ctx: BotContext, rows: CompoundRow[]): InlineKeyboard {
  return choices(
    rows.map((c) => ({ text: placeName(ctx, c), data: CB.compound(c.id) })),
    2,
  )
    .row()
    .text(ctx.t('common.back'), CB.compoundCommunities);
}

export function confirmKeyboard(ctx: BotContext, key: string, scheduled: boolean): InlineKeyboard {
  const kb = new InlineKeyboard().text(
    ctx.t(scheduled ? 'notices.compose.confirmSchedule' : 'notices.compose.sendNow'),
    CB.send(key),
  );
  if (!scheduled) kb.row().text(ctx.t('notices.compose.schedule'), CB.schedule(key));
  return kb.row().text(ctx.t('notices.compose.discard'), CB.discard(key));
}

export function stopKeyboard(t: BotContext['t'], id: number, scheduled: boolean): InlineKeyboard {
  return new InlineKeyboard().text(
    t(scheduled ? 'notices.manage.cancelButton' : 'notices.manage.stopButton', { id }),
    CB.stop(id),
  );
}

export function stopConfirmKeyboard(ctx: BotContext, id: number, scheduled: boolean): InlineKeyboard {
  return new InlineKeyboard()
    .text(ctx.t(scheduled ? 'notices.manage.cancelYes' : 'notices.manage.stopYes'), CB.stopYes(id))
    .text(ctx.t('notices.manage.stopNo'), CB.stopNo);
}
