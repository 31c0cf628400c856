import { monthLabel } from '../../../core/calendar';
import { displayName } from '../../../core/names';
import { type Button, grid, markup, pagedRows } from '../../../telegram/markup';
import type { Community } from '../../residents/service';
import { CB } from '../callbacks';
import type { CatalogueKind, StatsPeriod } from '../policy';
import { previousMonth } from '../rates';
import type { Breakdown, CatalogueEntry, DeputyAreas, Responsiveness } from '../service';
import type { PetitionCategory } from '../store';
import { ratesText } from './handling';
import { type Card, nameOf, type Reader } from './reader';

// Staff and admins: statistics for a period picked with buttons, the catalogues, the deputies' areas, time limits.

export const periodName = (r: Reader, p: StatsPeriod) =>
  p.kind === 'month' ? monthLabel(p.month)[r.locale] : r.t('petitions.stats.year', { year: p.year });

/** This month, last month, a month list, this year: a period is always a tap. */
export function periodChoice(r: Reader, thisMonth: string): Card {
  const { t } = r;
  const last = previousMonth(thisMonth);
  const rows: Button[][] = [
    [
      { text: t('petitions.stats.pick.thisMonth'), data: CB.statsPeriod({ kind: 'month', month: thisMonth }) },
      { text: t('petitions.stats.pick.lastMonth'), data: CB.statsPeriod({ kind: 'month', month: last }) },
    ],
    [
      { text: t('petitions.stats.pick.months'), data: CB.statsMonths },
      { text: t('petitions.stats.pick.thisYear'), data: CB.statsPeriod({ kind: 'year', year: thisMonth.slice(0, 4) }) },
    ],
  ];
  return { text: t('petitions.stats.pick.ask'), markup: markup(rows) };
}

/** The twelve months before this one, newest first. */
export function monthChoice(r: Reader, thisMonth: string): Card {
  const months: string[] = [];
  for (let m = thisMonth, i = 0; i < 12; i++, m = previousMonth(m)) months.push(m);
  const buttons = months.map((month) => ({
    text: monthLabel(month)[r.locale],
    data: CB.statsPeriod({ kind: 'month', month }),
  }));
  const rows = grid(buttons, 3);
  rows.push([{ text: r.t('common.back'), data: CB.statsHome }]);
  return { text: r.t('petitions.stats.pick.ask'), markup: markup(rows) };
}

/** A period's three rates overall, then the buttons to its deputies and its breakdown. */
export function periodCard(r: Reader, p: StatsPeriod, figures: Responsiveness): Card {
  const { t } = r;
  const rows: Button[][] = [];
  if (figures.deputies.length)
    rows.push([{ text: t('petitions.stats.byDeputy', { n: figures.deputies.length }), data: CB.statsDeputies(p, 0) }]);
  rows.push([{ text: t('petitions.stats.byArea'), data: CB.statsBreakdown(p) }]);
  rows.push([{ text: t('petitions.stats.otherPeriod'), data: CB.statsHome }]);
  return { text: ratesText(t, periodName(r, p), figures.overall), markup: markup(rows) };
}

/** The period's deputies, five to a page. */
export function deputiesPage(r: Reader, p: StatsPeriod, deputies: Responsiveness['deputies'], page: number): Card {
  const { t } = r;
  const size = 5;
  const pages = Math.max(1, Math.ceil(deputies.length / size));
  const at = Math.min(Math.max(0, page), pages - 1);
  const blocks = deputies
    .slice(at * size, at * size + size)
    .map((d) => ratesText(t, t('petitions.stats.deputy', { name: d.name }), d.rates));
  const nav: Button[] = [];
  if (at > 0) nav.push({ text: '◀', data: CB.statsDeputies(p, at - 1) });
  if (at < pages - 1) nav.push({ text: '▶', data: CB.statsDeputies(p, at + 1) });
  const head = `${periodName(r, p)} · ${t('petitions.stats.deputies', { n: deputies.length, page: at + 1, pages })}`;
  return {
    text: [head, ...blocks].join('\n\n'),
    markup: markup([nav, [{ text: t('common.back'), data: CB.statsPeriod(p) }]]),
  };
}

/** Per category and per community: filed, resolution, satisfaction, one line each. */
export function breakdownCard(r: Reader, p: StatsPeriod, b: Breakdown): Card {
  const { t } = r;
  const line = (name: string, x: Breakdown['categories'][number]['rates']) =>
    t('petitions.stats.line', { name, filed: x.filed, resolved: x.resolved, due: x.answerDue, overdue: x.overdue });
  const text = t('petitions.stats.breakdown', {
    period: periodName(r, p),
    categories: b.categories.map((c) => line(nameOf(r, c), c.rates)).join('\n') || '—',
    communities: b.communities.map((c) => line(nameOf(r, c), c.rates)).join('\n') || '—',
  });
  return { text, markup: markup([[{ text: t('common.back'), data: CB.statsPeriod(p) }]]) };
}

