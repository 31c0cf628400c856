import type { i18n } from 'i18next';
import type { Locale } from '../config';
import type { Translate } from './context';

/**
 * Translations as plain text: i18next's own escaping is for Telegram's HTML, and the console's pages escape every
 * value once themselves (hono/html), so a name with < or & shows as written.
 */
export function translator(inst: i18n, locale: Locale): Translate {
  const t = inst.getFixedT(locale);
  return (key, params = {}) => t(key, { ...params, interpolation: { escapeValue: false } }) as string;
}

/** A bilingual name in the reader's language. */
export const named = (locale: Locale, n: { nameZh: string; nameEn: string }) => (locale === 'en' ? n.nameEn : n.nameZh);
