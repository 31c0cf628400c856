import type { Locale } from '../../../config';
import { dateLabel, monthLabel } from '../../../core/calendar';
import type { TFunction } from '../../../i18n';
import type { InlineMarkup } from '../../../telegram/port';
import { placeLine } from '../place';
import type { Category } from '../recipients';
import type { Holiday, Recipient, Settings } from '../store';

// Small renderers shared by the resident and staff views: facts in, the reader's language out.

/** A message and the buttons of what can be done from it now. */
export interface Card {
  text: string;
  markup?: InlineMarkup;
}

export const dateText = (locale: Locale, date: string) => dateLabel(date)[locale];
export const monthText = (locale: Locale, month: string) => monthLabel(month)[locale];
/** The place with its address, in the reader's language. */
export const placeText = (locale: Locale, s: Settings) => placeLine(s)[locale];
/** "5 件中 5 件，100%": a rate always with what it counts (issue 13). */
export const rateText = (t: TFunction, n: number, of: number) =>
  t('relief.rate', { n, of, pct: of === 0 ? '—' : `${Math.round((100 * n) / of)}%` });
export const hoursText = (s: Settings) => `${s.hoursFrom}–${s.hoursTo}`;
export const categoryText = (t: TFunction, c: Category) => t(`relief.category.${c}`);
export const phoneTail = (phone: string | null) => (phone ? phone.slice(-4) : '—');
/** Several names in a line, as each language lists them. */
export const listOf = (names: string[]) => names.join('、') || '—';

export function festivalText(t: TFunction, locale: Locale, holidays: Holiday[]): string {
  if (holidays.length === 0) return '';
  const en = locale === 'en';
  return t('relief.notify.festivalLine', {
    names: holidays.map((h) => (en ? h.nameEn : h.nameZh)).join(en ? ', ' : '、'),
    extras: holidays.map((h) => (en ? h.extrasEn : h.extrasZh)).join(en ? '; ' : '、'),
  });
}

/** One line per recipient in staff lists: name · category · phone tail, marked when linked or inactive. */
export const rosterLabel = (t: TFunction, r: Recipient) =>
  `${r.active ? '' : '⛔ '}${r.name} · ${categoryText(t, r.category)} · ${phoneTail(r.phone)}` +
  (r.userId === null ? '' : ' 🔗');

/** A pickup as the reader sees it: in person, or by whom, and when. */
export const pickupStatus = (t: TFunction, p: { proxyName: string | null }, at: string) =>
  p.proxyName === null ? t('relief.view.collected', { at }) : t('relief.view.collectedBy', { at, proxy: p.proxyName });
