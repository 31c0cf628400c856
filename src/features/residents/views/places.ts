import type { Locale } from '../../../config';
import { inLocale } from '../../../core/names';
import type { TFunction } from '../../../i18n';
import { type Button, markup, pagedRows } from '../../../telegram/markup';
import { SETUP_NEXT } from '../../../telegram/workbench';
import { CB } from '../callbacks';
import type { PlaceDraft } from '../flows';
import { residentsPolicy } from '../policy';
import type { Community, Compound } from '../store';
import type { Card } from './common';

// The sub-district's name and its places, as the admin sets them up and edits them (the set-up walk-through and
// ⚙️ 设置 open the same cards).

const next = (t: TFunction): Button => ({ text: t('residents.setup.next'), data: SETUP_NEXT });
const retiredMark = (t: TFunction, p: { retired: boolean }) =>
  p.retired ? ` ${t('residents.setup.retiredMark')}` : '';

export const askSubdistrict = (t: TFunction, current: string): Card => ({
  text: current
    ? t('residents.setup.name.askAgain', { current, max: residentsPolicy.subdistrictNameMax })
    : t('residents.setup.name.ask', { max: residentsPolicy.subdistrictNameMax }),
});

export const subdistrictSaved = (t: TFunction, name: string): Card => ({
  text: t('residents.setup.name.saved', { name }),
  markup: markup([[next(t)], [{ text: t('residents.setup.name.change'), data: CB.editName }]]),
});

/** Every community with how many compounds it has; the way on once there is somewhere for residents to live. */
export function placesCard(
  t: TFunction,
  locale: Locale,
  subdistrict: string,
  communities: Community[],
  compounds: Compound[],
  ready: boolean,
  page = 0,
): Card {
  const count = (c: Community) => compounds.filter((k) => k.communityId === c.id && !k.retired).length;
  const lines = communities.map((c) =>
    t('residents.setup.places.line', { community: inLocale(c, locale) + retiredMark(t, c), count: count(c) }),
  );
  const text = [
    t('residents.setup.places.title', { subdistrict: subdistrict || t('residents.me.unset') }),
    lines.length ? lines.join('\n') : t('residents.setup.places.none'),
    t(ready ? 'residents.setup.places.ready' : 'residents.setup.places.needOne'),
  ].join('\n\n');
  const { rows } = pagedRows(
    communities,
    page,
    residentsPolicy.placesPerPage,
    (c) => ({ text: inLocale(c, locale) + retiredMark(t, c), data: CB.placesCommunity(c.id) }),
    CB.placesPage,
  );
  rows.push([{ text: t('residents.setup.places.addCommunity'), data: CB.addCommunity }]);
  if (ready) rows.push([next(t)]);
  return { text, markup: markup(rows) };
}

const pin = (c: Compound) => (c.location ? ' 📍' : '');

/** A community: its names and its compounds (each opens its card), with what can be done to it. */
export function communityCard(
  t: TFunction,
  locale: Locale,
  community: Community,
  compounds: Compound[],
  page = 0,
): Card {
  // The text lists the page shown (a long list would not fit one message), numbered across all pages.
  const size = residentsPolicy.placesPerPage * 2;
  const { rows, page: shown } = pagedRows(
    compounds,
    page,
    size,
    (c) => ({ text: `${inLocale(c, locale)}${retiredMark(t, c)}`, data: CB.placesCompound(c.id) }),
    (n) => CB.placesCommunity(community.id, n),
    2,
  );
  const list = compounds
    .slice(shown * size, shown * size + size)
    .map(
      (c, i) =>
        `${shown * size + i + 1}. ${inLocale(c, locale)}${retiredMark(t, c)}${pin(c)}` +
        (c.address ? ` — ${c.address}` : ''),
    );
  const text = t('residents.setup.community.card', {
    nameZh: community.nameZh,
    nameEn: community.nameEn,
    state: community.retired ? t('residents.setup.retired') : t('residents.setup.inUse'),
    compounds: list.length ? list.join('\n') : t('residents.setup.community.noCompounds'),
  });
  rows.push([{ text: t('residents.setup.community.addCompound'), data: CB.addCompound(community.id) }]);
  rows.push([
    { text: t('residents.setup.rename'), data: CB.renameCommunity(community.id) },
    {
      text: t(community.retired ? 'residents.setup.restore' : 'residents.setup.retire'),
      data: CB.retireCommunity(community.id),
    },
  ]);
  rows.push([{ text: t('residents.setup.community.all'), data: CB.places }]);
  return { text, markup: markup(rows) };
}

/** A compound: both names, its address and map point, and a button for each of them. */
export function compoundCard(t: TFunction, locale: Locale, community: Community, c: Compound): Card {
  const unset = t('residents.me.unset');
  const text = t('residents.setup.compound.card', {
    community: inLocale(community, locale),
    nameZh: c.nameZh,
    nameEn: c.nameEn,
    address: c.address ?? unset,
    location: c.location ? `${c.location.latitude.toFixed(5)}, ${c.location.longitude.toFixed(5)}` : unset,
    state: c.retired ? t('residents.setup.retired') : t('residents.setup.inUse'),
  });
  return {
    text,
    markup: markup([
      [
        { text: t('residents.setup.rename'), data: CB.renameCompound(c.id) },
        { text: t('residents.setup.compound.address'), data: CB.editAddress(c.id) },
      ],
      [
        { text: t('residents.setup.compound.location'), data: CB.editLocation(c.id) },
        { text: t(c.retired ? 'residents.setup.restore' : 'residents.setup.retire'), data: CB.retireCompound(c.id) },
      ],
      [{ text: t('common.back'), data: CB.placesCommunity(c.communityId) }],
    ]),
  };
}

/** The question of each step of adding or editing a place, with its example and the buttons it allows. */
export function placeQuestion(
  t: TFunction,
  step: 'communityZh' | 'communityEn' | 'compoundZh' | 'compoundEn' | 'address' | 'location',
  draft: PlaceDraft,
): Card {
  const max = step === 'address' ? residentsPolicy.addressMax : residentsPolicy.placeNameMax;
  const text = t(`residents.setup.ask.${step}`, { name: draft.nameZh ?? '', max });
  if (step === 'communityEn' || step === 'compoundEn')
    return {
      text,
      markup: markup([[{ text: t('residents.setup.sameName', { name: draft.nameZh }), data: CB.sameName }]]),
    };
  if (step === 'address' || step === 'location') {
    const skip = draft.mode === 'add' ? 'residents.setup.skip' : `residents.setup.clear.${step}`;
    return { text, markup: markup([[{ text: t(skip), data: CB.skip }]]) };
  }
  return { text };
}
