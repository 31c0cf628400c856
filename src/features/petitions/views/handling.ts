import type { TFunction } from '../../../i18n';
import { type Button, grid, markup, pagedRows } from '../../../telegram/markup';
import type { Community } from '../../residents/service';
import { CB } from '../callbacks';
import { CATEGORIES } from '../policy';
import { num, pct, type Rates } from '../rates';
import type { Assignment, Department, Petition } from '../store';
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

export function filterChoice(r: Reader, communities: Community[]): Card {
  const { t } = r;
  const rows: Button[][] = [FILTERS.map((f) => ({ text: t(`petitions.list.filter.${f}`), data: CB.list(f, 0) }))];
  const categories = CATEGORIES.map((c) => ({ text: t(`petitions.category.${c}`), data: CB.list(`c${c}`, 0) }));
  rows.push(...grid(categories, 3));
  for (const c of communities) rows.push([{ text: nameOf(r, c), data: CB.list(`m${c.id}`, 0) }]);
  return { text: t('petitions.list.chooseFilter'), markup: markup(rows) };
}

export const statusChoice = (t: TFunction, id: number): Card => ({
  text: t('petitions.handle.chooseStatus', { id }),
  markup: markup([
    [
      { text: t('petitions.status.accepted'), data: CB.setStatus(id, 'accepted') },
      { text: t('petitions.status.investigating'), data: CB.setStatus(id, 'investigating') },
    ],
    [{ text: t('petitions.status.transferred'), data: CB.transferMenu(id) }],
    [
      { text: t('petitions.status.resolved'), data: CB.resolve(id) },
      { text: t('petitions.status.unresolvable'), data: CB.unresolvable(id) },
    ],
    [{ text: t('common.back'), data: CB.handle(id) }],
  ]),
});

export function departmentChoice(r: Reader, id: number, departments: Department[]): Card {
  const rows = grid(departments.map((d) => ({ text: nameOf(r, d), data: CB.transfer(id, d.id) })));
  rows.push([{ text: r.t('common.back'), data: CB.statusMenu(id) }]);
  return { text: r.t('petitions.handle.chooseDepartment', { id }), markup: markup(rows) };
}

/** The departments at a meeting, several may be ticked. */
export function meetingDepartments(r: Reader, departments: Department[], chosen: number[]): Card {
  const label = (d: Department) => `${chosen.includes(d.id) ? '✅ ' : ''}${nameOf(r, d)}`;
  const rows = grid(departments.map((d) => ({ text: label(d), data: CB.meetingDept(d.id) })));
  rows.push([{ text: r.t('petitions.meeting.deptsDone'), data: CB.meetingDeptsDone }]);
  return { text: r.t('petitions.meeting.askDepartments'), markup: markup(rows) };
}

export const ratesText = (t: TFunction, title: string, r: Rates) =>
  t('petitions.stats.block', {
    title,
    filed: r.filed,
    open: r.open,
    overdue: r.overdue,
    response: pct(r.responseRate),
    resolution: pct(r.resolutionRate),
    satisfaction: num(r.satisfaction),
    satisfied: pct(r.satisfiedRate),
    rated: r.rated,
    ackHours: num(r.medianAckHours),
    resolveDays: num(r.medianResolveDays),
  });

/** /deputies: who answers for which community (and category), and the community ids to use. */
export function assignmentsText(r: Reader, assignments: Assignment[], communities: Community[]): string {
  const { t } = r;
  const names = new Map(communities.map((c) => [c.id, nameOf(r, c)]));
  const lines = assignments.map((a) =>
    t('petitions.deputies.line', {
      user: a.userId,
      community: names.get(a.communityId) ?? a.communityId,
      category: a.category ? t(`petitions.category.${a.category}`) : t('petitions.deputies.allCategories'),
    }),
  );
  const ids = [...names].map(([id, name]) => `${id} ${name}`).join('\n');
  return t('petitions.deputies.list', { lines: lines.join('\n') || '—', communities: ids });
}
