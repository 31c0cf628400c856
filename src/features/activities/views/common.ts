import type { Locale } from '../../../config';
import { dateLabel } from '../../../core/calendar';
import type { TFunction } from '../../../i18n';
import type { InlineMarkup } from '../../../telegram/port';
import type { Activity, Counts } from '../store';

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

/** Text staff wrote in both languages, in the reader's; without English, the Chinese marked as such. */
export const bilingual = ({ t, locale }: Reader, zh: string, en: string | null): string =>
  locale === 'zh-CN' ? zh : (en ?? t('activities.view.local', { text: zh, interpolation: { escapeValue: false } }));

export const titleOf = (r: Reader, a: Activity) => bilingual(r, a.titleZh, a.titleEn);
export const placeOf = (r: Reader, a: Activity) => bilingual(r, a.placeZh, a.placeEn);
export const dateOf = (r: Reader, date: string) => dateLabel(date)[r.locale];

/** "12月6日（周六）09:30–11:00". */
export const whenOf = (r: Reader, a: Activity) =>
  r.t('activities.view.when', { date: dateOf(r, a.date), start: a.startsAt, end: a.endsAt });

/** Places left, "full (n waiting)", or "no limit". */
export function placesText({ t }: Reader, a: Activity, c: Counts): string {
  if (!a.signupNeeded) return t('activities.view.noSignupNeeded');
  if (a.capacity === null) return t('activities.view.unlimited', { booked: c.booked });
  const left = Math.max(0, a.capacity - c.booked);
  return left > 0
    ? t('activities.view.left', { left, capacity: a.capacity })
    : t('activities.view.full', { waiting: c.waiting });
}

/** Who it is for, in the reader's language. */
export function audienceText(r: Reader, a: Activity, placeName: string | undefined): string {
  if (a.audience === 'age') return r.t('activities.audience.ageRange', { min: a.ageMin ?? 0, max: a.ageMax ?? 17 });
  if (a.audience === 'community' || a.audience === 'compound')
    return r.t(`activities.audience.${a.audience}Named`, { name: placeName ?? '-' });
  return r.t(`activities.audience.${a.audience}`);
}

export const organiserOf = ({ t }: Reader, a: Activity) => a.organiserName ?? t('activities.view.community');
