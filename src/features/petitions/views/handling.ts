import type { TFunction } from '../../../i18n';
import { type Button, grid, markup, pagedRows } from '../../../telegram/markup';
import type { Community } from '../../residents/service';
import { CB } from '../callbacks';
import { nextStatuses, type SettableStatus } from '../policy';
import { num, pct, type Rates } from '../rates';
import type { Department, Petition, PetitionCategory } from '../store';
import { type Card, nameOf, type Reader } from './reader';

// Lists and choices: a resident's own petitions, a handler's list and filters, status and department choices,
// the three rates, the deputies' assignments.

/** One line of a list: number, status, place. */
const listLabel = (t: TFunction, p: Petition) =>
  `#${p.id} ${t(`petitions.status.${p.status}`)} · ${p.place}`.slice(0, 60);

export function mineCard(t: TFunction, list: Petition[], page: number): Card {
  const { rows } = pagedRows(list, page, 6, (p) => ({ text: listLabel(t, p), data: CB.view(p.id) }), CB.mine);
  return { text: t('petitions.mine.title', { n: list.length }), markup: markup(rows) };
}

export const satisfactionChoice = (t: TFunction, id: number): Card => ({
  text: t('petitions.feedback.askStars', { id }),
  markup: markup([1, 2, 3, 4, 5].map((n) => [{ text: '⭐'.repeat(n), data: CB.rate(id, n) }])),
});

/** The handler's list under a filter code (see parseListFilter), eight to a page. */
export function listCard(t: TFunction, list: Petition[], filter: string, page: number): Card {
  const paged = pagedRows(
    list,
    page,
    8,
    (p) => ({ text: listLabel(t, p), data: CB.handle(p.id) }),
    (n) => CB.list(filter, n),
  );
  const text = t('petitions.list.title', {
    n: list.length,
    page: paged.page + 1,
    pages: paged.pages,
    filter: t(`petitions.list.filter.${filter[0] === 'c' || filter[0] === 'm' ? 'f' : filter}`),
  });
  return { text, markup: markup(paged.rows) };
}

const FILTERS = ['o', 'd', 'x', 'a'] as const;

export function filterChoice(r: Reader, communities: Community[], categories: PetitionCategory[]): Card {
  const { t } = r;
  const rows: Button[][] = [FILTERS.map((f) => ({ text: t(`petitions.list.filter.${f}`), data: CB.list(f, 0) }))];
  rows.push(
    ...grid(
      categories.map((c) => ({ text: nameOf(r, c), data: CB.list(`c${c.code}`, 0) })),
      3,
    ),
  );
  for (const c of communities) rows.push([{ text: nameOf(r, c), data: CB.list(`m${c.id}`, 0) }]);
  return { text: t('petitions.list.chooseFilter'), markup: markup(rows) };
}

/** The statuses the petition may move to now (see nextStatuses), edited into the card's buttons; back to the card. */
export function statusChoice(t: TFunction, p: Petition): Button[][] {
  const next = nextStatuses(p);
  const label = (s: SettableStatus) => t(`petitions.status.${s}`);
  const rows: Button[][] = [
    next.flatMap((s) =>
      s === 'accepted' || s === 'investigating' ? [{ text: label(s), data: CB.setStatus(p.id, s) }] : [],
    ),
    next.includes('transferred') ? [{ text: label('transferred'), data: CB.transferMenu(p.id) }] : [],
    next.flatMap((s) => (s === 'resolved' ? [{ text: label(s), data: CB.resolve(p.id) }] : [])),
    next.flatMap((s) => (s === 'unresolvable' ? [{ text: label(s), data: CB.unresolvable(p.id) }] : [])),
  ];
  rows.push([{ text: t('common.back'), data: CB.card(p.id) }]);
  return rows.filter((r) => r.length > 0);
}

/** Where to transfer it: every department but the one it is already with. */
export function departmentChoice(r: Reader, p: Petition, departments: Department[]): Button[][] {
  const others = departments.filter((d) => p.status !== 'transferred' || d.id !== p.departmentId);
  const rows = grid(others.map((d) => ({ text: nameOf(r, d), data: CB.transfer(p.id, d.id) })));
  rows.push([{ text: r.t('common.back'), data: CB.statusMenu(p.id) }]);
  return rows;
}

/** "80%（5 件中 4 件）": a rate never without what it counts. */
const shareText = (t: TFunction, n: number, d: number, unit: 'cases' | 'people') =>
  d === 0 ? t(`petitions.stats.none.${unit}`) : t(`petitions.stats.share.${unit}`, { pct: pct(n / d), n, d });

export const ratesText = (t: TFunction, title: string, r: Rates) =>
  t('petitions.stats.block', {
    title,
    filed: r.filed,
    open: r.open,
    overdue: r.overdue,
    response: shareText(t, r.ackedInTime, r.ackDue, 'cases'),
    resolution: shareText(t, r.resolved, r.answerDue, 'cases'),
    satisfaction: num(r.satisfaction),
    satisfied: shareText(t, r.satisfied, r.rated, 'people'),
    ackHours: num(r.medianAckHours),
    resolveDays: num(r.medianResolveDays),
  });

/** Deputies' figures, five to a page, with ◀ ▶. */
export function deputyRatesPage(t: TFunction, deputies: { name: string; rates: Rates }[], page: number): Card {
  const size = 5;
  const pages = Math.max(1, Math.ceil(deputies.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  const blocks = deputies
    .slice(p * size, p * size + size)
    .map((d) => ratesText(t, t('petitions.stats.deputy', { name: d.name }), d.rates));
  const nav: Button[] = [];
  if (p > 0) nav.push({ text: '◀', data: CB.stats(p - 1) });
  if (p < pages - 1) nav.push({ text: '▶', data: CB.stats(p + 1) });
  const head = t('petitions.stats.deputies', { n: deputies.length, page: p + 1, pages });
  return { text: [head, ...blocks].join('\n\n'), markup: nav.length ? markup([nav]) : undefined };
}
