import type { Locale } from '../config';

/** A name a user sees, in both languages (a compound, a service, a department). */
export type Bilingual = { readonly 'zh-CN': string; readonly en: string };

/** Domain objects carry both names; the reader's language picks one. */
export const inLocale = (names: { nameZh: string; nameEn: string }, locale: Locale): string =>
  locale === 'en' ? names.nameEn : names.nameZh;

export const bilingual = (names: { nameZh: string; nameEn: string }): Bilingual => ({
  'zh-CN': names.nameZh,
  en: names.nameEn,
});

/** How a person is called in cards and lists: their Telegram first and last name. */
export const displayName = (p: { firstName: string; lastName: string | null }): string =>
  [p.firstName, p.lastName].filter(Boolean).join(' ');
