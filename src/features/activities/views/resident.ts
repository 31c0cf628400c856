import { escapeHtml } from '../../../i18n';
import { type Button, grid, markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import { type ActivityState, activitiesPolicy } from '../policy';
import type { CalendarEntry, SignupResult } from '../service';
import type { Activity, Counts, Signup } from '../store';
import {
  audienceText,
  bilingual,
  type Card,
  dateOf,
  organiserOf,
  placeOf,
  placesText,
  type Reader,
  titleOf,
  whenOf,
} from './common';

// What residents see: the calendar, an activity with what they can do now, their places, their check-in code.

/** Whose place it is, for a guardian with several: "（王小明）", raw (the translation escapes it once). */
export const whoOf = (r: Reader, s: Signup) =>
  s.forChild && s.childName ? (r.locale === 'zh-CN' ? `（${s.childName}）` : ` (${s.childName})`) : '';

/** How the resident's place reads: "✅ 已报名" / "⏳ 排队第 2 位", for themself or a child. */
export function signupLine(r: Reader, s: Signup, position: number | null): string {
  const who = whoOf(r, s);
  return s.status === 'booked'
    ? r.t('activities.view.booked', { who, code: s.code ?? '' })
    : r.t('activities.view.waiting', { who, position: position ?? 1 });
}

/** 📅 近期活动: the next 30 days, their own community's first, a page of buttons. */
export function calendarCard(r: Reader, entries: CalendarEntry[], page: number): Card {
  const { t } = r;
  if (entries.length === 0)
    return {
      text: t('activities.calendar.empty'),
      markup: markup([[{ text: t('activities.btn.mine'), data: CB.mine }]]),
    };
  const size = activitiesPolicy.pageSize;
  const { rows, page: p } = pagedRows(
    entries,
    page,
    size,
    (e) => ({
      text: t('activities.calendar.button', { title: titleOf(r, e.activity), date: dateOf(r, e.activity.date) }),
      data: CB.open(e.activity.id),
    }),
    (n) => CB.calendar(n),
  );
  const lines = entries.slice(p * size, p * size + size).map((e) => {
    const mine = e.mine.length ? ` ${t('activities.calendar.mine')}` : '';
    const series = e.sessionsLeft > 1 ? t('activities.calendar.series', { n: e.sessionsLeft }) : '';
    return t('activities.calendar.line', {
      kind: t(`activities.kinds.${e.activity.kind}`),
      title: escapeHtml(titleOf(r, e.activity)),
      when: whenOf(r, e.activity),
      places: placesText(r, e.activity, e.counts),
      series,
      mine,
      interpolation: { escapeValue: false },
    });
  });
  rows.push([{ text: t('activities.btn.mine'), data: CB.mine }]);
  return { text: [t('activities.calendar.title'), ...lines].join('\n\n'), markup: markup(rows) };
}

export interface ActivityView {
  activity: Activity;
  counts: Counts;
  state: ActivityState;
  mine: SignupResult[];
  placeName?: { 'zh-CN': string; en: string };
  sessionsLeft: number;
}

/** One activity: what, when, where, for whom, places; the buttons of what the resident can do now. */
export function activityCard(r: Reader, v: ActivityView, notice?: string): Card {
  const { t } = r;
  const a = v.activity;
  const lines = [
    t('activities.view.head', { kind: t(`activities.kinds.${a.kind}`), title: titleOf(r, a) }),
    t('activities.view.whenLine', { when: whenOf(r, a) }),
    t('activities.view.placeLine', { place: placeOf(r, a) }),
    t('activities.view.organiserLine', { organiser: organiserOf(r, a) }),
    t('activities.view.audienceLine', { audience: audienceText(r, a, v.placeName?.[r.locale]) }),
  ];
  if (a.seriesId !== null) lines.push(t('activities.view.sessionLine', { no: a.sessionNo ?? 1, left: v.sessionsLeft }));
  if (a.bringZh) lines.push(t('activities.view.bringLine', { bring: bilingual(r, a.bringZh, a.bringEn) }));
  if (a.descriptionZh)
    lines.push('', t('activities.view.description', { text: bilingual(r, a.descriptionZh, a.descriptionEn) }));
  lines.push('', t('activities.view.placesLine', { places: placesText(r, a, v.counts) }));
  if (v.state !== 'open') lines.push(t(`activities.view.state.${v.state}`));
  for (const m of v.mine) lines.push(signupLine(r, m.signup, m.position));
  if (notice) lines.push('', notice);

  const rows: Button[][] = [];
  const open = v.state === 'open' && a.signupNeeded;
  const self = v.mine.find((m) => !m.signup.forChild);
  const full = a.capacity !== null && v.counts.booked >= a.capacity;
  if (open && a.audience === 'age') {
    rows.push([{ text: t('activities.btn.child'), data: CB.child(a.id, false) }]);
    if (a.seriesId !== null) rows.push([{ text: t('activities.btn.childSeries'), data: CB.child(a.id, true) }]);
  } else if (open && !self) {
    rows.push([
      full
        ? { text: t('activities.btn.wait'), data: CB.wait(a.id) }
        : { text: t('activities.btn.signUp'), data: CB.signUp(a.id) },
    ]);
    if (a.seriesId !== null) rows.push([{ text: t('activities.btn.series'), data: CB.series(a.id) }]);
  }
  for (const m of v.mine) {
    const who = whoOf(r, m.signup);
    const row: Button[] = [];
    if (m.signup.status === 'booked')
      row.push({ text: t('activities.btn.showCode', { who }), data: CB.code(m.signup.id) });
    if (v.state === 'open')
      row.push({ text: t('activities.btn.cancel', { who }), data: CB.cancel(m.signup.id, false) });
    rows.push(row);
  }
  if (a.seriesId !== null && v.sessionsLeft > 1)
    rows.push([{ text: t('activities.btn.sessions'), data: CB.sessions(a.id) }]);
  if (a.latitude !== null && a.longitude !== null) rows.push([{ text: t('activities.btn.map'), data: CB.map(a.id) }]);
  rows.push([
    { text: t('activities.btn.calendar'), data: CB.calendar(0) },
    { text: t('activities.btn.mine'), data: CB.mine },
  ]);
  return { text: lines.join('\n'), markup: markup(rows) };
}

/** "我的活动": places and places in line in activities not over yet. */
export function mineCard(r: Reader, items: SignupResult[], notice?: string): Card {
  const { t } = r;
  const rows: Button[][] = [];
  const lines = items.map((m) => {
    rows.push([
      {
        text: t('activities.calendar.button', { title: titleOf(r, m.activity), date: dateOf(r, m.activity.date) }),
        data: CB.open(m.activity.id),
      },
    ]);
    return t('activities.mine.line', {
      title: escapeHtml(titleOf(r, m.activity)),
      when: whenOf(r, m.activity),
      status: signupLine(r, m.signup, m.position),
      interpolation: { escapeValue: false },
    });
  });
  rows.push([{ text: t('activities.btn.calendar'), data: CB.calendar(0) }]);
  const head = items.length ? t('activities.mine.title') : t('activities.mine.empty');
  return { text: [head, ...lines, ...(notice ? [notice] : [])].join('\n\n'), markup: markup(rows) };
}

/** Are you sure? One place, or (a series) every session still ahead. */
export function confirmCancelCard(r: Reader, m: SignupResult): Card {
  const { t } = r;
  const who = whoOf(r, m.signup);
  const rows: Button[][] = [[{ text: t('activities.btn.cancelOne'), data: CB.cancelYes(m.signup.id, false) }]];
  if (m.activity.seriesId !== null)
    rows.push([{ text: t('activities.btn.cancelSeries'), data: CB.cancelYes(m.signup.id, true) }]);
  rows.push([{ text: t('activities.btn.keep'), data: CB.keep(m.activity.id) }]);
  const text = t('activities.cancel.ask', { title: titleOf(r, m.activity), when: whenOf(r, m.activity), who });
  return { text, markup: markup(rows) };
}

/** The caption under the QR picture: the code to read out at the desk. */
export const codeCaption = (r: Reader, m: SignupResult) =>
  r.t('activities.code.caption', {
    title: titleOf(r, m.activity),
    when: whenOf(r, m.activity),
    code: m.signup.code ?? '',
    who: whoOf(r, m.signup),
  });

/** What a sign-up came to, as a line under the card. */
export function signedUpText(r: Reader, results: SignupResult[]): string {
  const booked = results.filter((x) => x.signup.status === 'booked').length;
  const waiting = results.length - booked;
  if (results.length === 1) {
    const x = results[0]!;
    return x.signup.status === 'booked'
      ? r.t('activities.signup.booked', { code: x.signup.code ?? '' })
      : r.t('activities.signup.waiting', { position: x.position ?? 1 });
  }
  return r.t('activities.signup.series', { booked, waiting });
}

/** The sessions of a series still ahead: each opens its own card (a place in one session only). */
export function sessionsCard(r: Reader, sessions: Activity[]): Card {
  const buttons = sessions.slice(0, 12).map((s) => ({
    text: r.t('activities.sessions.button', { no: s.sessionNo ?? 1, date: dateOf(r, s.date) }),
    data: CB.open(s.id),
  }));
  return { text: r.t('activities.sessions.title'), markup: markup(grid(buttons, 2)) };
}
