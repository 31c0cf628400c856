import type { Locale } from '../../../config';
import { displayName, inLocale } from '../../../core/names';
import type { TFunction } from '../../../i18n';
import type { Role, User } from '../../../identity';
import { type Button, grid, markup } from '../../../telegram/markup';
import { CB } from '../callbacks';
import type { Community, Compound } from '../store';
import { type Card, roleName } from './common';

export { type Card, roleName } from './common';
export * from './people';
export * from './places';

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

/** The roles this person may invite to, one button each: the link comes back at once. */
export function inviteChoice(t: TFunction, roles: Role[]): Card {
  return {
    text: t('residents.invite.ask'),
    markup: markup(roles.map((r) => [{ text: roleName(t, r), data: CB.invite(r) }])),
  };
}
