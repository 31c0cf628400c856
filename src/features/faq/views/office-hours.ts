import type { Locale } from '../../../config';
import { weekdayName } from '../../../core/calendar';
import type { TFunction } from '../../../i18n';
import { type Button, grid, markup } from '../../../telegram/markup';
import { SETUP_NEXT } from '../../../telegram/workbench';
import { CB } from '../callbacks';
import { CLOSE_TIMES, type OfficeHoursValue, OPEN_TIMES } from '../policy';
import { type Card, officeDaysLabel, officeHoursLabel } from './labels';

// Setting office hours by tapping (issue 15): one card that edits itself — the weekdays, then when the office
// opens, then when it closes — and ends on what was saved with the set-up's "next" button.

/** Monday first, as a week is said. */
const WEEK = [1, 2, 3, 4, 5, 6, 0] as const;

const label = (t: TFunction, locale: Locale, v: OfficeHoursValue) =>
  officeHoursLabel(t, locale, { days: new Set(v.days), open: v.open, close: v.close });

/** The times offered, with the one in force added if it is not among them, in order. */
const offered = (times: readonly string[], current: string | undefined) =>
  [...new Set([...times, ...(current ? [current] : [])])].sort();

export function officeDaysCard(t: TFunction, locale: Locale, days: number[], now: OfficeHoursValue): Card {
  const chosen = new Set(days);
  const buttons: Button[] = WEEK.map((d) => ({
    text: `${chosen.has(d) ? '✅' : '▫️'} ${weekdayName(d)[locale]}`,
    data: CB.hoursDay(d),
  }));
  return {
    text: t('faq.setup.officeHours.askDays', { now: label(t, locale, now) }),
    markup: markup([...grid(buttons, 4), [{ text: t('faq.setup.officeHours.daysDone'), data: CB.hoursDaysDone }]]),
  };
}

export function officeOpenCard(t: TFunction, locale: Locale, days: number[], now: OfficeHoursValue): Card {
  const buttons = offered(OPEN_TIMES, now.open).map((hhmm) => ({ text: hhmm, data: CB.hoursOpen(hhmm) }));
  return {
    text: t('faq.setup.officeHours.askOpen', { days: officeDaysLabel(t, locale, new Set(days)) }),
    markup: markup([...grid(buttons, 4), [{ text: t('common.back'), data: CB.hours }]]),
  };
}

export function officeCloseCard(t: TFunction, open: string, now: OfficeHoursValue): Card {
  const buttons = offered(CLOSE_TIMES, now.close)
    .filter((hhmm) => hhmm > open)
    .map((hhmm) => ({ text: hhmm, data: CB.hoursClose(hhmm) }));
  return {
    text: t('faq.setup.officeHours.askClose', { open }),
    markup: markup([...grid(buttons, 4), [{ text: t('common.back'), data: CB.hours }]]),
  };
}

/** What was saved, with the set-up walk-through's next step (or nothing more to do when redone later). */
export const officeSavedCard = (t: TFunction, locale: Locale, v: OfficeHoursValue): Card => ({
  text: t('faq.setup.officeHours.saved', { hours: label(t, locale, v) }),
  markup: markup([[{ text: t('faq.setup.next'), data: SETUP_NEXT }]]),
});
