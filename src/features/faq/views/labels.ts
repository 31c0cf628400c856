import type { Locale } from '../../../config';
import { weekdayName, weekdayOf } from '../../../core/calendar';
import type { OfficeHours } from '../../../core/office-hours';
import { localDate, localTime } from '../../../core/time';
import type { TFunction } from '../../../i18n';
import type { InlineMarkup } from '../../../telegram/port';

/** A message to send or to edit in place: text and the buttons of the actions valid now. */
export interface Card {
  text: string;
  markup?: InlineMarkup;
}

/** A category's label; a category staff imported without a label shows its code. */
export const categoryLabel = (t: TFunction, cat: string) => t(`faq.categories.${cat}`, { defaultValue: cat });

/** Telegram shows about 40 characters of a button on a phone; the rest would be cut mid-word anyway. */
export const short = (s: string, max = 40) => ([...s].length > max ? `${[...s].slice(0, max - 1).join('')}…` : s);

/** The first and last day of the office week ('Sat-Mon' wraps), or undefined when the open days are not one run. */
function officeDays(days: ReadonlySet<number>): [number, number] | undefined {
  const open = [...days].sort((a, b) => a - b);
  // Every day open: the week people say, Monday to Sunday.
  if (open.length === 7 || open.length === 0) return [1, 0];
  const first = open.find((d) => !days.has((d + 6) % 7)) ?? open[0]!;
  let last = first;
  while (days.has((last + 1) % 7)) last = (last + 1) % 7;
  const run = ((last - first + 7) % 7) + 1;
  return run === open.length ? [first, last] : undefined;
}

/** The office's days in the reader's words: 周一至周五, or 周一、周三、周五 when they are not one run. */
export function officeDaysLabel(t: TFunction, locale: Locale, days: ReadonlySet<number>): string {
  const range = officeDays(days);
  if (range && range[0] !== range[1])
    return t('faq.officeDaysRange', { from: weekdayName(range[0])[locale], to: weekdayName(range[1])[locale] });
  // Monday first, as a week is said
  const list = [...days].sort((a, b) => ((a + 6) % 7) - ((b + 6) % 7));
  return list.map((d) => weekdayName(d)[locale]).join(t('faq.daySeparator'));
}

/** 'Mon-Fri 08:30-17:30' in the reader's words: 周一至周五 08:30-17:30. */
export const officeHoursLabel = (t: TFunction, locale: Locale, oh: Omit<OfficeHours, 'tz'>): string =>
  t('faq.officeHours', { days: officeDaysLabel(t, locale, oh.days), hours: `${oh.open}-${oh.close}` });

/** '2025-03-17 周一 08:30': when staff will be back, in the office's time zone. */
export function officeTimeLabel(locale: Locale, at: Date, oh: OfficeHours): string {
  const date = localDate(at, oh.tz);
  return `${date} ${weekdayName(weekdayOf(date))[locale]} ${localTime(at, oh.tz)}`;
}
