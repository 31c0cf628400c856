import { inLocale } from '../../../core/names';
import { type Button, markup, pagedRows } from '../../../telegram/markup';
import { SETUP_NEXT } from '../../../telegram/workbench';
import type { Compound } from '../../residents/service';
import { CB } from '../callbacks';
import { PAGE } from '../policy';
import type { Venue } from '../store';
import { type Card, placeText, type Reader, withNotice } from './common';

// The venues as staff keep them, and the venue buttons offered when a market day is scheduled or moved.

type Compounds = ReadonlyMap<number, Compound>;

/** A venue as its button says it: the compound, then the place (and the address, if any). */
export const venueLabel = (r: Reader, v: Venue, compounds: Compounds) => {
  const c = compounds.get(v.compoundId);
  const place = placeText(r, { location: v.nameZh, locationEn: v.nameEn, address: '' });
  return c ? `${inLocale(c, r.locale)} · ${place}` : place;
};

/** Every venue, retired ones marked and last, a page at a time; and "add a venue". */
export function venuesCard(r: Reader, venues: Venue[], compounds: Compounds, page: number): Card {
  const { t } = r;
  const label = (v: Venue) => `${v.active ? '' : '🗄 '}${venueLabel(r, v, compounds)}`;
  const { rows } = pagedRows(venues, page, PAGE, (v) => ({ text: label(v), data: CB.venue(v.id) }), CB.venues);
  rows.push([{ text: t('market.venues.btn.add'), data: CB.addVenue() }]);
  const retired = venues.filter((v) => !v.active).length;
  const text = t(venues.length ? 'market.venues.list' : 'market.venues.empty', {
    count: venues.length - retired,
    retired,
  });
  return { text, markup: markup(rows) };
}

/** One venue: what residents will read, and a button for each thing staff can change. */
export function venueCard(r: Reader, v: Venue, compound: Compound | undefined, notice?: string): Card {
  const { t } = r;
  const text = t('market.venues.card', {
    nameZh: v.nameZh,
    nameEn: v.nameEn ?? t('market.venues.noEnglish'),
    address: v.address || '-',
    compound: compound ? inLocale(compound, r.locale) : '-',
    map: t(v.latitude === null ? 'market.venues.noMap' : 'market.venues.hasMap'),
    state: t(v.active ? 'market.catalogue.active' : 'market.catalogue.retired'),
  });
  const btn = (key: string, data: string) => ({ text: t(key), data });
  const rows: Button[][] = [
    [btn('market.venues.btn.name', CB.editVenue(v.id, 'n')), btn('market.venues.btn.address', CB.editVenue(v.id, 'a'))],
    [btn('market.venues.btn.map', CB.editVenue(v.id, 'l')), btn('market.venues.btn.compound', CB.editVenue(v.id, 'c'))],
    [
      v.active
        ? btn('market.venues.btn.retire', CB.retireVenue(v.id))
        : btn('market.venues.btn.restore', CB.restoreVenue(v.id)),
    ],
    [btn('market.venues.btn.list', CB.venues(0))],
  ];
  return { text: withNotice(text, notice), markup: markup(rows) };
}

/** The compounds a venue can be in, a page at a time (a sub-district may have dozens). */
export function compoundPickCard(r: Reader, compounds: Compound[], page: number): Card {
  const { rows } = pagedRows(
    compounds,
    page,
    PAGE,
    (c) => ({ text: inLocale(c, r.locale), data: CB.venueCompound(c.id) }),
    CB.venueCompounds,
    2,
  );
  return { text: r.t('market.venues.askCompound'), markup: markup(rows) };
}

export const askVenueMapCard = ({ t }: Reader): Card => ({
  text: t('market.venues.askMap'),
  markup: markup([[{ text: t('market.staff.btn.skipMap'), data: CB.skipVenueMap }]]),
});

/** A venue saved: from the set-up walk-through, "add another" or its next step; else the venue or another. */
export function venueAddedCard(r: Reader, v: Venue, compounds: Compounds, setup: boolean): Card {
  const { t } = r;
  const text = t('market.venues.added', { name: venueLabel(r, v, compounds) });
  const rows: Button[][] = setup
    ? [
        [{ text: t('market.venues.btn.another'), data: CB.addVenue(true) }],
        [{ text: t('market.setup.next'), data: SETUP_NEXT }],
      ]
    : [
        [{ text: t('market.venues.btn.open'), data: CB.venue(v.id) }],
        [{ text: t('market.venues.btn.another'), data: CB.addVenue() }],
      ];
  return { text, markup: markup(rows) };
}

/** The set-up step when venues exist already (a redo from ⚙️): what there is, add more, or go on. */
export function setupVenuesCard(r: Reader, venues: Venue[], compounds: Compounds): Card {
  const { t } = r;
  const names = venues.map((v) => `• ${venueLabel(r, v, compounds)}`).join('\n');
  return {
    text: t('market.setup.venues', { count: venues.length, names }),
    markup: markup([
      [{ text: t('market.venues.btn.add'), data: CB.addVenue(true) }],
      [{ text: t('market.venues.btn.manage'), data: CB.venues(0) }],
      [{ text: t('market.setup.next'), data: SETUP_NEXT }],
    ]),
  };
}

/**
 * The venues to hold a market day at, a page at a time, the one next in rotation first and starred: for a new day
 * (`moving` absent) or to move one.
 */
export function pickVenueCard(
  r: Reader,
  venues: Venue[],
  compounds: Compounds,
  proposed: number | null,
  page: number,
  moving?: number,
): Card {
  const sorted = [...venues].sort((a, b) => Number(b.id === proposed) - Number(a.id === proposed));
  const label = (v: Venue) =>
    v.id === proposed
      ? r.t('market.staff.proposed', { name: venueLabel(r, v, compounds) })
      : venueLabel(r, v, compounds);
  const data = (v: Venue) => (moving === undefined ? CB.newVenue(v.id) : CB.moveTo(moving, v.id));
  const pageData = (n: number) => (moving === undefined ? CB.newVenuePage(n) : CB.moveToPage(moving, n));
  const { rows } = pagedRows(sorted, page, PAGE, (v) => ({ text: label(v), data: data(v) }), pageData);
  if (moving !== undefined) rows.push([{ text: r.t('market.btn.back'), data: CB.panel(moving) }]);
  return {
    text: r.t(moving === undefined ? 'market.staff.askVenue' : 'market.staff.askNewVenue'),
    markup: markup(rows),
  };
}

/** "New market day" with no venue yet: add one first. */
export const noVenuesCard = ({ t }: Reader): Card => ({
  text: t('market.staff.noVenues'),
  markup: markup([[{ text: t('market.venues.btn.add'), data: CB.addVenue() }]]),
});

export const confirmRetireVenueCard = (r: Reader, v: Venue): Card => ({
  text: r.t('market.venues.confirmRetire', {
    name: placeText(r, { location: v.nameZh, locationEn: v.nameEn, address: '' }),
  }),
  markup: markup([
    [
      { text: r.t('market.venues.btn.retireYes'), data: CB.retireVenueYes(v.id) },
      { text: r.t('market.btn.back'), data: CB.venue(v.id) },
    ],
  ]),
});