/** A catalogue, eight to a page: retired entries are marked and stay listed (they can be restored). */
export function catalogueCard(r: Reader, kind: CatalogueKind, entries: CatalogueEntry[], page: number): Card {
  const { t } = r;
  const label = (e: CatalogueEntry) => `${e.active ? '' : '🗄 '}${nameOf(r, e)}`;
  const paged = pagedRows(
    entries,
    page,
    8,
    (e) => ({ text: label(e), data: CB.catalogueEntry(kind, e.id) }),
    (n) => CB.catalogue(kind, n),
  );
  paged.rows.push([{ text: t(`petitions.catalogue.${kind}.add`), data: CB.catalogueAdd(kind) }]);
  return { text: t(`petitions.catalogue.${kind}.title`, { n: entries.length }), markup: markup(paged.rows) };
}

/** One entry: both names, whether it is offered, and the buttons to rename, retire or restore it. */
export function entryCard(r: Reader, kind: CatalogueKind, e: CatalogueEntry): Card {
  const { t } = r;
  const text = t('petitions.catalogue.entry', {
    zh: e.nameZh,
    en: e.nameEn,
    state: t(e.active ? 'petitions.catalogue.active' : 'petitions.catalogue.retired'),
  });
  const rows: Button[][] = [
    [
      { text: t('petitions.catalogue.renameZh'), data: CB.catalogueRename(kind, e.id, 'zh') },
      { text: t('petitions.catalogue.renameEn'), data: CB.catalogueRename(kind, e.id, 'en') },
    ],
    [
      {
        text: t(e.active ? 'petitions.catalogue.retire' : 'petitions.catalogue.restore'),
        data: CB.catalogueActive(kind, e.id, !e.active),
      },
    ],
    [{ text: t('common.back'), data: CB.catalogue(kind, 0) }],
  ];
  return { text, markup: markup(rows) };
}

/** Everyone holding the deputy role, eight to a page, with how many areas each has. */
export function deputiesCard(r: Reader, list: DeputyAreas[], page: number): Card {
  const { t } = r;
  const paged = pagedRows(
    list,
    page,
    8,
    (d) => ({
      text: t('petitions.areas.deputyLine', { name: displayName(d.user), n: d.areas.length }),
      data: CB.deputy(d.user.id),
    }),
    CB.deputies,
  );
  paged.rows.push([{ text: t('petitions.areas.invite'), data: CB.invite }]);
  const text = list.length ? t('petitions.areas.title', { n: list.length }) : t('petitions.areas.none');
  return { text, markup: markup(paged.rows) };
}

/** A deputy's communities, each a toggle (✅ the whole community); 🏷 picks categories of one instead. */
export function deputyCard(r: Reader, d: DeputyAreas, communities: Community[], categories: PetitionCategory[]): Card {
  const { t } = r;
  const whole = (c: Community) => d.areas.some((a) => a.communityId === c.id && a.category === null);
  const parts = (c: Community) => d.areas.filter((a) => a.communityId === c.id && a.category !== null);
  const rows: Button[][] = communities.map((c) => [
    {
      text: `${whole(c) ? '✅' : parts(c).length ? '◐' : '⬜'} ${nameOf(r, c)}`,
      data: CB.toggleCommunity(d.user.id, c.id),
    },
    { text: '🏷', data: CB.deputyCategories(d.user.id, c.id) },
  ]);
  rows.push([{ text: t('common.back'), data: CB.deputies(0) }]);
  const lines = d.areas.map((a) => {
    const c = communities.find((x) => x.id === a.communityId);
    const k = categories.find((x) => x.code === a.category);
    return `• ${nameOf(r, c)} · ${a.category === null ? t('petitions.areas.allCategories') : nameOf(r, k)}`;
  });
  const text = t('petitions.areas.deputy', { name: displayName(d.user), areas: lines.join('\n') || '—' });
  return { text, markup: markup(rows) };
}

/** One community of a deputy's: each category a toggle. */
export function deputyCategoriesCard(
  r: Reader,
  d: DeputyAreas,
  community: Community,
  categories: PetitionCategory[],
): Card {
  const held = (code: string) => d.areas.some((a) => a.communityId === community.id && a.category === code);
  const buttons = categories.map((k) => ({
    text: `${held(k.code) ? '✅' : '⬜'} ${nameOf(r, k)}`,
    data: CB.toggleCategory(d.user.id, community.id, k.code),
  }));
  const rows = grid(buttons, 2);
  rows.push([{ text: r.t('common.back'), data: CB.deputy(d.user.id) }]);
  const text = r.t('petitions.areas.categories', { name: displayName(d.user), community: nameOf(r, community) });
  return { text, markup: markup(rows) };
}
