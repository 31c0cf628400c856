import { type Button, markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { type ActivityState, activitiesPolicy } from '../policy';
import type { DeskLine, Summary } from '../service';
import type { Activity, Counts } from '../store';
import { type Card, dateOf, placeOf, placesText, type Reader, titleOf, whenOf } from './common';

// What staff (and partners, for their own) see: the list to manage, an activity's panel, the desk, the summary.

const label = (r: Reader, a: Activity) =>
  r.t('activities.calendar.button', { title: titleOf(r, a), date: dateOf(r, a.date) });

/**
 * The activities to manage, drafts marked, a page of buttons, and "new"; for staff also today's desk and whether
 * partners may run their own (the button says the state now, and tapping it turns it over).
 */
export function manageCard(
  r: Reader,
  list: Activity[],
  page: number,
  opts: { staff: boolean; partnersMayCreate: boolean },
): Card {
  const { t } = r;
  const { rows } = pagedRows(
    list,
    page,
    activitiesPolicy.pageSize,
    (a) => ({
      text: (a.status === 'draft' ? t('activities.manage.draftMark') : '') + label(r, a),
      data: CB.panel(a.id),
    }),
    (n) => CB.list(n),
  );
  rows.unshift([{ text: t('activities.btn.create'), data: CB.create }]);
  if (opts.staff) {
    rows.push([{ text: t('activities.btn.today'), data: CB.today }]);
    const state = opts.partnersMayCreate ? 'on' : 'off';
    rows.push([{ text: t(`activities.manage.partners.${state}`), data: CB.partnersToggle }]);
  }
  const head = opts.staff ? 'activities.manage.title' : 'activities.manage.partnerTitle';
  return { text: list.length ? t(head) : t('activities.manage.empty'), markup: markup(rows) };
}

/** One activity for staff: its state, its figures, what can be done now. */
export function panelCard(
  r: Reader,
  a: Activity,
  c: Counts,
  state: ActivityState,
  opts: { staff: boolean; today: boolean; drillDue: boolean },
  notice?: string,
): Card {
  const { t } = r;
  const lines = [
    t('activities.view.head', { kind: t(`activities.kinds.${a.kind}`), title: titleOf(r, a) }),
    t('activities.view.whenLine', { when: whenOf(r, a) }),
    t('activities.view.placeLine', { place: placeOf(r, a) }),
    t(`activities.manage.state.${state}`),
    t('activities.manage.figures', { ...c, places: placesText(r, a, c) }),
  ];
  if (a.seriesId !== null) lines.push(t('activities.manage.session', { no: a.sessionNo ?? 1 }));
  if (a.drillSeconds !== null) lines.push(drillText(r, a.drillPeople ?? 0, a.drillSeconds));
  if (notice) lines.push('', notice);
  const rows: Button[][] = [];
  if (state === 'draft') rows.push([{ text: t('activities.btn.publish'), data: CB.publish(a.id) }]);
  // Residents' names (the desk, the roster) stay with staff: a partner sees the figures and the feedback.
  if (opts.staff && opts.today && a.status === 'published')
    rows.push([{ text: t('activities.btn.desk'), data: CB.desk(a.id) }]);
  if (opts.drillDue) rows.push([{ text: t('activities.btn.drill'), data: CB.drill(a.id) }]);
  if (a.status === 'published')
    rows.push([
      ...(opts.staff ? [{ text: t('activities.btn.roster'), data: CB.roster(a.id) }] : []),
      { text: t('activities.btn.summary'), data: CB.summary(a.id) },
    ]);
  if (state === 'draft' || state === 'open') {
    const edits = (['d', 'h', 'p', 'c'] as const).map((w) => ({
      text: t(`activities.edit.btn.${w}`),
      data: CB.edit(a.id, w),
    }));
    rows.push(edits.slice(0, 2), edits.slice(2));
    rows.push([{ text: t('activities.btn.cancelActivity'), data: CB.cancelActivity(a.id) }]);
  }
  rows.push([{ text: t('activities.btn.list'), data: CB.list(0) }]);
  return { text: lines.join('\n'), markup: markup(rows) };
}

export const drillText = (r: Reader, people: number, seconds: number) =>
  r.t('activities.drill.outcome', { people, min: Math.floor(seconds / 60), sec: seconds % 60 });

export function confirmCard(r: Reader, a: Activity, what: 'publish' | 'cancel', extra = ''): Card {
  const { t } = r;
  const yes = what === 'publish' ? CB.publishYes(a.id) : CB.cancelActivityYes(a.id);
  const text = t(`activities.manage.confirm.${what}`, { title: titleOf(r, a), when: whenOf(r, a), extra });
  const rows = [
    [{ text: t(`activities.btn.${what}Yes`), data: yes }],
    [{ text: t('common.back'), data: CB.panel(a.id) }],
  ];
  return { text, markup: markup(rows) };
}

/** Today's activities, each opening its desk. */
export function todayCard(r: Reader, list: Activity[]): Card {
  const { t } = r;
  const rows = list.map((a) => [{ text: `${a.startsAt} ${titleOf(r, a)}`, data: CB.desk(a.id) }]);
  return { text: list.length ? t('activities.desk.pick') : t('activities.desk.none'), markup: markup(rows) };
}

/** The desk: how many came so far; type a code, a phone's last 4 digits or a name; a walk-in button. */
export function deskCard(r: Reader, a: Activity, c: Counts, notice?: string): Card {
  const { t } = r;
  const text = [
    t('activities.desk.title', { title: titleOf(r, a), when: whenOf(r, a) }),
    t('activities.desk.counts', { attended: c.attended, booked: c.booked, walkIns: c.walkIns }),
    t('activities.desk.how'),
    ...(notice ? ['', notice] : []),
  ].join('\n');
  const rows = [
    [{ text: t('activities.btn.walkIn'), data: CB.walkIn(a.id) }],
    [{ text: t('activities.btn.panel'), data: CB.panel(a.id) }],
  ];
  return { text, markup: markup(rows) };
}

/** Several matches: one button each. */
export function matchesCard(r: Reader, found: DeskLine[]): Card {
  const { t } = r;
  if (found.length === 0) return { text: t('activities.desk.noMatch') };
  const rows = found.map((l) => [
    { text: (l.signup.checkedInAt ? '✅ ' : '') + l.name, data: CB.checkIn(l.signup.id) },
  ]);
  return { text: t('activities.desk.matches', { count: found.length }), markup: markup(rows) };
}

/** After it: who came, how many held a place and did not come (a number), the ratings and comments. */
export function summaryCard(r: Reader, s: Summary): Card {
  const { t } = r;
  const a = s.activity;
  const lines = [
    t('activities.summary.title', { title: titleOf(r, a), when: whenOf(r, a) }),
    t('activities.summary.counts', { booked: s.counts.booked, attended: s.counts.attended, walkIns: s.counts.walkIns }),
  ];
  if (s.over) lines.push(t('activities.summary.noShows', { count: s.noShows }));
  if (a.drillSeconds !== null) lines.push(drillText(r, a.drillPeople ?? 0, a.drillSeconds));
  lines.push(
    s.average === null
      ? t('activities.summary.noRatings')
      : t('activities.summary.rating', { average: Math.round(s.average * 10) / 10, rated: s.rated, asked: s.asked }),
  );
  for (const c of s.comments)
    lines.push(t('activities.summary.comment', { stars: '⭐'.repeat(c.rating ?? 0), text: c.text }));
  return { text: lines.join('\n'), markup: markup([[{ text: t('activities.btn.panel'), data: CB.panel(a.id) }]]) };
}

/** Who signed up, waits and came (names for staff only), a page at a time. */
export function rosterCard(r: Reader, a: Activity, lines: DeskLine[], page: number): Card {
  const { t } = r;
  const size = 20;
  const pages = Math.max(1, Math.ceil(lines.length / size));
  const p = Math.min(Math.max(0, page), pages - 1);
  const shown = lines.slice(p * size, p * size + size).map((l, i) =>
    t('activities.roster.line', {
      n: p * size + i + 1,
      name: l.name,
      status: t(`activities.roster.${l.signup.checkedInAt ? 'came' : l.signup.status}`),
    }),
  );
  const nav: Button[] = [];
  if (p > 0) nav.push({ text: '◀', data: CB.roster(a.id, p - 1) });
  if (p < pages - 1) nav.push({ text: '▶', data: CB.roster(a.id, p + 1) });
  const head = t('activities.roster.title', { title: titleOf(r, a), count: lines.length });
  return {
    text: [head, ...(shown.length ? shown : [t('activities.roster.empty')])].join('\n'),
    markup: markup([nav, [{ text: t('activities.btn.panel'), data: CB.panel(a.id) }]]),
  };
}
