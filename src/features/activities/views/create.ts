import { type Button, grid, markup, pagedRows } from '../../../telegram/markup';
import type { Compound } from '../../residents/service';
import { CB } from '../callbacks';
import type { Draft } from '../flows';
import { activitiesPolicy, KINDS } from '../policy';
import type { Organiser } from '../service';
import type { Card, Reader } from './common';
import { bilingual, dateOf } from './common';

// The questions of a new activity, each a card whose buttons answer it.

export const kindCard = ({ t }: Reader): Card => ({
  text: t('activities.create.kind'),
  markup: markup(
    grid(
      KINDS.map((k) => ({ text: t(`activities.kinds.${k}`), data: CB.kind(k) })),
      3,
    ),
  ),
});

export const skipCard = ({ t }: Reader, key: string, params: Record<string, string | number> = {}): Card => ({
  text: t(key, params),
  markup: markup([[{ text: t('activities.create.skip'), data: CB.skip }]]),
});

export const repeatCard = ({ t }: Reader): Card => ({
  text: t('activities.create.repeat'),
  markup: markup([
    [{ text: t('activities.create.once'), data: CB.repeat(false) }],
    [{ text: t('activities.create.weekly'), data: CB.repeat(true) }],
  ]),
});

export function placeCard(r: Reader, compounds: Compound[]): Card {
  const buttons: Button[] = compounds.map((c) => ({
    text: r.locale === 'zh-CN' ? c.nameZh : c.nameEn,
    data: CB.placeCompound(c.id),
  }));
  const rows = grid(buttons, 2);
  rows.push([{ text: r.t('activities.create.placeOther'), data: CB.placeOther }]);
  return { text: r.t('activities.create.place'), markup: markup(rows) };
}

export function audienceCard({ t }: Reader, d: Partial<Draft>): Card {
  const rows: Button[][] = [[{ text: t('activities.audience.all'), data: CB.audience('all') }]];
  if (d.compoundId) {
    rows.push([{ text: t('activities.audience.community'), data: CB.audience('community') }]);
    rows.push([{ text: t('activities.audience.compound'), data: CB.audience('compound') }]);
  }
  for (const a of ['age', 'relief', 'volunteers'] as const)
    rows.push([{ text: t(`activities.audience.${a}`), data: CB.audience(a) }]);
  return { text: t('activities.create.audience'), markup: markup(rows) };
}

export const capacityCard = ({ t }: Reader): Card => ({
  text: t('activities.create.capacity'),
  markup: markup([[{ text: t('activities.create.noSignup'), data: CB.signupNeeded(false) }]]),
});

/** The whole draft to check before it is saved. */
export function saveCard(r: Reader, d: Draft, organiser?: string): Card {
  const { t } = r;
  const text = t('activities.create.check', {
    kind: t(`activities.kinds.${d.kind}`),
    title: bilingual(r, d.titleZh, d.titleEn),
    date: dateOf(r, d.date),
    start: d.startsAt,
    end: d.endsAt,
    sessions: d.sessions,
    place: bilingual(r, d.placeZh, d.placeEn) + (d.latitude !== null ? ' 🗺' : ''),
    audience:
      d.audience === 'age'
        ? t('activities.audience.ageRange', { min: d.ageMin ?? 0, max: d.ageMax ?? 17 })
        : t(`activities.audience.${d.audience}`),
    organiser: d.partnerId === null ? t('activities.view.community') : (organiser ?? '-'),
    bring: d.bringZh ? bilingual(r, d.bringZh, d.bringEn) : t('activities.view.nothing'),
    capacity: !d.signupNeeded
      ? t('activities.view.noSignupNeeded')
      : d.capacity === null
        ? t('activities.create.noLimit')
        : d.capacity,
  });
  const rows = [
    [{ text: t('activities.create.saveAndPublish'), data: CB.saveAndPublish }],
    [{ text: t('activities.create.saveDraft'), data: CB.saveDraft }],
  ];
  return { text, markup: markup(rows) };
}

/** Who organises it: the community itself, or a listed partner (paged). */
export function organiserCard(r: Reader, partners: Organiser[], page: number): Card {
  const { rows } = pagedRows(
    partners,
    page,
    activitiesPolicy.pageSize,
    (p) => ({ text: p.name, data: CB.organiser(p.id) }),
    (n) => CB.organisers(n),
    2,
  );
  rows.unshift([{ text: r.t('activities.create.community'), data: CB.skip }]);
  return { text: r.t('activities.create.organiser'), markup: markup(rows) };
}
