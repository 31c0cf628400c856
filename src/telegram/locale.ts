import type { Locale } from '../config';
import { pickLocale } from '../i18n';

/** Chosen language first, then Telegram's, then the deployment default. */
export function localeOf(user: { language: string | null; tgLanguage: string | null }, fallback: Locale): Locale {
  return user.language === 'zh-CN' || user.language === 'en' ? user.language : pickLocale(user.tgLanguage, fallback);
}
