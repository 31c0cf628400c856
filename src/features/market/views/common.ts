import type { Locale } from '../../../config';
import { weekdayName, weekdayOf } from '../../../core/calendar';
import { inLocale } from '../../../core/names';
import type { TFunction } from '../../../i18n';
import type { InlineMarkup } from '../../../telegram/port';
import type { Compound } from '../../residents/service';
import type { Market } from '../store';

/** A message as the bot sends it: text, and the buttons valid now. */
export interface Card {
  text: string;
  markup?: InlineMarkup;
}

/** Date, weekday, hours and place of a market day in the reader's language. */
export const whenText = (locale: Locale, m: Market, compound: Compound | undefined): Record<string, string> => ({
  date: m.date,
  weekday: weekdayName(weekdayOf(m.date))[locale],
  start: m.startsAt,
  end: m.endsAt,
  compound: compound ? inLocale(compound, locale) : '-',
  location: m.location,
});

/** What every view is given: the reader's translator and language. */
export interface Reader {
  t: TFunction;
  locale: Locale;
}
