import type { Locale } from '../../../config';
import { displayName, inLocale } from '../../../core/names';
import type { TFunction } from '../../../i18n';
import { ROLES, type Role } from '../../../identity';
import { type Button, markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { phoneTail, residentsPolicy } from '../policy';
import type { Person } from '../service/people';
import type { Community, Compound } from '../store';
import { type Card, roleName } from './common';

const rolesText = (t: TFunction, roles: readonly Role[]) =>
  roles.length ? roles.map((r) => roleName(t, r)).join('、') : roleName(t, 'resident');

/** A person as one button: their name, the phone's last digits, their roles. */
const personButton = (t: TFunction, p: Person): Button => {
  const tail = phoneTail(p.user.phone);
  const name = tail ? `${displayName(p.user)} (${tail})` : displayName(p.user);
  return { text: `${name} · ${rolesText(t, p.roles)}`, data: CB.person(p.user.id) };
};

/**
 * The admin's people list: everyone with a role, or who a search found; each opens the person's card. A search is
 * typed (a part of the name or the phone's last digits) while this card is open.
 */
export function peopleCard(
  t: TFunction,
  list: { kind: 'holders' } | { kind: 'found'; query: string; more: boolean },
  people: Person[],
  page: number,
): Card {
  const pageData = list.kind === 'holders' ? CB.people : CB.found;
  const { rows } = pagedRows(people, page, residentsPolicy.peoplePerPage, (p) => personButton(t, p), pageData);
  let text: string;
  if (list.kind === 'holders') text = t('residents.people.holders', { count: people.length });
  else if (people.length === 0) text = t('residents.people.noneFound', { query: list.query });
  else text = t('residents.people.found', { query: list.query, count: people.length });
  if (list.kind === 'found' && list.more) text += `\n${t('residents.people.more', { max: people.length })}`;
  text += `\n\n${t('residents.people.searchHint')}`;
  rows.push([
    { text: t('residents.people.search'), data: CB.search },
    { text: t('residents.people.invite'), data: CB.invites },
  ]);
  rows.push([...(list.kind === 'found' ? [{ text: t('residents.people.holdersButton'), data: CB.people(0) }] : [])]);
  return { text, markup: markup(rows) };
}

/**
 * One person: who they are and where they live, and a button for each role — ✅ held (tap to take it away, after a
 * confirmation) or ☐ not held (tap to give it). An admin's own admin role has no button: another admin must.
 */
export function personCard(
  t: TFunction,
  locale: Locale,
  p: Person,
  home: { community?: Community; compound?: Compound },
  selfId: number,
  back: string,
): Card {
  const unset = t('residents.me.unset');
  const text = t('residents.people.card', {
    name: displayName(p.user),
    username: p.user.username ? `@${p.user.username}` : unset,
    phone: phoneTail(p.user.phone) ?? unset,
    home: home.compound ? inLocale(home.compound, locale) : home.community ? inLocale(home.community, locale) : unset,
    roles: rolesText(t, p.roles),
  });
  const toggles: Button[][] = ROLES.filter((r) => !(r === 'admin' && p.user.id === selfId)).map((r) =>
    p.roles.includes(r)
      ? [{ text: `✅ ${roleName(t, r)}`, data: CB.revoke(p.user.id, r) }]
      : [{ text: `☐ ${roleName(t, r)}`, data: CB.grant(p.user.id, r) }],
  );
  return { text, markup: markup([...toggles, [{ text: t('common.back'), data: back }]]) };
}

export function confirmRevoke(t: TFunction, p: Person, role: Role): Card {
  return {
    text: t('residents.roles.confirmRevoke', { user: displayName(p.user), role: roleName(t, role) }),
    markup: markup([
      [
        { text: t('common.confirm'), data: CB.revokeYes(p.user.id, role) },
        { text: t('common.cancel'), data: CB.revokeNo(p.user.id) },
      ],
    ]),
  };
}
