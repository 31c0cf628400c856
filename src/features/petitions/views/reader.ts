import type { Locale } from '../../../config';
import { inLocale } from '../../../core/names';
import { localDate, localTime } from '../../../core/time';
import type { TFunction } from '../../../i18n';
import type { InlineMarkup } from '../../../telegram/port';

// Texts are built from translated lines. Resident text only ever enters through t() parameters, which i18next
// escapes for HTML; nothing here concatenates raw resident text into a message.

export interface Card {
  text: string;
  markup?: InlineMarkup;
}

/** Who reads a card: their translator and language, and the deployment's time zone for dates. */
export interface Reader {
  t: TFunction;
  locale: Locale;
  tz: string;
}

/** "2026-05-04 10:00" in the deployment's time zone. */
export const when = (r: Reader, iso: string) => `${localDate(new Date(iso), r.tz)} ${localTime(new Date(iso), r.tz)}`;
export const dayOf = (r: Reader, iso: string) => localDate(new Date(iso), r.tz);

/** A place or department in the reader's language, or a dash when there is none. */
export const nameOf = (r: Reader, x: { nameZh: string; nameEn: string } | undefined) =>
  x ? inLocale(x, r.locale) : '—';
