import type { Locale } from '../../../config';
import { weekdayName, weekdayOf } from '../../../core/calendar';
import { type Bilingual, inLocale } from '../../../core/names';
import type { TFunction } from '../../../i18n';
import type { InlineMarkup } from '../../../telegram/port';
import type { Compound } from '../../residents/service';
import type { Market } from '../store';

/** A message as the bot sends it: text, and the buttons valid now. */
export interface Card {
  text: string;
  markup?: InlineMarkup;
}

/** What every view is given: the reader's translator and language. */
export interface Reader {
  t: TFunction;
  locale: Locale;
}

/** A name kept in both languages (a ticket 磨刀-07 / Knife-07), in the reader's. */
export const inReaders = (r: Reader, name: Bilingual | null, none = '') => (name ? name[r.locale] : none);

/**
 * Where exactly, in the reader's language: the English name staff gave, or the place's own name marked as such, and
 * the address if there is one (the value is not escaped here: it goes into a translation that escapes it once).
 */
export function placeText({ t, locale }: Reader, m: Pick<Market, 'location' | 'locationEn' | 'address'>): string {
  const raw = { interpolation: { escapeValue: false } };
  const name =
    locale === 'zh-CN' ? m.location : (m.locationEn ?? t('market.view.localName', { name: m.location, ...raw }));
  return m.address ? t('market.view.placeWithAddress', { place: name, address: m.address, ...raw }) : name;
}

/** Date, weekday, hours and place of a market day in the reader's language. */
export const whenText = (r: Reader, m: Market, compound: Compound | undefined): Record<string, string> => ({
  date: m.date,
  weekday: weekdayName(weekdayOf(m.date))[r.locale],
  start: m.startsAt,
  end: m.endsAt,
  compound: compound ? inLocale(compound, r.locale) : '-',
  location: placeText(r, m),
});

/** A card's text with what just changed above it (a service saved, a venue retired). */
export const withNotice = (text: string, notice?: string) => (notice ? `${notice}\n\n${text}` : text);
