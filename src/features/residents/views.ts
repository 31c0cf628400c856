import type { Locale } from '../../config';
import { displayName, inLocale } from '../../core/names';
import type { TFunction } from '../../i18n';
import type { Role, User } from '../../identity';
import { type Button, grid, markup } from '../../telegram/markup';
import type { InlineMarkup } from '../../telegram/port';
import { CB } from './callbacks';
import type { Community, Compound } from './store';

export interface Card {
  text: string;
  markup?: InlineMarkup;
}

export const roleName = (t: TFunction, role: Role | 'resident') => t(`residents.roles.${role}`);

export function communityChoice(t: TFunction, locale: Locale, communities: Community[]): Card {
  const rows: Button[][] = communities.map((c) => [{ text: inLocale(c, locale), data: CB.community(c.id) }]);
  rows.push([{ text: t('residents.onboard.later'), data: CB.later }]);
  return { text: t('residents.onboard.askCommunity'), markup: markup(rows) };
}

export function compoundChoice(t: TFunction, locale: Locale, community: Community, compounds: Compound[]): Card {
  const rows = grid(compounds.map((c) => ({ text: inLocale(c, locale), data: CB.compound(c.id) })));
  rows.push([{ text: t('common.back'), data: CB.back }]);
  return {
    text: t('residents.onboard.askCompound', { community: inLocale(community, locale) }),
    markup: markup(rows),
  };
}

export function languageChoice(t: TFunction): Card {
  return {
    text: t('residents.lang.ask'),
    markup: markup([
      [
        { text: '中文', data: CB.lang('zh-CN') },
        { text: 'English', data: CB.lang('en') },
      ],
    ]),
  };
}

/** /me: everything we keep about the resident, with a button for each thing they can change. */
export function profileCard(
  t: TFunction,
  locale: Locale,
  user: User,
  roles: ReadonlySet<Role>,
  home: { community?: Community; compound?: Compound },
): Card {
  const unset = t('residents.me.unset');
  const roleNames = [...roles].map((r) => roleName(t, r)).join('、') || roleName(t, 'resident');
  const text = t('residents.me.card', {
    name: displayName(user),
    community: home.community ? inLocale(home.community, locale) : unset,
    compound: home.compound ? inLocale(home.compound, locale) : unset,
    phone: user.phone ?? unset,
    language: locale === 'en' ? 'English' : '中文',
    notices: t(user.noticesOptOut ? 'residents.me.noticesAreOff' : 'residents.me.noticesAreOn'),
    roles: roleNames,
  });
  const rows: Button[][] = [
    [
      { text: t('residents.me.editHome'), data: CB.editHome },
      { text: t('residents.me.editPhone'), data: CB.editPhone },
    ],
  ];
  if (user.phone) rows.push([{ text: t('residents.me.deletePhone'), data: CB.deletePhone }]);
  rows.push([
    { text: t(user.noticesOptOut ? 'residents.me.noticesOn' : 'residents.me.noticesOff'), data: CB.toggleNotices },
    { text: t('residents.me.language'), data: CB.langMenu },
  ]);
  return { text, markup: markup(rows) };
}

export function inviteChoice(t: TFunction, roles: Role[]): Card {
  return {
    text: t('residents.invite.ask'),
    markup: markup(roles.map((r) => [{ text: roleName(t, r), data: CB.invite(r) }])),
  };
}

/** The admin's list of people with a role; each can be revoked except the admin's own. */
export function rolesCard(t: TFunction, people: { user: User; role: Role }[], selfId: number): Card {
  if (people.length === 0) return { text: t('residents.roles.none') };
  const label = (p: { user: User; role: Role }) => `${displayName(p.user)} (${p.user.id}) · ${roleName(t, p.role)}`;
  const lines = people.map(label);
  const rows = people
    .filter((p) => p.user.id !== selfId)
    .map((p) => [{ text: `✖ ${label(p)}`, data: CB.revoke(p.user.id, p.role) }]);
  return { text: t('residents.roles.list', { lines: lines.join('\n') }), markup: markup(rows) };
}

export function confirmRevoke(t: TFunction, userId: number, role: Role): Card {
  return {
    text: t('residents.roles.confirmRevoke', { user: userId, role: roleName(t, role) }),
    markup: markup([
      [
        { text: t('common.confirm'), data: CB.revokeYes(userId, role) },
        { text: t('common.cancel'), data: CB.revokeNo },
      ],
    ]),
  };
}
