import type { TFunction } from '../../i18n';
import { type Button, grid, markup, pagedRows } from '../../telegram/markup';
import { CB } from './callbacks';
import { PARTNER_TYPES } from './policy';
import type { Offer, Partner, Team } from './store';
import type { Card } from './views';

// The partner catalogue and the teams as staff keep them (issue 15): paged lists of buttons, a card per partner
// that shows its current state and edits itself, retire and list again instead of delete.

/** Rows shown on one page of the staff lists. */
const PAGE = 8;

const typeName = (t: TFunction, type: string) => t(`partners.type.${type}`, { defaultValue: type });

export function catalogueCard(t: TFunction, partners: Partner[], page: number): Card {
  const listed = partners.filter((p) => p.active).length;
  const { rows } = pagedRows(
    partners,
    page,
    PAGE,
    (p) => ({
      text: p.active ? p.name : t('partners.catalogue.retiredName', { name: p.name }),
      data: CB.staffPartner(p.id),
    }),
    (n) => CB.catalogue(n),
  );
  rows.push([{ text: t('partners.catalogue.add'), data: CB.newPartner }]);
  const text = t('partners.catalogue.title', { listed, retired: partners.length - listed });
  return { text, markup: markup(rows) };
}

/** A partner as staff see it: everything, its state, and the changes it allows now. */
export function staffPartnerCard(t: TFunction, p: Partner, offers: Offer[]): Card {
  const none = t('partners.catalogue.none');
  const lines = [
    t('partners.catalogue.card', {
      name: p.name,
      type: typeName(t, p.type),
      contact: p.contact || none,
      description: p.description || none,
    }),
    ...offers.map((o) => t('partners.card.offer', { kind: t(`partners.offer.${o.kind}`), detail: o.detail })),
    t(p.active ? 'partners.catalogue.listed' : 'partners.catalogue.retired'),
  ];
  const rows: Button[][] = [
    [
      { text: t('partners.catalogue.editType'), data: CB.partnerTypes(p.id) },
      { text: t('partners.catalogue.editContact'), data: CB.editPartner(p.id, 'contact') },
    ],
    [{ text: t('partners.catalogue.editDescription'), data: CB.editPartner(p.id, 'description') }],
    [
      p.active
        ? { text: t('partners.catalogue.retire'), data: CB.partnerActive(p.id, false) }
        : { text: t('partners.catalogue.restore'), data: CB.partnerActive(p.id, true) },
    ],
    [{ text: t('common.back'), data: CB.catalogue(0) }],
  ];
  return { text: lines.join('\n'), markup: markup(rows) };
}

/** The partner types as buttons: for a new partner (id undefined) or to change one's type. */
export function partnerTypesCard(t: TFunction, id?: number, name?: string): Card {
  const buttons = PARTNER_TYPES.map((type) => ({
    text: typeName(t, type),
    data: id === undefined ? CB.newPartnerType(type) : CB.partnerType(id, type),
  }));
  const rows = grid(buttons, 2);
  if (id !== undefined) rows.push([{ text: t('common.back'), data: CB.staffPartner(id) }]);
  return { text: t('partners.catalogue.askType', { name: name ?? '' }), markup: markup(rows) };
}

/** A prompt for a field that may be left empty: the skip button. */
export const skippable = (t: TFunction, key: string, params: Record<string, string> = {}): Card => ({
  text: t(key, params),
  markup: markup([[{ text: t('partners.catalogue.skip'), data: CB.skip }]]),
});

/** Every team with its members; each opens its card (message, offer a shift), and is retired or brought back here. */
export function staffTeamsCard(t: TFunction, teams: (Team & { members: number })[], page: number): Card {
  const shown = pagedRows(
    teams,
    page,
    PAGE,
    (x) => ({
      text: t(x.active ? 'partners.staff.teamButton' : 'partners.catalogue.retiredTeam', {
        name: x.name,
        count: x.members,
      }),
      data: x.active ? CB.team(x.id) : CB.teamActive(x.id, true),
    }),
    (n) => CB.staffTeams(n),
  );
  // Retiring is a second button on an active team's own row (the rows are the page's teams, in order).
  const { rows } = shown;
  teams.slice(shown.page * PAGE, shown.page * PAGE + PAGE).forEach((x, i) => {
    if (x.active) rows[i]!.push({ text: t('partners.catalogue.retireTeam'), data: CB.teamActive(x.id, false) });
  });
  const active = teams.filter((x) => x.active);
  rows.push([{ text: t('partners.staff.newTeam'), data: CB.newTeam }]);
  return { text: t('partners.catalogue.teams', { count: active.length }), markup: markup(rows) };
}
