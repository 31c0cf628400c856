import type { Locale } from '../../config';
import type { Param, Params } from '../../outbox/content';
import type { Translate } from '../context';

// A message the chat sends through the outbox (a key and its parameters, nested keys among them), read on a page:
// translated the way the delivery worker renders it, as plain words (the page escapes it once, and the chat's
// Telegram formatting tags are dropped).

function resolved(v: Param, t: Translate, locale: Locale): string | number {
  if (typeof v === 'number' || typeof v === 'string') return v;
  if ('$t' in v) return t(v.$t, resolveAll(v.params ?? {}, t, locale));
  return v[locale];
}

const resolveAll = (params: Params, t: Translate, locale: Locale) =>
  Object.fromEntries(Object.entries(params).map(([k, v]) => [k, resolved(v, t, locale)]));

export const outText = (t: Translate, locale: Locale, key: string, params: Params) =>
  t(key, resolveAll(params, t, locale)).replace(/<[^>]+>/g, '');
