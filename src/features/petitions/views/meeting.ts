import { dateLabel } from '../../../core/calendar';
import { type Button, grid, markup, pagedRows } from '../../../telegram/markup';
import { CB } from '../callbacks';
import type { MeetingPreview } from '../service';
import type { Department, Petition } from '../store';
import { type Card, nameOf, type Reader } from './reader';

// 代表·局长面对面, step by step: the date (echoed in words), the departments present, the petitions discussed (picked
// from the deputy's open ones), the outcome, and a preview of what residents will be told before it is sent.

/**
 * "5月4日（周一）" / "Mon 4 May": the date as understood, in the reader's language — with its year when that is not
 * this year's ("12月6日" typed in early December of next year's calendar means last year's, and says so).
 */
export function dateWords(r: Reader, date: string, today: string): string {
  const words = dateLabel(date)[r.locale];
  if (date.slice(0, 4) === today.slice(0, 4)) return words;
  return r.locale === 'en' ? `${words} ${date.slice(0, 4)}` : `${date.slice(0, 4)}年${words}`;
}

/** The departments at a meeting, several may be ticked. */
export function meetingDepartments(r: Reader, departments: Department[], chosen: number[]): Card {
  const label = (d: Department) => `${chosen.includes(d.id) ? '✅ ' : ''}${nameOf(r, d)}`;
  const rows = grid(departments.map((d) => ({ text: label(d), data: CB.meetingDept(d.id) })));
  rows.push([{ text: r.t('petitions.meeting.deptsDone'), data: CB.meetingDeptsDone }]);
  return { text: r.t('petitions.meeting.askDepartments'), markup: markup(rows) };
}

/** The deputy's open petitions, eight to a page, ticked when chosen; "done" once at least one is. */
export function meetingItems(r: Reader, open: Petition[], chosen: number[], page: number): Card {
  if (open.length === 0) return { text: r.t('petitions.meeting.noOpen') };
  const label = (p: Petition) => `${chosen.includes(p.id) ? '✅ ' : ''}#${p.id} ${p.place}`.slice(0, 60);
  const paged = pagedRows(open, page, 8, (p) => ({ text: label(p), data: CB.meetingItem(p.id) }), CB.meetingItems);
  const rows: Button[][] = paged.rows;
  if (chosen.length)
    rows.push([{ text: r.t('petitions.meeting.itemsDone', { n: chosen.length }), data: CB.meetingItemsDone }]);
  return { text: r.t('petitions.meeting.askItems', { n: open.length }), markup: markup(rows) };
}

/** What will be sent, to how many residents, with "send" and "write the outcome again". */
export function meetingPreview(r: Reader, date: string, today: string, outcome: string, p: MeetingPreview): Card {
  const { t } = r;
  const text = t('petitions.meeting.preview', {
    date: dateWords(r, date, today),
    departments: p.departments.map((d) => nameOf(r, d)).join('、') || t('petitions.meeting.noDepartments'),
    items: p.petitions.map((x) => `#${x.id} ${x.place}`).join('\n'),
    outcome,
    residents: p.residents,
  });
  return {
    text,
    markup: markup([
      [{ text: t('petitions.meeting.send'), data: CB.meetingSend }],
      [{ text: t('petitions.meeting.rewrite'), data: CB.meetingRewrite }],
    ]),
  };
}
