import { InlineKeyboard, Keyboard } from 'grammy';
import type { CommunityRow, CompoundRow } from '../../db/schema';
import type { BotContext } from '../../telegram/context';
import { choices } from '../../telegram/keyboards';

// Callback data of this area: rs:<action>[:<arg>...]; parsed strictly by the regexes in bot.ts.
export const CB = {
  community: (id: number) => `rs:cm:${id}`,
  compound: (id: number) => `rs:cp:${id}`,
  back: 'rs:back',
  later: 'rs:later',
  lang: (l: string) => `rs:lang:${l}`,
  editHome: 'rs:home',
  editPhone: 'rs:phone',
  deletePhone: 'rs:phone:del',
  toggleNotices: 'rs:notices',
  langMenu: 'rs:langs',
  invite: (role: string) => `rs:inv:${role}`,
  revoke: (userId: number, role: string) => `rs:rv:${userId}:${role}`,
  revokeYes: (userId: number, role: string) => `rs:rvy:${userId}:${role}`,
  revokeNo: 'rs:rvn',
};

const nameOf = (ctx: BotContext, row: { name_zh: string; name_en: string }) =>
  ctx.locale === 'en' ? row.name_en : row.name_zh;

export { nameOf as placeName };

export function communityKeyboard(ctx: BotContext, communities: CommunityRow[]): InlineKeyboard {
  return choices(
    communities.map((c) => ({ text: nameOf(ctx, c), data: CB.community(c.id) })),
    1,
  )
    .row()
    .text(ctx.t('residents.onboard.later'), CB.later);
}

export function compoundKeyboard(ctx: BotContext, compounds: CompoundRow[]): InlineKeyboard {
  return choices(
    compounds.map((c) => ({ text: nameOf(ctx, c), data: CB.compound(c.id) })),
    2,
  )
    .row()
    .text(ctx.t('common.back'), CB.back);
}

export function phoneKeyboard(ctx: BotContext): Keyboard {
  return new Keyboard()
    .requestContact(ctx.t('residents.phone.share'))
    .row()
    .text(ctx.t('residents.phone.skip'))
    .resized()
    .oneTime();
}

export function languageKeyboard(): InlineKeyboard {
  return new InlineKeyboard().text('中文', CB.lang('zh-CN')).text('English', CB.lang('en'));
}

export function profileKeyboard(ctx: BotContext, hasPhone: boolean, optedOut: boolean): InlineKeyboard {
  const kb = new InlineKeyboard()
    .text(ctx.t('residents.me.editHome'), CB.editHome)
    .text(ctx.t('residents.me.editPhone'), CB.editPhone)
    .row();
  if (hasPhone) kb.text(ctx.t('residents.me.deletePhone'), CB.deletePhone).row();
  kb.text(ctx.t(optedOut ? 'residents.me.noticesOn' : 'residents.me.noticesOff'), CB.toggleNotices).text(
    ctx.t('residents.me.language'),
    CB.langMenu,
  );
  return kb;
}
