import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import i18next, { type i18n, type TFunction } from 'i18next';
import type { Locale } from '../config';

export type { TFunction };
export const LOCALES: readonly Locale[] = ['zh-CN', 'en'];
export const LOCALES_DIR = resolve(import.meta.dirname, '../../locales');

/** Telegram text is sent as HTML; only these four characters are special there. */
export function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** locales/<lng>/<area>.json → keys "<area>.<path>" in one namespace. */
export function loadResources(dir = LOCALES_DIR): Record<string, { translation: Record<string, unknown> }> {
  const out: Record<string, { translation: Record<string, unknown> }> = {};
  for (const lng of LOCALES) {
    const translation: Record<string, unknown> = {};
    for (const f of readdirSync(join(dir, lng))
      .filter((f) => f.endsWith('.json'))
      .sort()) {
      translation[f.replace(/\.json$/, '')] = JSON.parse(readFileSync(join(dir, lng, f), 'utf8'));
    }
    out[lng] = { translation };
  }
  return out;
}

/** One instance per process; handlers never call changeLanguage on it, they take a fixed translator. */
export function createI18n(defaultLocale: Locale): i18n {
  const inst = i18next.createInstance();
  void inst.init({
    initAsync: false,
    resources: loadResources(),
    lng: defaultLocale,
    fallbackLng: defaultLocale,
    supportedLngs: [...LOCALES],
    interpolation: { escapeValue: true, escape: escapeHtml },
    returnNull: false,
  });
  return inst;
}

/** Telegram language_code (e.g. "zh-hans", "en-US") → a supported locale, else the default. */
export function pickLocale(code: string | null | undefined, fallback: Locale): Locale {
  if (!code) return fallback;
  const c = code.toLowerCase();
  if (c.startsWith('zh')) return 'zh-CN';
  if (c.startsWith('en')) return 'en';
  return fallback;
}
